package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;

/** The organization's history, for admins. */
@Component
class HistoryNavigation implements NavigationEntries {

    private final AuthenticationContext authentication;

    HistoryNavigation(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> entries() {
        if (!authentication.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem("History", "history", VaadinIcon.TIME_BACKWARD.create()));
    }

    @Override
    public int order() {
        return 500;
    }
}
