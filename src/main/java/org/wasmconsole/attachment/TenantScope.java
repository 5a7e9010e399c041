package org.wasmconsole.attachment;

import org.springframework.stereotype.Component;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The tenant a request is about, if the caller may see it: an admin sees every tenant, an operator
 * their own. A tenant the caller may not see is "not found", like one that does not exist (spec §4).
 */
@Component
record TenantScope(TenantDirectory tenants, CurrentUser currentUser) {

    Tenant visibleTenant(String tenantFqn) {
        Viewer viewer = currentUser.viewer();
        return tenants.tenant(tenantFqn).filter(t -> viewer.admin() || viewer.tenantIds().contains(t.getId()))
                .orElseThrow(() -> new NotFoundException("tenant " + tenantFqn));
    }

    boolean canSee(Tenant tenant) {
        Viewer viewer = currentUser.viewer();
        return viewer.admin() || viewer.tenantIds().contains(tenant.getId());
    }

    /** {@link #canSee(Tenant)} by the tenant's id, for aggregate queries that return ids. */
    boolean canSee(Long tenantId) {
        Viewer viewer = currentUser.viewer();
        return viewer.admin() || viewer.tenantIds().contains(tenantId);
    }

    boolean isAdmin() {
        return currentUser.viewer().admin();
    }

    String username() {
        return currentUser.username();
    }
}
