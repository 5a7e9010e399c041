package org.wasmconsole.apply.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.RoleNavigationEntry;
import org.wasmconsole.security.Roles;

/** The Import screen, for admins. */
@Component
class ImportNavigation extends RoleNavigationEntry {

    ImportNavigation(AuthenticationContext authentication) {
        super(authentication, Roles.ADMIN, "Import", "import", VaadinIcon.UPLOAD, 400);
    }
}
