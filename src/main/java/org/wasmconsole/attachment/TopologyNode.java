package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import org.wasmconsole.base.ObjectMeta;

/**
 * The columns a {@link Workspace} and a {@link TargetGroup} share (same names in both tables); each
 * subclass adds its parent and table. Changed only by {@link TopologyService}.
 */
@MappedSuperclass
abstract class TopologyNode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TopologyNode() {
    }

    TopologyNode(String name, String displayName) {
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    ObjectMeta meta() {
        return ObjectMeta.fromJson(metaJson);
    }

    /** Null leaves them as they are. */
    void setMeta(ObjectMeta meta) {
        if (meta != null) {
            this.metaJson = meta.toJson();
        }
    }
}
