package org.wasmconsole.security.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.DrawerFooter;
import org.wasmconsole.security.Roles;

/** Says what the signed-in user may do here, by their role, rather than a slogan (issue #16). */
@Component
@RequiredArgsConstructor
class RoleFooter implements DrawerFooter {

    private final AuthenticationContext authentication;

    @Override
    public String text() {
        return authentication.hasRole(Roles.ADMIN)
                ? "Platform admin: you manage the organization's extensions, tenants and users"
                : "Tenant operator: a read-only view of what your tenants may use and where it runs";
    }
}
