package org.wasmconsole.extension;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;
import org.wasmconsole.tenant.Tenant;

/**
 * How an extension relates to one tenant, for the tenant's page and the tenant delete dialog.
 * An extension with an empty {@code allowedIn} is available to every tenant but assigned to none.
 */
public enum TenantAssignment {

    /** {@code allowedIn} names the tenant. */
    ASSIGNED,
    /** {@code allowedIn} names the tenant and no other: removing it would open the extension to all tenants. */
    ONLY_THIS_TENANT,
    /** {@code allowedIn} is empty: available to every tenant, this one included. */
    ALL_TENANTS,
    /** {@code allowedIn} does not name the tenant (empty or naming other tenants): what can be assigned. */
    NOT_ASSIGNED;

    Specification<WasmExtension> specification(long tenantId) {
        return switch (this) {
            case ASSIGNED -> (root, query, cb) -> cb.exists(naming(root, query, cb, tenantId));
            case ONLY_THIS_TENANT -> (root, query, cb) -> cb.and(cb.exists(naming(root, query, cb, tenantId)),
                    cb.equal(cb.size(root.<java.util.Collection<Tenant>>get("allowedTenants")), 1));
            case ALL_TENANTS -> (root, query, cb) -> cb.isTrue(root.get("allTenants"));
            case NOT_ASSIGNED -> (root, query, cb) -> cb.not(cb.exists(naming(root, query, cb, tenantId)));
        };
    }

    private static Subquery<Long> naming(Root<WasmExtension> root, CommonAbstractCriteria query, CriteriaBuilder cb,
                                         long tenantId) {
        Subquery<Long> allowed = query.subquery(Long.class);
        Root<WasmExtension> same = allowed.correlate(root);
        Join<WasmExtension, Tenant> tenant = same.join("allowedTenants");
        allowed.select(tenant.get("id")).where(cb.equal(tenant.get("id"), tenantId));
        return allowed;
    }
}
