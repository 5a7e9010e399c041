package org.wasmconsole.extension;

import org.wasmconsole.security.Viewer;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface WasmExtensionRepository extends JpaRepository<WasmExtension, Long>,
        JpaSpecificationExecutor<WasmExtension> {

    boolean existsByOrganizationNameAndName(String organizationName, String name);

    /** One page of catalogue rows, in the requested order made total (default: the proxy's), without a count query. */
    default List<ExtensionSummary> summaries(Specification<WasmExtension> spec, Pageable pageable, Viewer viewer) {
        Pageable ordered = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                ExtensionQueries.order(pageable.getSort()));
        return findBy(spec, q -> q.sortBy(ordered.getSort()).slice(ordered)).stream()
                .map(e -> ExtensionSummary.of(e, viewer)).toList();
    }
}
