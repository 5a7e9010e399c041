package org.wasmconsole.apply;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.apply.DocumentResult.ErrorKind;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.DocumentProblem;
import org.wasmconsole.resource.ExtensionDocuments;
import org.wasmconsole.resource.InvalidDocument;
import org.wasmconsole.resource.ParsedExtension;
import org.wasmconsole.resource.ParsedGroup;
import org.wasmconsole.resource.ParsedTarget;
import org.wasmconsole.resource.ParsedWorkspace;
import org.wasmconsole.resource.ParsedResource;
import org.wasmconsole.resource.ParsedTenant;
import org.wasmconsole.resource.ResourceStream;
import org.wasmconsole.resource.TargetDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * {@code tctl apply -f}: a stream of WasmExtension, Tenant, Workspace, Group, IngressGateway,
 * EgressGateway, Tier1Gateway and SecuritySetting documents, applied in one transaction, all or nothing. Every document goes through the same service methods as the screens (so the
 * same rules and access checks); a dry run does the same work and rolls it back, so its report is
 * exactly what the real run would do.
 */
@Service
@RolesAllowed(Roles.ADMIN)
public class ApplyService {

    /** Documents between two flushes of the persistence context, which would otherwise grow with the stream. */
    private static final int CLEAR_EVERY = 100;

    private final ExtensionService extensions;
    private final TenantService tenants;
    private final TopologyService topology;
    private final AttachmentService attachments;
    private final ImportLimits limits;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;

    ApplyService(ExtensionService extensions, TenantService tenants, TopologyService topology,
                 AttachmentService attachments, ImportLimits limits, PlatformTransactionManager transactions,
                 EntityManager entityManager) {
        this.extensions = extensions;
        this.tenants = tenants;
        this.topology = topology;
        this.attachments = attachments;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
        this.entityManager = entityManager;
    }

    /**
     * Reads and applies a YAML stream (JSON is YAML too). Throws {@code DocumentException} when the
     * stream cannot be read at all (malformed YAML, a limit exceeded); otherwise reports every
     * document, and saves all of them only when none has an error and this is not a dry run.
     */
    public ApplyReport apply(String yaml, boolean dryRun) {
        List<ParsedResource> resources = new ResourceStream(limits.yaml()).read(yaml);
        return transaction.execute(status -> {
            List<DocumentResult> results = applyAll(resources);
            boolean failed = results.stream().anyMatch(r -> r.outcome() == Outcome.ERROR);
            if (failed || dryRun) {
                status.setRollbackOnly();
            }
            return new ApplyReport(dryRun, !failed && !dryRun, results);
        });
    }

