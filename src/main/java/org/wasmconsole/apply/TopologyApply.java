package org.wasmconsole.apply;

import static org.wasmconsole.apply.DocumentResults.error;
import static org.wasmconsole.apply.DocumentResults.problem;
import static org.wasmconsole.apply.DocumentResults.refused;
import static org.wasmconsole.apply.DocumentResults.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.apply.DocumentResult.ErrorKind;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.resource.ParsedGroup;
import org.wasmconsole.resource.ParsedResource;
import org.wasmconsole.resource.ParsedSetting;
import org.wasmconsole.resource.ParsedTarget;
import org.wasmconsole.resource.SettingDocuments;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.attachment.StoredSetting;
import org.wasmconsole.resource.ParsedWorkspace;
import org.wasmconsole.resource.GroupDocuments;
import org.wasmconsole.resource.TargetDocuments;
import org.wasmconsole.resource.WorkspaceDocuments;
import tools.jackson.databind.JsonNode;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.Fqn;

/**
 * The apply passes of workspaces, groups, gateways and security settings, inside
 * {@link ApplyService}'s transaction and through the same services as the screens. A missing parent
 * is named at its own metadata field ({@code metadata.workspace}), not as a generic "not found".
 */
@Component
@RequiredArgsConstructor
class TopologyApply {

    private final TenantService tenants;
    private final TopologyService topology;
    private final AttachmentService attachments;
    private final DefaultSettingService settings;

