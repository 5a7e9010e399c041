package org.wasmconsole.attachment;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.wasmconsole.tenant.Tenant;

/** A workspace of a tenant. Changed only by {@link TopologyService}. */
@Entity
@Table(name = "workspace")
class Workspace extends TopologyNode {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    protected Workspace() {
    }

    Workspace(Tenant tenant, String name, String displayName) {
        super(name, displayName);
        this.tenant = tenant;
    }

    Tenant getTenant() {
        return tenant;
    }

    WorkspaceInfo info() {
        return new WorkspaceInfo(tenant.fqn(), getName(), getDisplayName(), meta());
    }
}
