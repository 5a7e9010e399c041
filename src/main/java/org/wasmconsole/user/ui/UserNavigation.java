package org.wasmconsole.user.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.RoleNavigationEntry;
import org.wasmconsole.security.Roles;

/** User administration, for admins. */
@Component
class UserNavigation extends RoleNavigationEntry {

    UserNavigation(AuthenticationContext authentication) {
        super(authentication, Roles.ADMIN, "Users", "users", VaadinIcon.USERS, 300);
    }
}
