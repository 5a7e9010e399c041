package org.wasmconsole.attachment;

/**
 * Names a gateway or security setting: its tenant FQN, workspace, group and own name. Its
 * {@link #fqn()} is TSB's, e.g.
 * {@code organizations/tse/tenants/t1/workspaces/w1/gatewaygroups/g1/ingressgateways/ingress}.
 */
public record TargetRef(TargetKind kind, String tenant, String workspace, String group, String name) {

    public String workspaceFqn() {
        return tenant + "/workspaces/" + workspace;
    }

    public String groupFqn() {
        return workspaceFqn() + "/" + kind.groupKind().pathSegment() + "/" + group;
    }

    public String fqn() {
        return groupFqn() + "/" + kind.pathSegment() + "/" + name;
    }

    /** The organization, from the tenant FQN {@code organizations/<org>/tenants/<t>}. */
    public String organization() {
        String[] parts = tenant.split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    /** The tenant's own name. */
    public String tenantName() {
        return tenant.substring(tenant.lastIndexOf('/') + 1);
    }
}
