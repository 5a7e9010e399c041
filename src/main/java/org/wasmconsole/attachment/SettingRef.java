package org.wasmconsole.attachment;

/**
 * Names a default setting: its level, organization, tenant and workspace names as the level needs
 * them (null above it), and its own name. Its {@link #fqn()} is TSB's:
 * {@code organizations/tse/settings/default}, {@code organizations/tse/tenants/t1/settings/default},
 * {@code organizations/tse/tenants/t1/workspaces/w1/settings/default}.
 */
public record SettingRef(SettingLevel level, String organization, String tenant, String workspace, String name) {

    public SettingRef {
        if (level == SettingLevel.ORGANIZATION) {
            tenant = null;
        }
        if (level != SettingLevel.WORKSPACE) {
            workspace = null;
        }
    }

    public static SettingRef organization(String organization, String name) {
        return new SettingRef(SettingLevel.ORGANIZATION, organization, null, null, name);
    }

    public static SettingRef tenant(String organization, String tenant, String name) {
        return new SettingRef(SettingLevel.TENANT, organization, tenant, null, name);
    }

    public static SettingRef workspace(String organization, String tenant, String workspace, String name) {
        return new SettingRef(SettingLevel.WORKSPACE, organization, tenant, workspace, name);
    }

    /** The tenant's FQN, or null for an organization setting. */
    public String tenantFqn() {
        return tenant == null ? null : "organizations/" + organization + "/tenants/" + tenant;
    }

    /** What the setting belongs to: the organization's, tenant's or workspace's FQN. */
    public String ownerFqn() {
        return switch (level) {
            case ORGANIZATION -> "organizations/" + organization;
            case TENANT -> tenantFqn();
            case WORKSPACE -> tenantFqn() + "/workspaces/" + workspace;
        };
    }

    public String fqn() {
        return ownerFqn() + "/settings/" + name;
    }
}
