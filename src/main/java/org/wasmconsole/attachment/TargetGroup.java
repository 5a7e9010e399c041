package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A gateway group or security group of a workspace. Changed only by {@link TopologyService}. */
@Entity
@Table(name = "target_group")
class TargetGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "workspace_id")
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GroupKind kind;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TargetGroup() {
    }

    TargetGroup(Workspace workspace, GroupKind kind, String name, String displayName) {
        this.workspace = workspace;
        this.kind = kind;
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    Workspace getWorkspace() {
        return workspace;
    }

    GroupKind getKind() {
        return kind;
    }

    String getName() {
        return name;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** Null leaves them as they are. */
    void setMeta(org.wasmconsole.base.ObjectMeta meta) {
        if (meta != null) {
            this.metaJson = meta.toJson();
        }
    }

    GroupInfo info() {
        return new GroupInfo(workspace.getTenant().fqn(), workspace.getName(), kind, name, displayName,
                org.wasmconsole.base.ObjectMeta.fromJson(metaJson));
    }
}