    DocumentResult workspace(ParsedWorkspace parsed) {
        WorkspaceInfo w = parsed.workspace();
        try {
            Optional<DocumentResult> missing = missingTenant(parsed, w.tenant(), parsed.warnings());
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<WorkspaceInfo> existing = topology.findWorkspace(w.tenant(), w.name());
            return saveNamed(parsed, existing.map(WorkspaceDocuments::write).orElse(null), WorkspaceDocuments.write(w),
                    () -> topology.saveWorkspace(w), parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    DocumentResult group(ParsedGroup parsed) {
        GroupInfo g = parsed.group();
        try {
            Optional<DocumentResult> missing = missingTenant(parsed, g.tenant(), parsed.warnings())
                    .or(() -> missingWorkspace(parsed, g.tenant(), g.workspace(), parsed.warnings()));
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<GroupInfo> existing = topology.findGroup(g.tenant(), g.workspace(), g.kind(), g.name());
            return saveNamed(parsed, existing.map(GroupDocuments::write).orElse(null), GroupDocuments.write(g),
                    () -> topology.saveGroup(g), parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    /**
     * A workspace or group: created, or what the console keeps of it (display name, labels, annotations)
     * set or left alone; the change reported field by field as the documents differ.
     */
    private static DocumentResult saveNamed(ParsedResource parsed, JsonNode before, JsonNode after, Runnable save,
                                            List<String> warnings) {
        if (before == null) {
            save.run();
            return result(parsed, Outcome.CREATED, List.of(), warnings);
        }
        List<FieldChange> changes = DocumentDiff.between(before, after);
        if (changes.isEmpty()) {
            return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
        }
        save.run();
        return result(parsed, Outcome.UPDATED, changes, warnings);
    }

    /**
     * A gateway or security setting, its whole {@code extension} list replaced. The etag, like an
     * extension's: checked when the target exists, ignored with a warning when it does not yet.
     */
    DocumentResult target(ParsedTarget parsed) {
        TargetDefinition definition = parsed.definition();
        TargetRef ref = definition.ref();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        try {
            Optional<DocumentResult> missing = missingTenant(parsed, ref.tenant(), warnings)
                    .or(() -> missingWorkspace(parsed, ref.tenant(), ref.workspace(), warnings))
                    .or(() -> missingGroup(parsed, ref, warnings));
            if (missing.isPresent()) {
                return missing.get();
            }
            return new Replacement<StoredTarget>(parsed, ref.fqn(), parsed.etag(),
                    () -> TargetDocuments.write(definition, null),
                    current -> TargetDocuments.write(current.definition(), null), StoredTarget::etag)
                    .apply(attachments.find(ref), () -> attachments.save(definition, null),
                            current -> attachments.save(definition, current.etag()), warnings);
        } catch (RuntimeException e) {
            return refused(parsed, e, warnings);
        }
    }

    /**
     * An OrganizationSetting, TenantSetting or WorkspaceSetting, replaced whole as TSB does; the etag as a
     * gateway's. Its tenant and workspace must exist (the organization is the console's).
     */
    DocumentResult setting(ParsedSetting parsed) {
        DefaultSettingDefinition definition = parsed.definition();
        SettingRef ref = definition.ref();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        try {
            Optional<DocumentResult> missing = ref.tenantFqn() == null ? Optional.empty()
                    : missingTenant(parsed, ref.tenantFqn(), warnings);
            if (missing.isEmpty() && ref.workspace() != null) {
                missing = missingWorkspace(parsed, ref.tenantFqn(), ref.workspace(), warnings);
            }
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<StoredSetting> existing = settings.find(ref);
            if (existing.isEmpty()) {
                if (parsed.etag() != null) {
                    warnings.add("spec.etag was ignored: " + ref.fqn() + " does not exist here yet");
                }
                settings.save(definition, null);
                return result(parsed, Outcome.CREATED, List.of(), warnings);
            }
            StoredSetting current = existing.get();
            List<FieldChange> changes = DocumentDiff.between(SettingDocuments.write(current.definition(), null),
                    SettingDocuments.write(definition, null));
            if (changes.isEmpty()) {
                return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
            }
            if (parsed.etag() != null && !parsed.etag().equals(current.etag())) {
                return error(parsed, ErrorKind.CONFLICT, List.of(problem(parsed, "spec.etag", "is " + parsed.etag()
                        + " but " + ref.fqn() + " is now at " + current.etag() + ": it was changed since this"
                        + " document was read; export it again, or remove spec.etag to overwrite")), warnings);
            }
            settings.save(definition, current.etag());
            return result(parsed, Outcome.UPDATED, changes, warnings);
        } catch (RuntimeException e) {
            return refused(parsed, e, warnings);
        }
    }

    /** The parents are looked up one by one, so that a missing one is named at its own metadata field. */
    private Optional<DocumentResult> missingTenant(ParsedResource parsed, String tenantFqn, List<String> warnings) {
        Optional<Fqn> tenant = Fqn.tryParse(tenantFqn, Fqn.Level.TENANT);
        if (tenant.isPresent() && tenants.find(tenant.get().organization(), tenant.get().tenant()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(error(parsed, ErrorKind.INVALID, List.of(problem(parsed, "metadata.tenant", "tenant "
                + tenantFqn + " does not exist; create it first (a Tenant document in the same stream will do)")),
                warnings));
    }

    private Optional<DocumentResult> missingWorkspace(ParsedResource parsed, String tenantFqn, String workspace,
                                                      List<String> warnings) {
        if (topology.findWorkspace(tenantFqn, workspace).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(error(parsed, ErrorKind.INVALID, List.of(problem(parsed, "metadata.workspace",
                "workspace " + Fqn.tenantOf(tenantFqn).workspace(workspace) + " does not exist; create it first (a"
                        + " Workspace document in the same stream will do)")), warnings));
    }

    private Optional<DocumentResult> missingGroup(ParsedTarget parsed, TargetRef ref, List<String> warnings) {
        GroupKind kind = ref.kind().groupKind();
        if (topology.findGroup(ref.tenant(), ref.workspace(), kind, ref.group()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(error(parsed, ErrorKind.INVALID, List.of(problem(parsed, "metadata.group",
                kind.label().toLowerCase(java.util.Locale.ROOT) + " " + ref.groupFqn() + " does not exist; create it"
                        + " first (a Group document with apiVersion: " + kind.apiVersion() + " in the same stream"
                        + " will do)")), warnings));
    }
}
