package org.wasmconsole.extension;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Viewer;

/**
 * The reads of many extensions at once that export, apply and long reference lists make: in pages
 * or in chunks of names, a few queries however many there are. {@link ExtensionService} offers them
 * with its access checks and transactions; this is how they read.
 */
@Component
@RequiredArgsConstructor
class ExtensionBatchReads {

    static final int NAMES_PER_QUERY = 500;

    /**
     * Extensions per page of {@link #forEach}, and the batch size of their env vars and tenants, so that a page
     * costs three queries: under load each round trip counts more than the rows (issue #23: a 100k export on a
     * busy machine waited on ~4,500 queries with batches of 64).
     */
    static final int EXPORT_PAGE_SIZE = 200;

    private final WasmExtensionRepository repository;
    private final CurrentUser currentUser;
    private final EntityManager entityManager;

    /**
     * Hands every extension matching {@code spec}, in catalogue order, to {@code action}. One query
     * sorts the matching ids (a few bytes each); the extensions are then read a page of ids at a
     * time, as rows rather than entities ({@link ExtensionPageRows}), and forgotten after each page.
     * Not OFFSET pages (each page walks past all earlier rows) nor keyset pages (the OR of the order's keys defeats the index: a full scan per page; the
     * benchmark's 100k export took 5 minutes on H2 that way).
     */
    void forEach(Specification<WasmExtension> spec, Consumer<StoredExtension> action) {
        Viewer viewer = currentUser.viewer();
        List<Long> ids = sortedIds(spec);
        for (int from = 0; from < ids.size(); from += EXPORT_PAGE_SIZE) {
            List<Long> page = ids.subList(from, Math.min(ids.size(), from + EXPORT_PAGE_SIZE));
            Map<Long, StoredExtension> byId = ExtensionPageRows.read(entityManager, page, viewer);
            // Deleted since the ids were read (another transaction): skipped, as if read a moment earlier.
            page.stream().map(byId::get).filter(Objects::nonNull).forEach(action);
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

    /** See {@link ExtensionService#displayNames}. */
    Map<String, String> displayNames(String organization, Collection<String> names) {
        Map<String, String> found = new HashMap<>();
        Viewer viewer = currentUser.viewer();
        forEachChunk(organization, names, viewer, (chunk, spec) -> repository
                .summaries(spec, PageRequest.of(0, chunk.size()), viewer)
                .forEach(s -> found.put(s.name(), s.displayName() == null ? "" : s.displayName())));
        return found;
    }

    /** See {@link ExtensionService#findAll}. */
    Map<String, StoredExtension> findAll(String organization, Collection<String> names) {
        Map<String, StoredExtension> found = new HashMap<>();
        Viewer viewer = currentUser.viewer();
        forEachChunk(organization, names, viewer, (chunk, spec) -> repository.findAll(spec)
                .forEach(e -> found.put(e.getName(), StoredExtension.of(e, viewer))));
        return found;
    }

    /**
     * Hands each chunk of at most {@value #NAMES_PER_QUERY} distinct names to {@code read}, with the query for
     * the extensions of the organization by those names that the viewer may see.
     */
    private void forEachChunk(String organization, Collection<String> names, Viewer viewer, ChunkRead read) {
        List<String> distinct = names.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += NAMES_PER_QUERY) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + NAMES_PER_QUERY));
            List<Long> ids = idsNamed(chunk);
            if (ids.isEmpty()) {
                continue;
            }
            Specification<WasmExtension> byId = (root, query, cb) -> root.get("id").in(ids);
            read.accept(chunk, ExtensionQueries.matching(ExtensionFilter.all(organization), null, viewer).and(byId));
        }
    }

    /**
     * The ids of the extensions with these names, in any organization: {@code name in (…)} alone, which H2 looks
     * up name by name in {@code ix_extension_name}. With {@code organization_name = ?} beside it, H2 took the
     * unique index's equality on the organization instead (it looks an IN list up only on an index's first
     * column) and scanned the whole organization: over half of an apply into 100,000 extensions (issue #23).
     * The ids are then read with the organization and visibility rules, by primary key.
     */
    private List<Long> idsNamed(List<String> names) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<WasmExtension> root = query.from(WasmExtension.class);
        query.select(root.get("id")).where(root.get("name").in(names));
        return entityManager.createQuery(query).getResultList();
    }


    @FunctionalInterface
    private interface ChunkRead {
        void accept(List<String> chunk, Specification<WasmExtension> spec);
    }
}
