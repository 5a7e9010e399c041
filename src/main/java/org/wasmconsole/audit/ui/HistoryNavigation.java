package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.RoleNavigationEntry;
import org.wasmconsole.security.Roles;

/** The organization's history, for admins. */
@Component
class HistoryNavigation extends RoleNavigationEntry {

    HistoryNavigation(AuthenticationContext authentication) {
        super(authentication, Roles.ADMIN, "History", "history", VaadinIcon.TIME_BACKWARD, 500);
    }
}
