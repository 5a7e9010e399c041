package org.wasmconsole.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.attachment.AttachmentChanged;
import org.wasmconsole.extension.ExtensionChanged;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.tenant.TenantChanged;
import org.wasmconsole.user.GroupMappingChanged;
import org.wasmconsole.user.UserChanged;

/**
 * Records every change of extensions, tenants and users. The services publish their change events
 * synchronously inside their own transaction, after the write; these listeners require that
 * transaction ({@link Propagation#MANDATORY}) and write the record in it. So a change commits with
 * its record or not at all, and a refused or failed write leaves no record.
 */
@Component
@RequiredArgsConstructor
class AuditTrail {

    /** Set while {@link AuditService#restore} writes a restored version: the write is recorded as a restore. */
    private static final ThreadLocal<Restoring> RESTORING = new ThreadLocal<>();

    record Restoring(String fqn, String note) {
    }

    private final AuditRecordRepository records;
    private final CurrentUser currentUser;

    /** Runs {@code write}, recording its change of the extension {@code fqn} as a RESTORE with the note. */
    static <T> T restoring(String fqn, String note, Supplier<T> write) {
        Restoring previous = RESTORING.get();
        RESTORING.set(new Restoring(fqn, note));
        try {
            return write.get();
        } finally {
            if (previous == null) {
                RESTORING.remove();
            } else {
                RESTORING.set(previous);
            }
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void extensionChanged(ExtensionChanged event) {
        Restoring restoring = RESTORING.get();
        boolean restore = restoring != null && restoring.fqn().equals(event.fqn())
                && (event.change() == ExtensionChanged.Change.CREATED || event.change() == ExtensionChanged.Change.UPDATED);
        AuditAction action = restore ? AuditAction.RESTORE : switch (event.change()) {
            case CREATED -> AuditAction.CREATE;
            case UPDATED, TENANT_REMOVED, CONFIG_SCHEMA -> AuditAction.UPDATE;
            case DELETED -> AuditAction.DELETE;
            case ASSIGNED -> AuditAction.ASSIGN;
            case UNASSIGNED -> AuditAction.UNASSIGN;
        };
        String summary = restore ? restoring.note() : extensionSummary(event);
        records.save(new AuditRecord(now(), currentUser.username(), action, AuditResourceType.EXTENSION,
                event.organization(), event.fqn(), summary, document(event.before()), document(event.after()),
                event.etag()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void tenantChanged(TenantChanged event) {
        AuditAction action = switch (event.change()) {
            case CREATED, ORGANIZATION_CREATED -> AuditAction.CREATE;
            case RENAMED -> AuditAction.RENAME;
            case RELABELLED -> AuditAction.UPDATE;
            case DELETED -> AuditAction.DELETE;
        };
        AuditResourceType type = event.change() == TenantChanged.Change.ORGANIZATION_CREATED
                ? AuditResourceType.ORGANIZATION : AuditResourceType.TENANT;
        String summary = switch (event.change()) {
            case CREATED -> "created tenant" + displayName(event.after());
            case ORGANIZATION_CREATED -> "created organization" + displayName(event.after());
            case RENAMED -> "display name " + quoted(event.before()) + " \u2192 " + quoted(event.after());
            case RELABELLED -> "labels or annotations changed";
            case DELETED -> "deleted tenant" + displayName(event.before());
        };
        records.save(new AuditRecord(now(), currentUser.username(), action, type, event.organization(),
                event.fqn(), summary, null, null, null));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void attachmentChanged(AttachmentChanged event) {
        AuditAction action = switch (event.change()) {
            case CREATED -> AuditAction.CREATE;
            case UPDATED -> AuditAction.UPDATE;
            case DELETED -> AuditAction.DELETE;
            case ATTACHED -> AuditAction.ATTACH;
            case DETACHED -> AuditAction.DETACH;
        };
        AuditResourceType type = switch (event.kindLabel()) {
            case "Workspace" -> AuditResourceType.WORKSPACE;
            case "Gateway group", "Security group" -> AuditResourceType.GROUP;
            default -> AuditResourceType.GATEWAY;
        };
        records.save(new AuditRecord(now(), currentUser.username(), action, type, event.organization(),
                event.fqn(), event.kindLabel() + ": " + event.summary(), null, null, null));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void userChanged(UserChanged event) {
        AuditAction action = switch (event.change()) {
            case CREATED -> AuditAction.CREATE;
            case ROLE_CHANGED -> AuditAction.CHANGE_ROLE;
            case PASSWORD_RESET -> AuditAction.RESET_PASSWORD;
            case ENABLED -> AuditAction.ENABLE;
            case DISABLED -> AuditAction.DISABLE;
            case DELETED -> AuditAction.DELETE;
            case UNLOCKED -> AuditAction.UNLOCK;
        };
        records.save(new AuditRecord(now(), currentUser.username(), action, AuditResourceType.USER, null,
                event.username(), event.detail(), null, null, null));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void groupMappingChanged(GroupMappingChanged event) {
        AuditAction action = switch (event.change()) {
            case CREATED -> AuditAction.CREATE;
            case UPDATED -> AuditAction.UPDATE;
            case DELETED -> AuditAction.DELETE;
        };
        records.save(new AuditRecord(now(), currentUser.username(), action, AuditResourceType.GROUP_MAPPING, null,
                event.group(), event.detail(), null, null, null));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The exact WasmExtension document, without the server-managed etag (kept in its own column). */
    static String document(ExtensionDefinition definition) {
        return definition == null ? null : ExtensionYaml.write(definition, null);
    }

    static String extensionSummary(ExtensionChanged event) {
        String note = event.note() == null ? "" : " (" + event.note() + ")";
        return switch (event.change()) {
            case CREATED -> "created" + note;
            case DELETED -> "deleted" + note;
            case ASSIGNED, UNASSIGNED, TENANT_REMOVED, CONFIG_SCHEMA -> event.note() + changedFields(event.before(), event.after())
                    .stream().filter(f -> !f.equals("spec.allowedIn")).map(f -> ", changed " + f).reduce("", String::concat);
            case UPDATED -> {
                List<String> changed = changedFields(event.before(), event.after());
                yield (changed.isEmpty() ? "saved without changes" : "changed " + String.join(", ", changed)) + note;
            }
        };
    }

    private static final java.util.Map<String, String> PATHS = java.util.Map.ofEntries(
            java.util.Map.entry("organization", "metadata.organization"), java.util.Map.entry("name", "metadata.name"),
            java.util.Map.entry("displayName", "spec.displayName"),
            java.util.Map.entry("summary", "metadata.description"), java.util.Map.entry("url", "spec.url"),
            java.util.Map.entry("source", "spec.source"), java.util.Map.entry("description", "spec.description"),
            java.util.Map.entry("phase", "spec.phase"), java.util.Map.entry("priority", "spec.priority"),
            java.util.Map.entry("config", "spec.config"),
            java.util.Map.entry("imagePullPolicy", "spec.imagePullPolicy"),
            java.util.Map.entry("imagePullSecret", "spec.imagePullSecret"),
            java.util.Map.entry("env", "spec.vmConfig.env"), java.util.Map.entry("matchMode", "spec.match.mode"),
            java.util.Map.entry("allowedIn", "spec.allowedIn"));

    /** The document fields (in spec order) whose values differ, e.g. {@code spec.priority}. */
    static List<String> changedFields(ExtensionDefinition before, ExtensionDefinition after) {
        List<String> changed = new ArrayList<>();
        if (before == null || after == null) {
            return changed;
        }
        for (RecordComponent c : ExtensionDefinition.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(before), c.getAccessor().invoke(after))) {
                    changed.add(PATHS.getOrDefault(c.getName(), c.getName()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private static String displayName(String displayName) {
        return displayName == null ? "" : " " + quoted(displayName);
    }

    private static String quoted(String value) {
        return value == null ? "(none)" : "\u201c" + value + "\u201d";
    }
}
