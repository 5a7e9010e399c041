package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.wasmconsole.tenant.Tenant;

/** A workspace of a tenant. Changed only by {@link TopologyService}. */
@Entity
@Table(name = "workspace")
class Workspace {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Workspace() {
    }

    Workspace(Tenant tenant, String name, String displayName) {
        this.tenant = tenant;
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    Tenant getTenant() {
        return tenant;
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

    WorkspaceInfo info() {
        return new WorkspaceInfo(tenant.fqn(), name, displayName,
                org.wasmconsole.base.ObjectMeta.fromJson(metaJson));
    }
}
