package org.wasmconsole.extension;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The catalogue's filter as a query for the caller: tenant visibility, the filter's tenant resolved, and the text
 * filter narrowed by the {@link ExtensionTextIndex} where there is one (H2). Used inside the service's transactions.
 * <p>
 * In the default order a page and a count go further on H2 ({@link #pageIds}, {@link #count}): the index hands
 * over the candidates the caller may see, sorted, and the database checks them with the exact filter a chunk at
 * a time: a page needs its first chunk or two, not every candidate, and no {@code id in (…)} list grows long
 * (H2 tests such a list value by value for every row it reads). Where the filter is text, organization, phase and
 * tenant only (the catalogue's usual filter), the index decides it alone with the search texts it keeps
 * ({@link ExtensionTextIndex#sortedMatches}, issue #23): the page is a slice of its answer and the count its length,
 * and the database reads only the page's rows.
 */
@Component
@RequiredArgsConstructor
class ExtensionSearch {

    /** The most ids one check asks about (a power of two: a few statement shapes). */
    static final int CHUNK = 512;

    private final TenantDirectory tenants;
    private final CurrentUser currentUser;
    private final ExtensionTextIndex textIndex;
    private final EntityManager entityManager;

    /** The filter's tenant for this viewer: empty when it cannot match anything, null inside for none. */
    private Optional<Optional<Long>> tenantId(ExtensionFilter filter, Viewer viewer) {
        if (filter.tenant() == null) {
            return Optional.of(Optional.empty());
        }
        Optional<Tenant> tenant = tenants.tenant(filter.tenant());
        // An operator's filter by a tenant that is not theirs matches nothing, whether that tenant
        // exists or not: the answer must not tell them other tenants' names.
        if (tenant.isEmpty() || !viewer.admin() && !viewer.tenantIds().contains(tenant.get().getId())) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(tenant.get().getId()));
    }

    /** The filter as a query, or empty when it cannot match anything (an unknown tenant). */
    Optional<Specification<WasmExtension>> specification(ExtensionFilter filter) {
        Viewer viewer = currentUser.viewer();
        // The index only narrows the candidates: the LIKE of matching() still decides.
        return tenantId(filter, viewer).map(tenantId -> ExtensionQueries.matching(filter, tenantId.orElse(null),
                viewer).and(textIndex.candidates(filter.text())));
    }

    /**
     * The ids of the page, in the proxy's order, found through the index's sorted candidates; empty where the
     * index cannot serve it (then {@link #specification} and the database's sort): another order, no text,
     * PostgreSQL, too many candidates.
     */
    Optional<List<Long>> pageIds(ExtensionFilter filter, Pageable pageable) {
        if (pageable.isUnpaged() || !ExtensionQueries.order(pageable.getSort()).equals(ExtensionQueries.PROXY_ORDER)) {
            return Optional.empty();
        }
        Viewer viewer = currentUser.viewer();
        Optional<Optional<Long>> tenantId = tenantId(filter, viewer);
        if (tenantId.isEmpty()) {
            return Optional.of(List.of());
        }
        long need = pageable.getOffset() + pageable.getPageSize();
        long[] matches = decidedByIndex(filter) ? textIndex.sortedMatches(filter.text(), filter.organization(),
                filter.phase(), viewer, tenantId.get().orElse(null)) : null;
        if (matches != null) {
            List<Long> page = new ArrayList<>();
            for (long i = pageable.getOffset(); i < Math.min(need, matches.length); i++) {
                page.add(matches[(int) i]);
            }
            return Optional.of(List.copyOf(page));
        }
        long[] sorted = textIndex.sortedCandidates(filter.text(), filter.organization(), filter.phase(), viewer,
                tenantId.get().orElse(null));
        if (sorted == null) {
            return Optional.empty();
        }
        Specification<WasmExtension> exact = ExtensionQueries.matching(filter, tenantId.get().orElse(null), viewer);
        List<Long> matched = new ArrayList<>();
        int chunk = 64;
        while (chunk < Math.min(2 * need, CHUNK)) {
            chunk <<= 1;
        }
        for (int from = 0; from < sorted.length && matched.size() < need; from += chunk, chunk = CHUNK) {
            int to = Math.min(sorted.length, from + chunk);
            Set<Long> found = new HashSet<>(matchingIds(exact, sorted, from, to));
            for (int i = from; i < to; i++) {
                if (found.contains(sorted[i])) {
                    matched.add(sorted[i]);
                }
            }
        }
        int start = (int) Math.min(pageable.getOffset(), matched.size());
        return Optional.of(List.copyOf(matched.subList(start, (int) Math.min(need, matched.size()))));
    }

    /** The count through the index's candidates, every one checked by the exact filter; empty as for pageIds. */
    OptionalLong count(ExtensionFilter filter) {
        Viewer viewer = currentUser.viewer();
        Optional<Optional<Long>> tenantId = tenantId(filter, viewer);
        if (tenantId.isEmpty()) {
            return OptionalLong.of(0);
        }
        long[] matches = decidedByIndex(filter) ? textIndex.sortedMatches(filter.text(), filter.organization(),
                filter.phase(), viewer, tenantId.get().orElse(null)) : null;
        if (matches != null) {
            return OptionalLong.of(matches.length);
        }
        long[] sorted = textIndex.sortedCandidates(filter.text(), filter.organization(), filter.phase(), viewer,
                tenantId.get().orElse(null));
        if (sorted == null) {
            return OptionalLong.empty();
        }
        Specification<WasmExtension> exact = ExtensionQueries.matching(filter, tenantId.get().orElse(null), viewer);
        long count = 0;
        for (int from = 0; from < sorted.length; from += CHUNK) {
            count += countOf(exact, sorted, from, Math.min(sorted.length, from + CHUNK));
        }
        return OptionalLong.of(count);
    }

    /**
     * Whether the index knows every part of the filter (text, organization, phase, visibility, tenant), so that it
     * can decide it alone ({@link ExtensionTextIndex#sortedMatches}); names, pull policy and label it does not keep.
     */
    private static boolean decidedByIndex(ExtensionFilter filter) {
        return filter.names() == null && filter.pullPolicy() == null
                && (filter.label() == null || filter.label().isBlank());
    }

    private List<Long> matchingIds(Specification<WasmExtension> exact, long[] ids, int from, int to) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<WasmExtension> root = query.from(WasmExtension.class);
        query.select(root.get("id")).where(exact.and(idIn(ids, from, to)).toPredicate(root, query, cb));
        return entityManager.createQuery(query).getResultList();
    }

    private long countOf(Specification<WasmExtension> exact, long[] ids, int from, int to) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<WasmExtension> root = query.from(WasmExtension.class);
        query.select(cb.count(root)).where(exact.and(idIn(ids, from, to)).toPredicate(root, query, cb));
        return entityManager.createQuery(query).getSingleResult();
    }

    /** {@code id in (…)} of ids[from, to), padded with its last id to a power of two (few statement shapes). */
    static Specification<WasmExtension> idIn(long[] ids, int from, int to) {
        int padded = 16;
        while (padded < to - from) {
            padded <<= 1;
        }
        List<Long> list = new ArrayList<>(padded);
        for (int i = from; i < to; i++) {
            list.add(ids[i]);
        }
        while (!list.isEmpty() && list.size() < padded) {
            list.add(list.getLast());
        }
        return (root, query, cb) -> list.isEmpty() ? cb.disjunction() : root.get("id").in(list);
    }

    /** {@code id in (…)} of a page's ids. */
    static Specification<WasmExtension> idIn(List<Long> ids) {
        return idIn(ids.stream().mapToLong(Long::longValue).toArray(), 0, ids.size());
    }
}
