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
import org.wasmconsole.tenant.Tenant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stored OrganizationSetting, TenantSetting or WorkspaceSetting with its default security setting's
 * attachments. Changed only by {@link DefaultSettingService}, always through {@link #apply}.
 */
@Entity
@Table(name = "default_setting")
class DefaultSetting {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SettingLevel level;

    @Column(name = "owner_fqn", nullable = false, length = 400)
    private String ownerFqn;

    @Column(nullable = false, length = 63)
    private String organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "tenant_id")
    private Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "workspace_id")
    private Workspace workspace;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    @Column(name = "has_security", nullable = false)
    private boolean security;

    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    @Column(name = "kept_json", length = 1000000)
    private String keptJson;

    @OneToMany(mappedBy = "setting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DefaultSettingEntry> attachments = new ArrayList<>();

    @Column(nullable = false, length = 64)
    private String etag;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 63)
    private String updatedBy;

    protected DefaultSetting() {
    }

    DefaultSetting(SettingRef ref, Tenant tenant, Workspace workspace) {
        this.level = ref.level();
        this.ownerFqn = ref.ownerFqn();
        this.organization = ref.organization();
        this.tenant = tenant;
        this.workspace = workspace;
        this.name = ref.name();
    }

    /** As {@code Target.apply}: an extension that stays attached keeps its row. */
    void apply(DefaultSettingDefinition definition, List<WasmExtension> extensions, String user) {
        displayName = definition.displayName();
        security = definition.security();
        metaJson = definition.meta().toJson();
        keptJson = definition.kept().isEmpty() ? null : AttachmentJson.writeConfig(definition.kept());
        Map<Long, DefaultSettingEntry> existing = new HashMap<>();
        attachments.forEach(a -> existing.put(a.getExtension().getId(), a));
        List<DefaultSettingEntry> next = new ArrayList<>();
        for (int i = 0; i < extensions.size(); i++) {
            Attachment a = definition.attachments().get(i);
            DefaultSettingEntry entry = existing.remove(extensions.get(i).getId());
            if (entry == null) {
                entry = new DefaultSettingEntry(this, i, extensions.get(i), a.config(), a.match());
            } else {
                entry.update(i, a.config(), a.match());
            }
            next.add(entry);
        }
        attachments.clear();
        attachments.addAll(next);
        touch(user);
    }

    /** Removes the given attachments (an extension deleted or narrowed elsewhere). */
    void remove(List<DefaultSettingEntry> removed, String user) {
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
        etag = '"' + HexFormat.of().formatHex(bytes) + '"';
    }

    List<DefaultSettingEntry> getAttachments() {
        return attachments;
    }

    String getEtag() {
        return etag;
    }

    /** The tenant of a tenant or workspace setting; null for an organization setting. */
    Tenant tenantEntity() {
        return tenant;
    }

    SettingLevel getLevel() {
        return level;
    }

    SettingRef ref() {
        String tenantName = tenant == null ? null : tenant.getName();
        String workspaceName = workspace == null ? null : workspace.getName();
        return new SettingRef(level, organization, tenantName, workspaceName, name);
    }

    DefaultSettingDefinition definition() {
        return new DefaultSettingDefinition(ref(), displayName, security,
                attachments.stream().map(DefaultSettingEntry::attachment).toList(), ObjectMeta.fromJson(metaJson),
                keptJson == null ? null : (ObjectNode) AttachmentJson.readConfig(keptJson));
    }

    StoredSetting stored() {
        return new StoredSetting(definition(), etag, updatedAt, updatedBy);
    }
}
