package org.wasmconsole.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.AttachmentValidator;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The audit trail, read: the whole trail for admins (History view), and the history of one
 * extension for whoever may see that extension (its History tab), scoped exactly like
 * {@link ExtensionService}: an operator gets nothing of users, tenants, other tenants' extensions
 * or deleted extensions. Restoring a version writes it back through {@link ExtensionService}, so
 * every rule, the etag check and the audit trail apply.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class AuditService {

    /** The most records one extension's history shows. */
    public static final int HISTORY_LIMIT = 500;
    /** How long before its DELETE record a deletion's Detached records may be (one transaction: far less). */
    private static final int DETACH_WINDOW_SECONDS = 60;

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final AuditRecordRepository records;
    private final ExtensionService extensions;
    private final CurrentUser currentUser;
    private final ExtensionYaml yaml = new ExtensionYaml();

    private final AttachmentService attachments;

    private final TenantDirectory tenants;

    /** One page of the whole trail, newest first. */
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEntry> list(AuditFilter filter, Pageable pageable) {
        return records.list(filter, pageable);
    }

    @RolesAllowed(Roles.ADMIN)
    public long count(AuditFilter filter) {
        return records.count(filter);
    }

    /**
     * Every record of the extension, newest first (at most {@link #HISTORY_LIMIT}). An admin gets
     * the history of any name, a deleted extension's too; anyone else only of an extension they can
     * see now, else {@link NotFoundException}, as for the extension itself.
     */
    public List<AuditEntry> extensionHistory(String organization, String name) {
        requireVisible(organization, name);
        List<AuditEntry> history = records.history(AuditResourceType.EXTENSION,
                ExtensionDefinition.fqn(organization, name), HISTORY_LIMIT);
        Viewer viewer = currentUser.viewer();
        return viewer.admin() ? history : history.stream().map(operatorView(organization, viewer)::entry).toList();
    }

    /** What an operator may read of a record: their own tenants' names only. */
    private OperatorHistory operatorView(String organization, Viewer viewer) {
        return new OperatorHistory(organization, Set.copyOf(tenants.fqns(viewer.tenantIds()).values()));
    }

    /**
     * One record with its documents. An admin may read any; anyone else only a record of an
     * extension they can see now (others are "not there", as in {@link ExtensionService#find}).
     */
    public Optional<AuditDetails> find(long id) {
        Optional<AuditRecord> record = records.find(id);
        if (record.isEmpty() || currentUser.viewer().admin()) {
            return record.map(AuditRecord::toDetails);
        }
        AuditRecord r = record.get();
        if (r.getResourceType() != AuditResourceType.EXTENSION || r.getOrganization() == null) {
            return Optional.empty();
        }
        String name = Fqn.nameOf(r.getResourceName());
        return extensions.find(r.getOrganization(), name).isPresent()
                ? Optional.of(operatorView(r.getOrganization(), currentUser.viewer()).details(r.toDetails()))
                : Optional.empty();
    }

    /**
     * Writes the version of the extension that the record stands for ({@link AuditDetails#version()})
     * back: through {@link ExtensionService#update} with {@code expectedEtag} when the extension
     * exists, through {@link ExtensionService#create} when it was deleted (then {@code expectedEtag}
     * is ignored). Every rule applies (a tenant deleted since is refused, a stale etag too) and the
     * write is recorded as a RESTORE naming the version, in the same transaction.
     */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension restore(long id, String expectedEtag) {
        AuditDetails details = records.find(id).map(AuditRecord::toDetails)
                .filter(d -> d.entry().resourceType() == AuditResourceType.EXTENSION && d.version() != null)
                .orElseThrow(() -> new NotFoundException("version " + id + " of an extension"));
        ExtensionDefinition definition;
        try {
            definition = yaml.read(details.version()).getFirst().definition();
        } catch (DocumentException e) {
            throw new ValidationException("version", "the recorded document cannot be read back: " + e.getMessage());
        }
        AuditEntry entry = details.entry();
        String note = "restored the version of " + WHEN.format(entry.time()) + " (" + entry.action().label()
                .toLowerCase(java.util.Locale.ROOT) + " by " + entry.username() + ")";
        return AuditTrail.restoring(definition.fqn(), note, () ->
                extensions.find(definition.organization(), definition.name()).isPresent()
                        ? extensions.update(definition, expectedEtag)
                        : extensions.create(definition));
    }

    /**
     * Where the extension of a DELETE record was attached when it was deleted: the targets its
     * deletion detached it from (recorded in the same transaction, so at the same moment).
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public Reattachment detachedByDeletion(long deleteRecordId) {
        AuditEntry deleted = records.find(deleteRecordId).map(AuditRecord::toDetails).map(AuditDetails::entry)
                .filter(e -> e.action() == AuditAction.DELETE && e.resourceType() == AuditResourceType.EXTENSION)
                .orElseThrow(() -> new NotFoundException("deletion " + deleteRecordId + " of an extension"));
        String summary = Reattachment.deletionSummaryPart(deleted.shortName());
        List<String> places = records.list(new AuditFilter(null, null, AuditAction.DETACH,
                        deleted.time().minusSeconds(DETACH_WINDOW_SECONDS), deleted.time().plusMillis(1)),
                        PageRequest.of(0, HISTORY_LIMIT)).stream()
                .filter(e -> java.util.Objects.equals(e.organization(), deleted.organization())
                        && e.summary() != null && e.summary().endsWith(summary))
                .map(AuditEntry::resourceName).distinct().sorted().toList();
        return new Reattachment(places, List.of(), List.of());
    }

    /**
     * {@link #restore(long, String)} of a deleted extension, then, with {@code reattach}, attaches it
     * again (its own config and match) wherever its deletion detached it and the place still exists
     * and its tenant is still allowed; all in one transaction, each attach recorded.
     */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public Reattachment restoreAndReattach(long id, boolean reattach) {
        List<String> places = detachedByDeletion(id).places();
        StoredExtension restored = restore(id, null);
        if (!reattach) {
            return new Reattachment(places, List.of(), List.of());
        }
        List<String> done = new java.util.ArrayList<>();
        List<String> skipped = new java.util.ArrayList<>();
        for (String place : places) {
            java.util.Optional<TargetRef> ref = Reattachment.ref(place);
            java.util.Optional<StoredTarget> target = ref.flatMap(attachments::find);
            if (target.isEmpty()) {
                skipped.add(place + ": it no longer exists");
            } else if (!AttachmentValidator.isAllowedIn(restored.definition(), ref.get().tenant())) {
                skipped.add(place + ": its tenant is no longer in the extension's allowed tenants");
            } else if (target.get().definition().attachments().stream().anyMatch(a -> a.fqn().equals(restored.fqn()))) {
                skipped.add(place + ": it is attached there already");
            } else {
                attachments.attach(ref.get(), Attachment.of(restored.fqn()), target.get().etag());
                done.add(place);
            }
        }
        return new Reattachment(places, done, skipped);
    }

    private void requireVisible(String organization, String name) {
        if (!currentUser.viewer().admin() && extensions.find(organization, name).isEmpty()) {
            throw new NotFoundException("extension " + ExtensionDefinition.fqn(organization, name));
        }
    }
}
