package org.wasmconsole.extension;

import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;

/** The database queries of the catalogue, tenant visibility first among them. */
final class ExtensionQueries {

    /** The order the proxy runs extensions in: phase, then priority (higher first), then name. */
    static final Sort PROXY_ORDER = Sort.by(Sort.Order.asc("phase"), Sort.Order.desc("priority"),
            Sort.Order.asc("name"));

    private static final Set<String> SORTABLE = Set.of("name", "displayName", "phase", "priority", "url",
            "imagePullPolicy", "effectivePullPolicy", "updatedAt", "updatedBy");

    private ExtensionQueries() {
    }

    /**
     * @param tenantId the id of the filter's tenant (resolved by the caller), or null for no tenant filter
     */
    static Specification<WasmExtension> matching(ExtensionFilter filter, Long tenantId, Viewer viewer) {
        List<Specification<WasmExtension>> parts = new ArrayList<>();
        parts.add(inOrganization(filter.organization()));
        parts.add(visibleTo(viewer));
        if (tenantId != null) {
            parts.add(availableTo(Set.of(tenantId)));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = "%" + escapeLike(searchPattern(filter.text())) + "%";
            parts.add((root, query, cb) -> cb.like(root.get("searchText"), pattern, '\\'));
        }
        if (filter.phase() != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("phase"), filter.phase()));
        }
        if (filter.names() != null) {
            parts.add((root, query, cb) -> filter.names().isEmpty() ? cb.disjunction()
                    : root.get("name").in(filter.names()));
        }
        if (filter.pullPolicy() != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("effectivePullPolicy"), filter.pullPolicy()));
        }
        if (filter.label() != null && !filter.label().isBlank()) {
            // labelText holds "\nkey=value\n" lines: "key=value" matches one line whole, "key" its start.
            String selector = filter.label().strip();
            String pattern = "%\n" + escapeLike(selector) + (selector.contains("=") ? "\n%" : "=%");
            parts.add((root, query, cb) -> cb.like(root.get("labelText"), pattern, '\\'));
        }
        return Specification.allOf(parts);
    }

    /** What the text filter looks for in {@code search_text}: the text stripped and lower-cased, as stored. */
    static String searchPattern(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static Specification<WasmExtension> named(String organization, String name, Viewer viewer) {
        Specification<WasmExtension> byName = (root, query, cb) -> cb.equal(root.get("name"), name);
        return Specification.allOf(inOrganization(organization), byName, visibleTo(viewer));
    }

    /** Restricts to extensions available to one tenant: allowedIn empty or naming it. */
    static Specification<WasmExtension> availableTo(Set<Long> tenantIds) {
        return (root, query, cb) -> {
            if (tenantIds.isEmpty()) {
                return cb.isTrue(root.get("allTenants"));
            }
            Subquery<Long> allowed = query.subquery(Long.class);
            Root<WasmExtension> same = allowed.correlate(root);
            Join<WasmExtension, Tenant> tenant = same.join("allowedTenants");
            allowed.select(tenant.get("id")).where(tenant.get("id").in(tenantIds));
            return cb.or(cb.isTrue(root.get("allTenants")), cb.exists(allowed));
        };
    }

    private static Specification<WasmExtension> visibleTo(Viewer viewer) {
        return viewer.admin() ? Specification.unrestricted() : availableTo(viewer.tenantIds());
    }

    private static Specification<WasmExtension> inOrganization(String organization) {
        return (root, query, cb) -> cb.equal(root.get("organizationName"), organization);
    }

    /** The requested order made total (ties broken by name), defaulting to the proxy's order. */
    static Sort order(Sort requested) {
        if (requested.isUnsorted()) {
            return PROXY_ORDER;
        }
        for (Sort.Order o : requested) {
            if (!SORTABLE.contains(o.getProperty())) {
                throw new ValidationException("sort", "cannot sort by '" + o.getProperty() + "'; use one of "
                        + String.join(", ", SORTABLE.stream().sorted().toList()));
            }
        }
        return requested.getOrderFor("name") == null ? requested.and(Sort.by("name")) : requested;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
