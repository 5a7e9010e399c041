package org.wasmconsole.tenant;

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
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.Fqn;

/** A tenant of an organization ({@code organizations/<org>/tenants/<name>}). */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    /** Copied from the organization so that building the FQN never loads it. */
    @Column(name = "organization_name", nullable = false, length = 63)
    private String organizationName;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    /** metadata.labels and metadata.annotations (JSON); null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {
    }

    public Tenant(Organization organization, String name, String displayName) {
        this.organization = organization;
        this.organizationName = organization.getName();
        this.name = name;
        this.displayName = displayName;
        this.createdAt = Instant.now();
    }

    public static String fqn(String organization, String name) {
        return Fqn.tenant(organization, name).toString();
    }

    public Long getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String fqn() {
        return fqn(organizationName, name);
    }

    /** Only {@link TenantService#rename} calls this, after checking the display name. */
    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    ObjectMeta getMeta() {
        return ObjectMeta.fromJson(metaJson);
    }

    void setMeta(ObjectMeta meta) {
        this.metaJson = meta.toJson();
    }
}
