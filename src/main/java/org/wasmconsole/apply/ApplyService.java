package org.wasmconsole.apply;

import static org.wasmconsole.apply.DocumentResults.blankToNull;
import static org.wasmconsole.apply.DocumentResults.error;
import static org.wasmconsole.apply.DocumentResults.json;
import static org.wasmconsole.apply.DocumentResults.problem;
import static org.wasmconsole.apply.DocumentResults.refused;
import static org.wasmconsole.apply.DocumentResults.result;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.wasmconsole.apply.DocumentResult.ErrorKind;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ConfigSchemas;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionDocuments;
import org.wasmconsole.extension.yaml.ParsedExtension;
import org.wasmconsole.resource.ConfigSchemaDocuments;
import org.wasmconsole.resource.ExtensionResource;
import org.wasmconsole.resource.ParsedConfigSchema;
import org.wasmconsole.resource.InvalidDocument;
import org.wasmconsole.resource.ParsedGroup;
import org.wasmconsole.resource.ParsedSetting;
import org.wasmconsole.resource.ParsedTarget;
import org.wasmconsole.resource.ParsedWorkspace;
import org.wasmconsole.resource.ParsedResource;
import org.wasmconsole.resource.ParsedTenant;
import org.wasmconsole.resource.ResourceStream;
import org.wasmconsole.resource.TenantDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * {@code tctl apply -f}: a stream of WasmExtension, ExtensionConfigSchema, Tenant, Workspace, Group, IngressGateway,
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
    private final ConfigSchemaService configSchemas;
    private final TenantService tenants;
    private final TopologyApply topologyApply;
    private final ImportLimits limits;
    private final TransactionTemplate transaction;
    private final EntityManager entityManager;

    ApplyService(ExtensionService extensions, ConfigSchemaService configSchemas, TenantService tenants,
                 TopologyApply topologyApply, ImportLimits limits, PlatformTransactionManager transactions,
                 EntityManager entityManager) {
        this.extensions = extensions;
        this.configSchemas = configSchemas;
        this.tenants = tenants;
        this.topologyApply = topologyApply;
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
        try {
            return transaction.execute(status -> {
                List<DocumentResult> results = applyAll(resources);
                boolean failed = results.stream().anyMatch(r -> r.outcome() == Outcome.ERROR);
                if (failed || dryRun) {
                    status.setRollbackOnly();
                }
                return new ApplyReport(dryRun, !failed && !dryRun, results);
            });
        } catch (DataIntegrityViolationException e) {
            // New extensions are inserted in batches at the flushes (ExtensionService.createInBatch): a name that
            // another change took after this apply read it as free fails there, and everything is rolled back.
            throw new ConflictException("metadata.name", "another change created one of these extensions while"
                    + " the stream was applied; nothing was saved: apply the stream again");
        }
    }

    /**
     * Tenants first, then extensions, workspaces, groups and last gateways and security settings, so
     * that a document may name what an earlier pass created (an extension attached in a gateway of a
     * workspace of a tenant, all in one stream); reported in document order.
     */
    private List<DocumentResult> applyAll(List<ParsedResource> resources) {
        Map<String, JsonNode> schemasInStream = schemasInStream(resources);
        ExistingExtensions stored = new ExistingExtensions(extensions, resources.stream()
                .filter(r -> r instanceof ExtensionResource && r.fqn() != null)
                .map(r -> ((ExtensionResource) r).extension()).toList());
        DocumentResult[] results = new DocumentResult[resources.size()];
        Map<String, Integer> seen = new HashMap<>();
        int done = 0;
        for (int pass = 0; pass <= LAST_PASS; pass++) {
            for (int i = 0; i < resources.size(); i++) {
                ParsedResource resource = resources.get(i);
                if (pass(resource) != pass) {
                    continue;
                }
                results[i] = duplicate(resource, seen).orElseGet(() -> applyOne(resource, schemasInStream, stored));
                if (++done % CLEAR_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
        }
        return Arrays.asList(results);
    }

    private static final int LAST_PASS = 5;

    /** Config schemas go right after the extensions they belong to (issue #19), before anything attaches them. */
    private static int pass(ParsedResource resource) {
        return switch (resource) {
            case ParsedTenant t -> 0;
            case ExtensionResource e -> 1;
            case InvalidDocument d -> 1;
            case ParsedConfigSchema c -> 2;
            case ParsedWorkspace w -> 3;
            case ParsedGroup g -> 4;
            case ParsedTarget t -> LAST_PASS;
            case ParsedSetting s -> LAST_PASS;
        };
    }

    /**
     * The valid config schemas of the stream by extension fqn: an extension applied with its schema has
     * its config checked against that one (the schema's own document stores it right after).
     */
    private static Map<String, JsonNode> schemasInStream(List<ParsedResource> resources) {
        Map<String, JsonNode> schemas = new HashMap<>();
        for (ParsedResource resource : resources) {
            if (resource instanceof ParsedConfigSchema c && c.extensionFqn() != null
                    && ConfigSchemas.checkSchema(c.schema(), ConfigSchemaService.SCHEMA_PATH).isEmpty()) {
                schemas.putIfAbsent(c.extensionFqn(), c.schema());
            }
        }
        return schemas;
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

    private DocumentResult applyOne(ParsedResource resource, Map<String, JsonNode> schemasInStream,
                                    ExistingExtensions stored) {
        return switch (resource) {
            // Every problem at once: a WasmExtension's rules are checked on what could be read of it.
            case InvalidDocument invalid -> error(invalid, ErrorKind.MALFORMED, invalid.problems(extensions::check),
                    invalid.partial() == null ? List.of() : invalid.partial().warnings());
            case ParsedTenant tenant -> applyTenant(tenant);
            case ExtensionResource extension -> applyExtension(extension, schemasInStream.get(extension.fqn()), stored);
            case ParsedConfigSchema schema -> applyConfigSchema(schema);
            case ParsedWorkspace workspace -> topologyApply.workspace(workspace);
            case ParsedGroup group -> topologyApply.group(group);
            case ParsedTarget target -> topologyApply.target(target);
            case ParsedSetting setting -> topologyApply.setting(setting);
        };
    }

    private DocumentResult applyExtension(ExtensionResource resource, JsonNode schemaInStream,
                                          ExistingExtensions stored) {
        ParsedExtension parsed = resource.extension();
        ExtensionDefinition definition = parsed.definition();
        List<String> warnings = new ArrayList<>(parsed.warnings());
        try {
            Optional<StoredExtension> existing = parsed.fqn() == null ? Optional.empty() : stored.find(parsed);
            // parsed.fqn(), not definition.fqn(): null when the document names no organization or name,
            // which its rules then report (Fqn refuses to build an fqn without them).
            return new Replacement<StoredExtension>(resource, parsed.fqn(), parsed.etag(),
                    () -> ExtensionDocuments.write(definition, null),
                    current -> ExtensionDocuments.write(current.definition(), null), StoredExtension::etag)
                    // createInBatch: stored.find has just read the name as free (a query per chunk of names).
                    .apply(existing, () -> extensions.createInBatch(definition, schemaInStream),
                            current -> extensions.update(definition, current.etag(), InUse.REFUSE, schemaInStream),
                            warnings);
        } catch (RuntimeException e) {
            return refused(resource, e, warnings);
        }
    }

    private DocumentResult applyConfigSchema(ParsedConfigSchema parsed) {
        try {
            Optional<JsonNode> existing = configSchemas.find(parsed.organization(), parsed.name());
            if (existing.isPresent() && existing.get().equals(parsed.schema())) {
                return result(parsed, Outcome.UNCHANGED, List.of(), parsed.warnings());
            }
            configSchemas.set(parsed.organization(), parsed.name(), parsed.schema(), null);
            if (existing.isEmpty()) {
                return result(parsed, Outcome.CREATED, List.of(), parsed.warnings());
            }
            return result(parsed, Outcome.UPDATED, DocumentDiff.between(
                    ConfigSchemaDocuments.write(parsed.organization(), parsed.name(), existing.get()),
                    ConfigSchemaDocuments.write(parsed.organization(), parsed.name(), parsed.schema())),
                    parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }

    private DocumentResult applyTenant(ParsedTenant parsed) {
        try {
            Optional<TenantInfo> existing = tenants.find(parsed.organization(), parsed.name());
            if (existing.isEmpty()) {
                tenants.create(parsed.organization(), parsed.name(), parsed.displayName(), parsed.meta());
                return result(parsed, Outcome.CREATED, List.of(), parsed.warnings());
            }
            TenantInfo current = existing.get();
            List<FieldChange> changes = new ArrayList<>();
            String before = current.displayName();
            if (!Objects.equals(blankToNull(before), blankToNull(parsed.displayName()))) {
                tenants.rename(parsed.organization(), parsed.name(), parsed.displayName());
                changes.add(new FieldChange("spec.displayName", json(before), json(parsed.displayName())));
            }
            changes.addAll(DocumentDiff.between(TenantDocuments.write("", "", null, current.meta()),
                    TenantDocuments.write("", "", null, parsed.meta())));
            if (!current.meta().equals(parsed.meta())) {
                tenants.relabel(parsed.organization(), parsed.name(), parsed.meta());
            }
            return result(parsed, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED, changes,
                    parsed.warnings());
        } catch (RuntimeException e) {
            return refused(parsed, e, parsed.warnings());
        }
    }
}
