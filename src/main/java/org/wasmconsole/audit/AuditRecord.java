package org.wasmconsole.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the audit trail; written once, never changed. */
@Entity
@Table(name = "audit_record")
class AuditRecord {

    static final int MAX_USERNAME = 63;
    static final int MAX_RESOURCE = 512;
    static final int MAX_SUMMARY = 2048;

    /** From a sequence (V15, {@link AuditSequenceMigration}), so that the records of one flush are inserted in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_record_seq")
    @SequenceGenerator(name = "audit_record_seq", sequenceName = "audit_record_seq",
            allocationSize = AuditSequenceMigration.ALLOCATION)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = MAX_USERNAME)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type", nullable = false, length = 32)
    private AuditResourceType resourceType;

    @Column(length = 63)
    private String organization;

    @Column(name = "resource_name", length = MAX_RESOURCE)
    private String resourceName;

    @Column(length = MAX_SUMMARY)
    private String summary;

    @Column(name = "before_doc", length = 1_000_000)
    private String beforeDoc;

    @Column(name = "after_doc", length = 1_000_000)
    private String afterDoc;

    @Column(length = 64)
    private String etag;

    protected AuditRecord() {
    }

    AuditRecord(Instant occurredAt, String username, AuditAction action, AuditResourceType resourceType,
                String organization, String resourceName, String summary, String beforeDoc, String afterDoc,
                String etag) {
        this.occurredAt = occurredAt;
        this.username = clip(username, MAX_USERNAME);
        this.action = action;
        this.resourceType = resourceType;
        this.organization = organization;
        this.resourceName = clip(resourceName, MAX_RESOURCE);
        this.summary = clip(summary, MAX_SUMMARY);
        this.beforeDoc = beforeDoc;
        this.afterDoc = afterDoc;
        this.etag = etag;
    }

    /** Shortened to fit its column, with control characters (typed user names) replaced. */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", "\uFFFD");
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "\u2026";
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, username, action, resourceType, organization, resourceName, summary,
                beforeDoc != null || afterDoc != null);
    }

    AuditDetails toDetails() {
        return new AuditDetails(toEntry(), beforeDoc, afterDoc, etag);
    }

    Long getId() {
        return id;
    }

    AuditResourceType getResourceType() {
        return resourceType;
    }

    String getOrganization() {
        return organization;
    }

    String getResourceName() {
        return resourceName;
    }
}
