package org.wasmconsole.attachment;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.WasmExtension;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored gateway or security setting with its attachments. Changed only by
 * {@link AttachmentService}, always through {@link #apply}, which renews the etag.
 */
@Entity
@Table(name = "attachment_target")
class Target {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private TargetGroup group;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TargetKind kind;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    @Column(nullable = false, length = 63)
    private String namespace;

    @Column(name = "labels_json", nullable = false, length = 16384)
    private String labelsJson;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    /** The TSB spec fields the console does not manage, verbatim (a JSON object); null when there are none. */
    @Column(name = "kept_json", length = 1000000)
    private String keptJson;

    @OneToMany(mappedBy = "target", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AttachmentEntry> attachments = new ArrayList<>();

    @Column(nullable = false, length = 64)
    private String etag;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 63)
    private String updatedBy;

    protected Target() {
    }

    Target(TargetGroup group, TargetKind kind, String name) {
        this.group = group;
        this.kind = kind;
        this.name = name;
    }

    /**
     * Takes the definition's fields and attachments; {@code extensions} are the attached extensions
     * in the same order (looked up and checked by the service). An extension that stays attached
     * keeps its row (updated in place): the unique (target, extension) key never sees two rows of
     * one extension, whatever order Hibernate flushes inserts and deletes in.
     */
    void apply(TargetDefinition definition, List<WasmExtension> extensions, String user) {
        displayName = definition.displayName();
        namespace = definition.namespace();
        labelsJson = AttachmentJson.writeLabels(definition.labels());
        metaJson = definition.meta().toJson();
        keptJson = definition.kept().isEmpty() ? null : AttachmentJson.writeConfig(definition.kept());
        Map<Long, AttachmentEntry> existing = new HashMap<>();
        attachments.forEach(a -> existing.put(a.getExtension().getId(), a));
        List<AttachmentEntry> next = new ArrayList<>();
        for (int i = 0; i < extensions.size(); i++) {
            Attachment a = definition.attachments().get(i);
            AttachmentEntry entry = existing.remove(extensions.get(i).getId());
            if (entry == null) {
                entry = new AttachmentEntry(this, i, extensions.get(i), a.config(), a.match());
            } else {
                entry.update(i, a.config(), a.match());
            }
            next.add(entry);
        }
        attachments.clear();
        attachments.addAll(next);
        touch(user);
    }

    /** Removes the given attachments (a detach from elsewhere: an extension deleted or narrowed). */
    void remove(List<AttachmentEntry> removed, String user) {
        attachments.removeAll(removed);
        for (int i = 0; i < attachments.size(); i++) {
            attachments.get(i).setPosition(i);
        }
        touch(user);
    }

    private void touch(String user) {
        updatedAt = Instant.now();
        updatedBy = user;
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        etag = '"' + HexFormat.of().formatHex(bytes) + '"'; // quoted, as every etag of the console
    }

    Long getId() {
        return id;
    }

    TargetGroup getGroup() {
        return group;
    }

    List<AttachmentEntry> getAttachments() {
        return attachments;
    }

    String getEtag() {
        return etag;
    }

    TargetRef ref() {
        Workspace workspace = group.getWorkspace();
        return new TargetRef(kind, workspace.getTenant().fqn(), workspace.getName(), group.getName(), name);
    }

    GatewayTarget gatewayTarget() {
        TargetRef ref = ref();
        return new GatewayTarget(kind, ref.tenant(), ref.workspace(), ref.group(), name, namespace,
                AttachmentJson.readLabels(labelsJson));
    }

    TargetDefinition definition() {
        GatewayTarget target = gatewayTarget();
        return new TargetDefinition(target.ref(), displayName, namespace, target.labels(),
                attachments.stream().map(AttachmentEntry::attachment).toList(), ObjectMeta.fromJson(metaJson),
                keptJson == null ? null : (ObjectNode) AttachmentJson.readConfig(keptJson));
    }

    StoredTarget stored() {
        return new StoredTarget(definition(), etag, updatedAt, updatedBy);
    }
}
