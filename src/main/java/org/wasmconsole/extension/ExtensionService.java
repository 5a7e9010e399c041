package org.wasmconsole.extension;

import jakarta.annotation.security.RolesAllowed;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Organization;
import tools.jackson.databind.JsonNode;

/**
 * The one way in to extensions for views, the REST API and import: every rule and every
 * access check happens here. Reads are scoped to what the caller may see; an extension the
 * caller may not see is "not found", never "forbidden".
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class ExtensionService {

    private final WasmExtensionRepository repository;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final ExtensionSearch search;
    private final ExtensionChecks checks;
    private final ExtensionBatchReads batchReads;

    /** One page of the catalogue, filtered and sorted in the database. */
    @Transactional(readOnly = true)
    public List<ExtensionSummary> list(ExtensionFilter filter, Pageable pageable) {
        Optional<List<Long>> page = search.pageIds(filter, pageable);
        if (page.isPresent()) { // the ids of the page (H2's text index, the default order): read and sorted here
            return page.get().isEmpty() ? List.of() : repository.summaries(ExtensionSearch.idIn(page.get()),
                    PageRequest.of(0, page.get().size(), pageable.getSort()), currentUser.viewer());
        }
        Optional<Specification<WasmExtension>> spec = search.specification(filter);
        if (spec.isEmpty()) {
            return List.of();
        }
        return repository.summaries(spec.get(), pageable, currentUser.viewer());
    }

    @Transactional(readOnly = true)
    public long count(ExtensionFilter filter) {
        OptionalLong indexed = search.count(filter);
        if (indexed.isPresent()) {
            return indexed.getAsLong();
        }
        return search.specification(filter).map(repository::count).orElse(0L);
    }

    /** The extension, if it exists and the caller may see it. */
    @Transactional(readOnly = true)
    public Optional<StoredExtension> find(String organization, String name) {
        Viewer viewer = currentUser.viewer();
        return findEntity(organization, name).map(e -> StoredExtension.of(e, viewer));
    }

    @Transactional(readOnly = true)
    public StoredExtension get(String organization, String name) {
        return find(organization, name).orElseThrow(() -> notFound(organization, name));
    }

    /** All violations of a definition, without saving: for forms that check as the user types. */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<Violation> check(ExtensionDefinition definition) {
        return checks.violations(definition, storedSchema(definition));
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredExtension create(ExtensionDefinition definition) {
        return create(definition, null);
    }

    /**
     * {@link #create(ExtensionDefinition)}, checking {@code spec.config} against {@code configSchema}: the
     * schema applied right after it in the same stream (its own document stores it), or null for none.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension create(ExtensionDefinition given, JsonNode configSchema) {
        return create(given, configSchema, true);
    }

    /**
     * {@link #create(ExtensionDefinition, JsonNode)} for a bulk apply that has just read, in this transaction, that
     * nothing is stored under the name ({@link #findAll}, a query per chunk of names): no existence query of its own,
     * and the extension goes to the database with the transaction's next flush, in JDBC batches with the others of
     * that flush (issue #23: on PostgreSQL the query and the insert were two round trips per created extension).
     * A name that another transaction takes in between fails that flush or the commit with a
     * {@link DataIntegrityViolationException}, not this call.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension createInBatch(ExtensionDefinition given, JsonNode configSchema) {
        return create(given, configSchema, false);
    }

    /** @param alone check the name and insert at once, so that a name taken fails here ({@code alreadyExists}) */
    private StoredExtension create(ExtensionDefinition given, JsonNode configSchema, boolean alone) {
        ExtensionDefinition definition = given.withUrlAsIstioReadsIt();
        TenantLookups lookups = checks.requireValid(definition, configSchema);
        Organization organization = lookups.organization(definition.organization()).orElseThrow();
        if (alone && repository.existsByOrganizationNameAndName(definition.organization(), definition.name())) {
            throw alreadyExists(definition);
        }
        WasmExtension extension = new WasmExtension(organization, definition.name());
        extension.apply(definition, lookups.tenants(definition.allowedIn()), currentUser.username());
        StoredExtension created;
        try {
            // Ids come from a sequence (V18): persisting inserts nothing; alone, the flush inserts the row here so
            // that a name taken since the check fails in this call.
            created = StoredExtension.of(alone ? repository.saveAndFlush(extension) : repository.save(extension));
        } catch (DataIntegrityViolationException e) {
            throw alreadyExists(definition);
        }
        events.publishEvent(new ExtensionChanged(ExtensionChanged.Change.CREATED, null, created.definition(),
                created.etag(), null));
        return created;
    }

    /**
     * Replaces the extension named by the definition. {@code expectedEtag} must be the current etag:
     * otherwise someone changed it since the caller read it, and nothing is changed. A definition with
     * the same content as the stored one changes nothing: same etag, no history record.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension update(ExtensionDefinition definition, String expectedEtag) {
        return update(definition, expectedEtag, InUse.REFUSE);
    }

    /**
     * {@link #update(ExtensionDefinition, String)}; when the new {@code allowedIn} no longer allows a
     * tenant the extension is attached in, {@code inUse} says whether to refuse
     * ({@link ExtensionInUseException}) or to detach it there in the same transaction.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension update(ExtensionDefinition definition, String expectedEtag, InUse inUse) {
        return update(definition, expectedEtag, inUse, null);
    }

    /**
     * {@link #update(ExtensionDefinition, String, InUse)}; {@code spec.config} is checked against
     * {@code newConfigSchema} when given (a schema applied right after it in the same stream, whose own
     * document then stores it), else against the stored one.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension update(ExtensionDefinition given, String expectedEtag, InUse inUse,
                                  JsonNode newConfigSchema) {
        ExtensionDefinition definition = given.withUrlAsIstioReadsIt();
        WasmExtension extension = findEntity(definition.organization(), definition.name())
                .orElseThrow(() -> notFound(definition.organization(), definition.name()));
        requireCurrent(extension, expectedEtag);
        TenantLookups lookups = checks.requireValid(definition,
                newConfigSchema != null ? newConfigSchema : extension.getConfigSchema());
        ExtensionDefinition before = extension.toDefinition();
        if (before.sameContentAs(definition)) {
            // Nothing changed: not a version. No new etag (others' open edits stay current), no record.
            return StoredExtension.of(extension);
        }
        if (!before.allowedIn().equals(definition.allowedIn())) {
            events.publishEvent(new ExtensionWithdrawing(extension.getId(), before, definition, inUse));
        }
        extension.apply(definition, lookups.tenants(definition.allowedIn()), currentUser.username());
        StoredExtension updated;
        try {
            updated = StoredExtension.of(repository.saveAndFlush(extension));
        } catch (OptimisticLockingFailureException e) {
            throw staleEtag(definition.fqn());
        }
        events.publishEvent(new ExtensionChanged(ExtensionChanged.Change.UPDATED, before, updated.definition(),
                updated.etag(), null));
        return updated;
    }

    /**
     * Hands every extension matching the filter, in catalogue order, to {@code action}, a page at a
     * time, each page forgotten after it is handed on ({@link ExtensionBatchReads#forEach}): an
     * export of the whole catalogue in constant memory.
     */
    @Transactional(readOnly = true)
    public void forEach(ExtensionFilter filter, Consumer<StoredExtension> action) {
        search.specification(filter).ifPresent(spec -> batchReads.forEach(spec, action));
    }

    /**
     * The display names of the named extensions that exist and that the caller may see, by name (an
     * extension without one maps to ""); one query per {@value ExtensionBatchReads#NAMES_PER_QUERY} names,
     * however many there are, so a page that shows thousands of references neither cuts them off nor asks per row.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(String organization, Collection<String> names) {
        return batchReads.displayNames(organization, names);
    }

    /**
     * The named extensions of an organization that exist and that the caller may see, by name: one query per
     * {@value ExtensionBatchReads#NAMES_PER_QUERY} names (apply reads what its documents name this way, not one
     * by one).
     */
    @Transactional(readOnly = true)
    public Map<String, StoredExtension> findAll(String organization, Collection<String> names) {
        return batchReads.findAll(organization, names);
    }

    /** The named extensions, in the given order; all must exist and be visible, else nothing is returned. */
    @Transactional(readOnly = true)
    public List<StoredExtension> getAll(String organization, Collection<String> names) {
        return names.stream().map(n -> get(organization, n)).toList();
    }

    /** Deletes the named extensions in one transaction: all of them, or none if one is missing. */
    @RolesAllowed(Roles.ADMIN)
    public void deleteAll(String organization, Collection<String> names) {
        deleteAll(organization, names, InUse.REFUSE);
    }

    /** {@link #deleteAll(String, Collection)}; {@code inUse} says what to do when one is attached somewhere. */
    @RolesAllowed(Roles.ADMIN)
    public void deleteAll(String organization, Collection<String> names, InUse inUse) {
        List<ExtensionDefinition> deleted = new java.util.ArrayList<>();
        for (String name : names) {
            WasmExtension extension = findEntity(organization, name).orElseThrow(() -> notFound(organization, name));
            deleted.add(extension.toDefinition());
            events.publishEvent(new ExtensionWithdrawing(extension.getId(), extension.toDefinition(), null, inUse));
            repository.delete(extension);
        }
        repository.flush();
        String note = deleted.size() > 1 ? "one of " + deleted.size() + " extensions deleted together" : null;
        deleted.forEach(d -> events.publishEvent(new ExtensionChanged(ExtensionChanged.Change.DELETED, d, null,
                null, note)));
    }

    /** Deletes the extension; with an etag, only if it is still the current one. */
    @RolesAllowed(Roles.ADMIN)
    public void delete(String organization, String name, String expectedEtag) {
        delete(organization, name, expectedEtag, InUse.REFUSE);
    }

    /**
     * {@link #delete(String, String, String)}; when the extension is attached somewhere,
     * {@code inUse} says whether to refuse ({@link ExtensionInUseException}) or to detach it
     * everywhere in the same transaction.
     */
    @RolesAllowed(Roles.ADMIN)
    public void delete(String organization, String name, String expectedEtag, InUse inUse) {
        WasmExtension extension = findEntity(organization, name).orElseThrow(() -> notFound(organization, name));
        if (expectedEtag != null) {
            requireCurrent(extension, expectedEtag);
        }
        ExtensionDefinition before = extension.toDefinition();
        events.publishEvent(new ExtensionWithdrawing(extension.getId(), before, null, inUse));
        repository.delete(extension);
        repository.flush();
        events.publishEvent(new ExtensionChanged(ExtensionChanged.Change.DELETED, before, null, null, null));
    }

    /** The stored config schema of the extension the definition names, if it exists and has one. */
    private JsonNode storedSchema(ExtensionDefinition definition) {
        if (definition.organization() == null || definition.name() == null) {
            return null;
        }
        return findEntity(definition.organization(), definition.name()).map(WasmExtension::getConfigSchema)
                .orElse(null);
    }

    private Optional<WasmExtension> findEntity(String organization, String name) {
        return repository.findOne(ExtensionQueries.named(organization, name, currentUser.viewer()));
    }

    private static void requireCurrent(WasmExtension extension, String expectedEtag) {
        if (expectedEtag == null || !expectedEtag.equals(extension.getEtag())) {
            throw staleEtag(ExtensionDefinition.fqn(extension.getOrganizationName(), extension.getName()));
        }
    }

    private static ConflictException staleEtag(String fqn) {
        return new ConflictException("spec.etag", fqn + " was changed by someone else since you read it;"
                + " reload it and apply your change again, or overwrite with the current etag");
    }

    private static ConflictException alreadyExists(ExtensionDefinition d) {
        return new ConflictException("metadata.name", "an extension named '" + d.name()
                + "' already exists in organization '" + d.organization() + "'; choose another name or edit it");
    }

    private static NotFoundException notFound(String organization, String name) {
        return new NotFoundException("extension " + ExtensionDefinition.fqn(organization, name));
    }
}
