package org.wasmconsole.user.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;

/** User administration, for admins. */
@Component
class UserNavigation implements NavigationEntries {

    private final AuthenticationContext authentication;

    UserNavigation(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> entries() {
        if (!authentication.hasRole(Roles.ADMIN)) {
            return List.of();
        }
        return List.of(new SideNavItem("Users", "users", VaadinIcon.USERS.create()));
    }

    @Override
    public int order() {
        return 300;
    }
}
