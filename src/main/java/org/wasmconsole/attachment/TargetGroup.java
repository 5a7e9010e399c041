package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A gateway group or security group of a workspace. Changed only by {@link TopologyService}. */
@Entity
@Table(name = "target_group")
class TargetGroup extends TopologyNode {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id")
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GroupKind kind;

    protected TargetGroup() {
    }

    TargetGroup(Workspace workspace, GroupKind kind, String name, String displayName) {
        super(name, displayName);
        this.workspace = workspace;
        this.kind = kind;
    }

    Workspace getWorkspace() {
        return workspace;
    }

    GroupInfo info() {
        return new GroupInfo(workspace.getTenant().fqn(), workspace.getName(), kind, getName(), getDisplayName(),
                meta());
    }
}
