package org.wasmconsole.apply.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;

/** The Import screen, for admins. */
@Component
class ImportNavigation implements NavigationEntries {

    private final AuthenticationContext authentication;

    ImportNavigation(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> entries() {
        if (!authentication.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem("Import", "import", VaadinIcon.UPLOAD.create()));
    }

    @Override
    public int order() {
        return 400;
    }
}
