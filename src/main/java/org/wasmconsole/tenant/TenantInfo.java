package org.wasmconsole.tenant;

import org.jspecify.annotations.Nullable;
import org.wasmconsole.base.ObjectMeta;

/**
 * A tenant as the rest of the application sees it: detached, immutable.
 *
 * @param meta its labels and annotations
 */
public record TenantInfo(Long id, String organization, String name, @Nullable String displayName, ObjectMeta meta) {

    public TenantInfo {
        meta = meta == null ? ObjectMeta.EMPTY : meta;
    }

    public TenantInfo(Long id, String organization, String name, String displayName) {
        this(id, organization, name, displayName, ObjectMeta.EMPTY);
    }

    static TenantInfo of(Tenant t) {
        return new TenantInfo(t.getId(), t.getOrganizationName(), t.getName(), t.getDisplayName(), t.getMeta());
    }

    public String fqn() {
        return Tenant.fqn(organization, name);
    }

    /** The display name when there is one, else the name. */
    public String label() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }

    /** How a tenant is named wherever one is chosen: "Checkout (checkout)", or the name alone without a display name. */
    public String labelWithName() {
        return label().equals(name) ? name : label() + " (" + name + ")";
    }
}
