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
import org.wasmconsole.tenant.Tenant;

/**
 * A stored OrganizationSetting, TenantSetting or WorkspaceSetting with its default security setting's
 * attachments. Changed only by {@link DefaultSettingService}, always through {@link #apply}.
 */
@Entity
@Table(name = "default_setting")
class DefaultSetting extends AttachmentOwner<DefaultSettingEntry> {

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

    @Column(name = "has_security", nullable = false)
    private boolean security;

    @OneToMany(mappedBy = "setting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<DefaultSettingEntry> attachments = new ArrayList<>();

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
        security = definition.security();
        applyShared(definition.displayName(), definition.meta(), definition.kept(), definition.attachments(),
                extensions, user);
    }

    @Override
    DefaultSettingEntry newEntry(int position, WasmExtension extension, Attachment a) {
        return new DefaultSettingEntry(this, position, extension, a.config(), a.match());
    }

    @Override
    List<DefaultSettingEntry> getAttachments() {
        return attachments;
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
        return new DefaultSettingDefinition(ref(), getDisplayName(), security,
                attachments.stream().map(DefaultSettingEntry::attachment).toList(), meta(), kept());
    }

    StoredSetting stored() {
        return new StoredSetting(definition(), getEtag(), getUpdatedAt(), getUpdatedBy());
    }
}
