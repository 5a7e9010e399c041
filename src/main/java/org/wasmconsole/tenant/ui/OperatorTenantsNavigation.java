package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantService;

/**
 * An operator's way to their own tenants' pages (extensions, gateways, attachments): one entry per
 * tenant, after the admin entries. Admins have "Tenants" instead.
 */
@Component
record OperatorTenantsNavigation(TenantService tenants, ConsoleOrganization organization,
                                 AuthenticationContext authentication) implements NavigationEntries {

    @Override
    public List<SideNavItem> entries() {
        if (authentication.hasRole(Roles.ADMIN) || !authentication.isAuthenticated()) {
            return List.of();
        }
        return tenants.list(organization.name()).stream()
                .map(t -> new SideNavItem("Tenant " + t.name(), "tenants/" + t.name(), VaadinIcon.GROUP.create()))
                .toList();
    }

    @Override
    public int order() {
        return 600;
    }
}
