package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;

/** The tenants list, for admins (operators get one entry per own tenant instead). */
@Component
class TenantNavigation implements NavigationEntries {

    private final AuthenticationContext authentication;

    TenantNavigation(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> entries() {
        if (!authentication.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem("Tenants", "tenants", VaadinIcon.GROUP.create()));
    }

    @Override
    public int order() {
        return 200;
    }
}
