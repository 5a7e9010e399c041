package org.wasmconsole.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.DocumentException;
import org.wasmconsole.resource.ExtensionYaml;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;

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
public class AuditService {

    /** The most records one extension's history shows. */
    public static final int HISTORY_LIMIT = 500;

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final AuditRecordRepository records;
    private final ExtensionService extensions;
    private final CurrentUser currentUser;
    private final ExtensionYaml yaml = new ExtensionYaml();

    AuditService(AuditRecordRepository records, ExtensionService extensions, CurrentUser currentUser) {
        this.records = records;
        this.extensions = extensions;
        this.currentUser = currentUser;
    }

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
        return records.history(AuditResourceType.EXTENSION, ExtensionDefinition.fqn(organization, name),
                HISTORY_LIMIT);
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
        String name = r.getResourceName().substring(r.getResourceName().lastIndexOf('/') + 1);
        return extensions.find(r.getOrganization(), name).isPresent() ? Optional.of(r.toDetails()) : Optional.empty();
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

    private void requireVisible(String organization, String name) {
        if (!currentUser.viewer().admin() && extensions.find(organization, name).isEmpty()) {
            throw new NotFoundException("extension " + ExtensionDefinition.fqn(organization, name));
        }
    }
}
