package org.wasmconsole.tenant;

/** A tenant as the rest of the application sees it: detached, immutable. */
public record TenantInfo(Long id, String organization, String name, String displayName) {

    static TenantInfo of(Tenant t) {
        return new TenantInfo(t.getId(), t.getOrganizationName(), t.getName(), t.getDisplayName());
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
