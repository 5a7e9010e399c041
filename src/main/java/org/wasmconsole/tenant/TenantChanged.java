package org.wasmconsole.tenant;

import org.wasmconsole.base.Fqn;
import org.jspecify.annotations.Nullable;

/**
 * Published by {@link TenantService} inside the transaction of every write, after the write (for a
 * delete: after the tenant is gone and every {@link TenantDeleting} listener has had its say).
 * Listeners run synchronously in that transaction, like those of {@link TenantDeleting}.
 *
 * @param name   the tenant's name; for {@link Change#ORGANIZATION_CREATED} the organization's
 * @param before the display name before the change (rename, delete), or null
 * @param after  the display name after the change (create, rename), or null
 */
public record TenantChanged(Change change, String organization, String name, @Nullable String before,
                            @Nullable String after) {

    /** RELABELLED: its labels or annotations changed (before and after are then null). */
    public enum Change { CREATED, RENAMED, RELABELLED, DELETED, ORGANIZATION_CREATED }

    public String fqn() {
        return change == Change.ORGANIZATION_CREATED ? Fqn.organization(name).toString()
                : Tenant.fqn(organization, name);
    }
}
