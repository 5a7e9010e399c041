package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.RoleNavigationEntry;
import org.wasmconsole.security.Roles;

/** The tenants list, for admins (operators get one entry per own tenant instead). */
@Component
class TenantNavigation extends RoleNavigationEntry {

    TenantNavigation(AuthenticationContext authentication) {
        super(authentication, Roles.ADMIN, "Tenants", "tenants", VaadinIcon.GROUP, 200);
    }
}
