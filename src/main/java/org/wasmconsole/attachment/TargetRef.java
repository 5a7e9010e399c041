package org.wasmconsole.attachment;

import org.wasmconsole.base.Fqn;

/**
 * Names a gateway or security setting: its tenant FQN, workspace, group and own name. Its
 * {@link #fqn()} is TSB's, e.g.
 * {@code organizations/tse/tenants/t1/workspaces/w1/gatewaygroups/g1/ingressgateways/ingress}.
 */
public record TargetRef(TargetKind kind, String tenant, String workspace, String group, String name) {

    /** This target's FQN as a value; {@code tenant} must be a tenant FQN (its names need not be valid yet). */
    public Fqn toFqn() {
        return Fqn.tenantOf(tenant).workspace(workspace).group(kind.groupKind().pathSegment(), group)
                .target(kind.pathSegment(), name);
    }

    /** The target of this FQN, or empty when it is not a target's. */
    public static java.util.Optional<TargetRef> of(Fqn fqn) {
        return fqn.level() != Fqn.Level.TARGET ? java.util.Optional.empty()
                : TargetKind.ofPathSegment(fqn.targetCollection())
                        .filter(k -> k.groupKind().pathSegment().equals(fqn.groupCollection()))
                        .map(k -> new TargetRef(k, fqn.tenantFqn().orElseThrow().toString(), fqn.workspace(),
                                fqn.group(), fqn.name()));
    }

    public String workspaceFqn() {
        return Fqn.tenantOf(tenant).workspace(workspace).toString();
    }

    public String groupFqn() {
        return Fqn.tenantOf(tenant).workspace(workspace).group(kind.groupKind().pathSegment(), group)
                .toString();
    }

    public String fqn() {
        return toFqn().toString();
    }

    /** The organization, from the tenant FQN {@code organizations/<org>/tenants/<t>}. */
    public String organization() {
        return Fqn.tryParse(tenant, Fqn.Level.TENANT).map(Fqn::organization).orElse("");
    }

    /** The tenant's own name. */
    public String tenantName() {
        return Fqn.nameOf(tenant);
    }
}
