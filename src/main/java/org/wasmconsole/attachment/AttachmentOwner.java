package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
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
 * What a stored resource with an attachment list has wherever it lives: a {@link Target} (gateway or
 * security setting) or a {@link DefaultSetting}. Each subclass adds its own columns, table and the
 * mapping of its list; the column names here are the same in both tables.
 */
@MappedSuperclass
abstract class AttachmentOwner<E extends AttachedExtension> {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    /** The TSB spec fields the console does not manage, verbatim (a JSON object); null when there are none. */
    @Column(name = "kept_json", length = 1000000)
    private String keptJson;

    @Column(nullable = false, length = 64)
    private String etag;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 63)
    private String updatedBy;

    /** The mapped attachment list of the subclass, in position order. */
    abstract List<E> getAttachments();

    /** A new row of this owner's list. */
    abstract E newEntry(int position, WasmExtension extension, Attachment attachment);

    /**
     * Takes the shared fields and the attachments; {@code extensions} are the attached extensions in
     * the same order (looked up and checked by the service). An extension that stays attached keeps
     * its row (updated in place): the unique (owner, extension) key never sees two rows of one
     * extension, whatever order Hibernate flushes inserts and deletes in.
     */
    void applyShared(String displayName, ObjectMeta meta, ObjectNode kept, List<Attachment> wanted,
                     List<WasmExtension> extensions, String user) {
        this.displayName = displayName;
        metaJson = meta.toJson();
        keptJson = kept.isEmpty() ? null : AttachmentJson.writeConfig(kept);
        List<E> attachments = getAttachments();
        Map<Long, E> existing = new HashMap<>();
        attachments.forEach(a -> existing.put(a.getExtension().getId(), a));
        List<E> next = new ArrayList<>();
        for (int i = 0; i < extensions.size(); i++) {
            Attachment a = wanted.get(i);
            E entry = existing.remove(extensions.get(i).getId());
            if (entry == null) {
                entry = newEntry(i, extensions.get(i), a);
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
    void remove(List<E> removed, String user) {
        List<E> attachments = getAttachments();
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

    String getEtag() {
        return etag;
    }

    String getDisplayName() {
        return displayName;
    }

    ObjectMeta meta() {
        return ObjectMeta.fromJson(metaJson);
    }

    /** The kept TSB fields; null when there are none. */
    ObjectNode kept() {
        return keptJson == null ? null : (ObjectNode) AttachmentJson.readConfig(keptJson);
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
