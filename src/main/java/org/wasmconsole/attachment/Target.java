package org.wasmconsole.attachment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.wasmconsole.extension.WasmExtension;

/**
 * A stored gateway or security setting with its attachments. Changed only by
 * {@link AttachmentService}, always through {@link #apply}, which renews the etag.
 */
@Entity
@Table(name = "attachment_target")
class Target extends AttachmentOwner<AttachmentEntry> {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    private TargetGroup group;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TargetKind kind;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(nullable = false, length = 63)
    private String namespace;

    @Column(name = "labels_json", nullable = false, length = 16384)
    private String labelsJson;

    @OneToMany(mappedBy = "target", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AttachmentEntry> attachments = new ArrayList<>();

    protected Target() {
    }

    Target(TargetGroup group, TargetKind kind, String name) {
        this.group = group;
        this.kind = kind;
        this.name = name;
    }

    /** Takes the definition's fields and attachments (see {@link AttachmentOwner#applyShared}). */
    void apply(TargetDefinition definition, List<WasmExtension> extensions, String user) {
        namespace = definition.namespace();
        labelsJson = AttachmentJson.writeLabels(definition.labels());
        applyShared(definition.displayName(), definition.meta(), definition.kept(), definition.attachments(),
                extensions, user);
    }

    @Override
    AttachmentEntry newEntry(int position, WasmExtension extension, Attachment a) {
        return new AttachmentEntry(this, position, extension, a.config(), a.match());
    }

    @Override
    List<AttachmentEntry> getAttachments() {
        return attachments;
    }

    TargetGroup getGroup() {
        return group;
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
        return new TargetDefinition(target.ref(), getDisplayName(), namespace, target.labels(),
                attachments.stream().map(AttachmentEntry::attachment).toList(), meta(), kept());
    }

    StoredTarget stored() {
        return new StoredTarget(definition(), getEtag(), getUpdatedAt(), getUpdatedBy());
    }
}