    /**
     * Tenants first, then extensions, workspaces, groups and last gateways and security settings, so
     * that a document may name what an earlier pass created (an extension attached in a gateway of a
     * workspace of a tenant, all in one stream); reported in document order.
     */
    private List<DocumentResult> applyAll(List<ParsedResource> resources) {
        DocumentResult[] results = new DocumentResult[resources.size()];
        Map<String, Integer> seen = new HashMap<>();
        int done = 0;
        for (int pass = 0; pass <= LAST_PASS; pass++) {
            for (int i = 0; i < resources.size(); i++) {
                ParsedResource resource = resources.get(i);
                if (pass(resource) != pass) {
                    continue;
                }
                results[i] = duplicate(resource, seen).orElseGet(() -> applyOne(resource));
                if (++done % CLEAR_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
        }
        return Arrays.asList(results);
    }

    private static final int LAST_PASS = 4;

    private static int pass(ParsedResource resource) {
        return switch (resource) {
            case ParsedTenant t -> 0;
            case ParsedExtension e -> 1;
            case InvalidDocument d -> 1;
            case ParsedWorkspace w -> 2;
            case ParsedGroup g -> 3;
            case ParsedTarget t -> LAST_PASS;
        };
    }

    private Optional<DocumentResult> duplicate(ParsedResource resource, Map<String, Integer> seen) {
        if (resource.fqn() == null || resource instanceof InvalidDocument) {
            return Optional.empty();
        }
        Integer first = seen.putIfAbsent(resource.fqn(), resource.source().number());
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(error(resource, ErrorKind.INVALID, List.of(problem(resource, "metadata.name",
                resource.fqn() + " is already in document " + first + " of this stream; keep one of them")), List.of()));
    }

    private DocumentResult applyOne(ParsedResource resource) {
        return switch (resource) {
            case InvalidDocument invalid -> error(invalid, ErrorKind.MALFORMED, invalid.problems(), List.of());
            case ParsedTenant tenant -> applyTenant(tenant);
            case ParsedExtension extension -> applyExtension(extension);
            case ParsedWorkspace workspace -> applyWorkspace(workspace);
            case ParsedGroup group -> applyGroup(group);
            case ParsedTarget target -> applyTarget(target);
        };
    }

    private DocumentResult applyExtension(ParsedExtension parsed) {
        ExtensionDefinition definition = parsed.definition();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        try {
            Optional<StoredExtension> existing = parsed.fqn() == null ? Optional.empty()
                    : extensions.find(definition.organization(), definition.name());
            if (existing.isEmpty()) {
                if (parsed.etag() != null) {
                    warnings.add("spec.etag was ignored: " + definition.fqn() + " does not exist here yet");
                }
                extensions.create(definition);
                return result(parsed, Outcome.CREATED, List.of(), warnings);
            }
            StoredExtension current = existing.get();
            List<FieldChange> changes = DocumentDiff.between(ExtensionDocuments.write(current.definition(), null),
                    ExtensionDocuments.write(definition, null));
            if (changes.isEmpty()) {
                return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
            }
            if (parsed.etag() != null && !parsed.etag().equals(current.etag())) {
                return error(parsed, ErrorKind.CONFLICT, List.of(problem(parsed, "spec.etag", "is " + parsed.etag()
                        + " but " + definition.fqn() + " is now at " + current.etag() + ": it was changed since this"
                        + " document was read; export it again, or remove spec.etag to overwrite")), warnings);
            }
            extensions.update(definition, current.etag());
            return result(parsed, Outcome.UPDATED, changes, warnings);
        } catch (RuntimeException e) {
            return refused(parsed, e, warnings);
        }
    }

    private DocumentResult applyWorkspace(ParsedWorkspace parsed) {
        WorkspaceInfo w = parsed.workspace();
        try {
            Optional<DocumentResult> missing = missingTenant(parsed, w.tenant(), parsed.warnings());
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<WorkspaceInfo> existing = topology.findWorkspace(w.tenant(), w.name());
            return saveNamed(parsed, existing.isPresent(), existing.map(WorkspaceInfo::displayName).orElse(null),
                    w.displayName(), () -> topology.saveWorkspace(w), parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    private DocumentResult applyGroup(ParsedGroup parsed) {
        GroupInfo g = parsed.group();
        try {
            Optional<DocumentResult> missing = missingTenant(parsed, g.tenant(), parsed.warnings())
                    .or(() -> missingWorkspace(parsed, g.tenant(), g.workspace(), parsed.warnings()));
            if (missing.isPresent()) {
                return missing.get();
            }
            Optional<GroupInfo> existing = topology.findGroup(g.tenant(), g.workspace(), g.kind(), g.name());
            return saveNamed(parsed, existing.isPresent(), existing.map(GroupInfo::displayName).orElse(null),
                    g.displayName(), () -> topology.saveGroup(g), parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    /** A workspace or group: created, or its display name (all the console keeps of it) set or left alone. */
    private static DocumentResult saveNamed(ParsedResource parsed, boolean exists, String before, String displayName,
                                            Runnable save, List<String> warnings) {
        if (!exists) {
            save.run();
            return result(parsed, Outcome.CREATED, List.of(), warnings);
        }
        if (Objects.equals(blankToNull(before), blankToNull(displayName))) {
            return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
        }
        save.run();
        return result(parsed, Outcome.UPDATED, List.of(new FieldChange("spec.displayName", json(before),
                json(displayName))), warnings);
    }

    /**
     * A gateway or security setting, its whole {@code extension} list replaced. The etag, like an
     * extension's: checked when the target exists, ignored with a warning when it does not yet.
     */
    private DocumentResult applyTarget(ParsedTarget parsed) {
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
            Optional<StoredTarget> existing = attachments.find(ref);
            if (existing.isEmpty()) {
                if (parsed.etag() != null) {
                    warnings.add("spec.etag was ignored: " + ref.fqn() + " does not exist here yet");
                }
                attachments.save(definition, null);
                return result(parsed, Outcome.CREATED, List.of(), warnings);
            }
            StoredTarget current = existing.get();
            List<FieldChange> changes = DocumentDiff.between(TargetDocuments.write(current.definition(), null),
                    TargetDocuments.write(definition, null));
            if (changes.isEmpty()) {
                return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
            }
            if (parsed.etag() != null && !parsed.etag().equals(current.etag())) {
                return error(parsed, ErrorKind.CONFLICT, List.of(problem(parsed, "spec.etag", "is " + parsed.etag()
                        + " but " + ref.fqn() + " is now at " + current.etag() + ": it was changed since this"
                        + " document was read; export it again, or remove spec.etag to overwrite")), warnings);
            }
            attachments.save(definition, current.etag());
            return result(parsed, Outcome.UPDATED, changes, warnings);
        } catch (RuntimeException e) {
            return refused(parsed, e, warnings);
        }
    }

    /** The parents are looked up one by one, so that a missing one is named at its own metadata field. */
    private Optional<DocumentResult> missingTenant(ParsedResource parsed, String tenantFqn, List<String> warnings) {
        String[] parts = tenantFqn.split("/");
        if (parts.length == 4 && tenants.find(parts[1], parts[3]).isPresent()) {
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
                "workspace " + tenantFqn + "/workspaces/" + workspace + " does not exist; create it first (a"
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

    private DocumentResult applyTenant(ParsedTenant parsed) {
        try {
            Optional<TenantInfo> existing = tenants.find(parsed.organization(), parsed.name());
            if (existing.isEmpty()) {
                tenants.create(parsed.organization(), parsed.name(), parsed.displayName());
                return result(parsed, Outcome.CREATED, List.of(), parsed.warnings());
            }
            String before = existing.get().displayName();
            if (Objects.equals(blankToNull(before), blankToNull(parsed.displayName()))) {
                return result(parsed, Outcome.UNCHANGED, List.of(), parsed.warnings());
            }
            tenants.rename(parsed.organization(), parsed.name(), parsed.displayName());
            return result(parsed, Outcome.UPDATED, List.of(new FieldChange("spec.displayName", json(before),
                    json(parsed.displayName()))), parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    /** A service's refusal as the document's error, each violation at its line; anything else is a bug. */
    private static DocumentResult refused(ParsedResource resource, RuntimeException e, List<String> warnings) {
        return switch (e) {
            case ValidationException v -> error(resource, ErrorKind.INVALID, v.violations().stream()
                    .map(x -> problem(resource, pathIn(resource, x.path()), x.message())).toList(), warnings);
            case ConflictException c -> error(resource, ErrorKind.CONFLICT, List.of(problem(resource,
                    c.path() == null ? "" : c.path(), c.getMessage())), warnings);
            case NotFoundException n when resource instanceof ParsedTenant || resource instanceof ParsedExtension ->
                    error(resource, ErrorKind.INVALID, List.of(problem(resource, "metadata.organization",
                            n.getMessage().replace(" was not found", " does not exist")
                                    + "; create the organization first")), warnings);
            // Parents are checked first; this is one deleted by someone else in the meantime.
            case NotFoundException n -> error(resource, ErrorKind.INVALID, List.of(problem(resource, "metadata",
                    n.getMessage().replace(" was not found", " does not exist"))), warnings);
            default -> throw e;
        };
    }

    /** TSB's Tenant documents carry the display name in spec; the tenant service names it as on extensions. */
    private static String pathIn(ParsedResource resource, String path) {
        return resource instanceof ParsedTenant && path.equals("metadata.displayName")
                && resource.source().lines().containsKey("spec.displayName") ? "spec.displayName" : path;
    }

    private static DocumentProblem problem(ParsedResource resource, String path, String message) {
        return new DocumentProblem(resource.source().number(), resource.source().lineOf(path), path, message);
    }

    private static DocumentResult result(ParsedResource r, Outcome outcome, List<FieldChange> changes,
                                         List<String> warnings) {
        return new DocumentResult(r.source().number(), r.source().line(), r.kind(), r.fqn(), outcome, null,
                changes, List.of(), List.copyOf(warnings));
    }

    private static DocumentResult error(ParsedResource r, ErrorKind kind, List<DocumentProblem> problems,
                                        List<String> warnings) {
        return new DocumentResult(r.source().number(), r.source().line(), r.kind(), r.fqn(), Outcome.ERROR, kind,
                List.of(), List.copyOf(problems), List.copyOf(warnings));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String json(String s) {
        return s == null ? null : tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s).toString();
    }
}
