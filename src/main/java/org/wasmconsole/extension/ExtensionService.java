package org.wasmconsole.extension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Organization;
import org.wasmconsole.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;

/**
 * The one way in to extensions for views, the REST API and import: every rule and every
 * access check happens here. Reads are scoped to what the caller may see; an extension the
 * caller may not see is "not found", never "forbidden".
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class ExtensionService {

    private static final int NAMES_PER_QUERY = 500;

    /**
     * Extensions per page of {@link #forEach}, and the batch size of their env vars and tenants, so that a page
     * costs three queries: under load each round trip counts more than the rows (issue #23: a 100k export on a
     * busy machine waited on ~4,500 queries with batches of 64).
     */
    static final int EXPORT_PAGE_SIZE = 200;

    private final WasmExtensionRepository repository;
    private final TenantDirectory tenants;
    private final CurrentUser currentUser;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final ExtensionSearch search;

    ExtensionService(WasmExtensionRepository repository, TenantDirectory tenants, CurrentUser currentUser,
                     EntityManager entityManager, ApplicationEventPublisher events, ExtensionSearch search) {
        this.repository = repository;
        this.search = search;
        this.events = events;
        this.entityManager = entityManager;
        this.tenants = tenants;
        this.currentUser = currentUser;
    }

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
        return violations(definition, new TenantLookups(tenants), storedSchema(definition));
    }

    /**
     * The definition's violations; {@code spec.config} is checked against {@code configSchema} when the
     * extension has one (the stored one, or the one applied with it in the same stream).
     */
    private List<Violation> violations(ExtensionDefinition definition, TenantLookups lookups, JsonNode configSchema) {
        List<Violation> violations = new java.util.ArrayList<>(
                new ExtensionValidator(lookups::tenantExists).validate(definition));
        if (violations.stream().noneMatch(v -> v.path().startsWith("spec.config"))) {
            violations.addAll(ConfigSchemas.validate(configSchema, definition.config(), "spec.config"));
        }
        if (definition.organization() != null && lookups.organization(definition.organization()).isEmpty()
                && violations.stream().noneMatch(v -> v.path().equals("metadata.organization"))) {
            violations.add(new Violation("metadata.organization", "organization '" + definition.organization()
                    + "' does not exist"));
        }
        return violations;
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
        ExtensionDefinition definition = given.withUrlAsIstioReadsIt();
        TenantLookups lookups = requireValid(definition, configSchema);
        Organization organization = lookups.organization(definition.organization()).orElseThrow();
        if (repository.existsByOrganizationNameAndName(definition.organization(), definition.name())) {
            throw alreadyExists(definition);
        }
        WasmExtension extension = new WasmExtension(organization, definition.name());
        extension.apply(definition, lookups.tenants(definition.allowedIn()), currentUser.username());
        StoredExtension created;
        try {
            // Not saveAndFlush: the row is inserted at once (identity id), its collections with the audit
            // record's flush right after; a flush here dirty-checked the whole context once more per document.
            created = StoredExtension.of(repository.save(extension));
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
        TenantLookups lookups = requireValid(definition,
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
     * Hands every extension matching the filter, in catalogue order, to {@code action}. One query
     * sorts the matching ids (a few bytes each); the extensions are then read a page of ids at a
     * time and forgotten after each page. Not OFFSET pages (each page walks past all earlier rows)
     * nor keyset pages (the OR of the order's keys defeats the index: a full scan per page; the
     * benchmark's 100k export took 5 minutes on H2 that way).
     */
    @Transactional(readOnly = true)
    public void forEach(ExtensionFilter filter, Consumer<StoredExtension> action) {
        Optional<Specification<WasmExtension>> spec = search.specification(filter);
        if (spec.isEmpty()) {
            return;
        }
        Viewer viewer = currentUser.viewer();
        List<Long> ids = sortedIds(spec.get());
        for (int from = 0; from < ids.size(); from += EXPORT_PAGE_SIZE) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + EXPORT_PAGE_SIZE));
            Map<Long, WasmExtension> byId = new HashMap<>();
            repository.findAllById(page).forEach(e -> byId.put(e.getId(), e));
            // Deleted since the ids were read (another transaction): skipped, as if read a moment earlier.
            page.stream().map(byId::get).filter(java.util.Objects::nonNull)
                    .forEach(e -> action.accept(StoredExtension.of(e, viewer)));
            entityManager.clear();
        }
    }

    private List<Long> sortedIds(Specification<WasmExtension> spec) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<WasmExtension> root = query.from(WasmExtension.class);
        Predicate where = spec.toPredicate(root, query, cb);
        if (where != null) {
            query.where(where);
        }
        query.select(root.get("id")).orderBy(QueryUtils.toOrders(ExtensionQueries.PROXY_ORDER, root, cb));
        return entityManager.createQuery(query).getResultList();
    }

    /**
     * The display names of the named extensions that exist and that the caller may see, by name (an
     * extension without one maps to ""); one query per {@value #NAMES_PER_QUERY} names, however many
     * there are, so a page that shows thousands of references neither cuts them off nor asks per row.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNames(String organization, Collection<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        Map<String, String> found = new HashMap<>();
        Viewer viewer = currentUser.viewer();
        for (int from = 0; from < distinct.size(); from += NAMES_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + NAMES_PER_QUERY));
            Specification<WasmExtension> named = (root, query, cb) -> root.get("name").in(chunk);
            Specification<WasmExtension> spec = ExtensionQueries.matching(ExtensionFilter.all(organization), null,
                    viewer).and(named);
            repository.summaries(spec, PageRequest.of(0, chunk.size()), viewer)
                    .forEach(s -> found.put(s.name(), s.displayName() == null ? "" : s.displayName()));
        }
        return found;
    }

    /**
     * The named extensions of an organization that exist and that the caller may see, by name: one query per
     * {@value #NAMES_PER_QUERY} names (apply reads what its documents name this way, not one by one).
     */
    @Transactional(readOnly = true)
    public Map<String, StoredExtension> findAll(String organization, Collection<String> names) {
        List<String> distinct = names.stream().distinct().toList();
        Map<String, StoredExtension> found = new HashMap<>();
        Viewer viewer = currentUser.viewer();
        for (int from = 0; from < distinct.size(); from += NAMES_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + NAMES_PER_QUERY));
            Specification<WasmExtension> named = (root, query, cb) -> root.get("name").in(chunk);
            repository.findAll(ExtensionQueries.matching(ExtensionFilter.all(organization), null, viewer).and(named))
                    .forEach(e -> found.put(e.getName(), StoredExtension.of(e, viewer)));
        }
        return found;
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

    /** The definition's violations as an exception; else the look-ups made to check it, for the save. */
    private TenantLookups requireValid(ExtensionDefinition definition, JsonNode configSchema) {
        TenantLookups lookups = new TenantLookups(tenants);
        List<Violation> violations = violations(definition, lookups, configSchema);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return lookups;
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
