package org.wasmconsole.extension;

import org.wasmconsole.security.Viewer;

import jakarta.persistence.QueryHint;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.QueryHints;

interface WasmExtensionRepository extends JpaRepository<WasmExtension, Long>,
        JpaSpecificationExecutor<WasmExtension> {

    /**
     * Without Hibernate's flush before the query (issue #23: that dirty check of the whole persistence context,
     * once per created extension, was a quarter of an apply's CPU): what it asks about is flushed already, as
     * the service flushes every extension it creates alone and its deletions. (Apply's creates wait for its next
     * flush, but apply does not ask this: it read the names of its chunk of documents itself.)
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    boolean existsByOrganizationNameAndName(String organizationName, String name);

    /** One page of catalogue rows, in the requested order made total (default: the proxy's), without a count query. */
    default List<ExtensionSummary> summaries(Specification<WasmExtension> spec, Pageable pageable, Viewer viewer) {
        Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                ExtensionQueries.order(pageable.getSort()));
        return findBy(spec, q -> q.sortBy(ordered.getSort()).slice(ordered)).stream()
                .map(e -> ExtensionSummary.of(e, viewer)).toList();
    }
}
