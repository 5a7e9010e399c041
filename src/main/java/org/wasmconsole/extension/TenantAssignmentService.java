package org.wasmconsole.extension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * Extensions as seen from one tenant (the tenant pages): which are assigned to it, which are open
 * to all tenants, and assigning or unassigning many at once. Reads are scoped like the catalogue;
 * a write that would silently narrow or widen who may use an extension needs an explicit choice.
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class TenantAssignmentService {

    private final WasmExtensionRepository repository;
    private final TenantDirectory tenants;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    /**
     * One page of the extensions matching {@code filter} (whose tenant is required) that relate to
     * that tenant as {@code assignment} says; scoped to what the caller may see, like the catalogue's list.
     */
    @Transactional(readOnly = true)
    public List<ExtensionSummary> listForTenant(ExtensionFilter filter, TenantAssignment assignment,
                                                Pageable pageable) {
        Optional<Specification<WasmExtension>> spec = tenantSpecification(filter, assignment);
        if (spec.isEmpty()) {
            return List.of();
        }
        return repository.summaries(spec.get(), pageable, currentUser.viewer());
    }

    @Transactional(readOnly = true)
    public long countForTenant(ExtensionFilter filter, TenantAssignment assignment) {
        return tenantSpecification(filter, assignment).map(repository::count).orElse(0L);
    }

    /**
     * For every tenant of the organization, how many of the extensions the caller may see are
     * {@link TenantAssignment#ASSIGNED} to it, in one query (the tenants list's column; a count per
     * tenant was a query per row). Tenants that no visible extension names are absent (count 0), and so
     * are, for an operator, the tenants that are not theirs.
     *
     * @return the counts by tenant id
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> assignedCounts(String organization) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<WasmExtension> extension = query.from(WasmExtension.class);
        Join<WasmExtension, Tenant> tenant = extension.join("allowedTenants");
        Viewer viewer = currentUser.viewer();
        Predicate visible = ExtensionQueries.matching(ExtensionFilter.all(organization), null, viewer)
                .toPredicate(extension, query, cb);
        // An operator learns nothing of other tenants, not even how many extensions name them.
        Predicate counted = viewer.admin() ? visible : cb.and(visible, tenant.get("id").in(viewer.tenantIds()));
        query.multiselect(tenant.get("id"), cb.count(extension)).where(counted).groupBy(tenant.get("id"));
        Map<Long, Long> counts = new HashMap<>();
        for (Tuple row : entityManager.createQuery(query).getResultList()) {
            counts.put(row.get(0, Long.class), row.get(1, Long.class));
        }
        return counts;
    }

    /**
     * Adds the tenant to the {@code allowedIn} of each named extension, in one transaction (all or
     * none); those that already name it are left alone. An extension with an empty {@code allowedIn}
     * is available to all tenants, and assigning it would <em>narrow</em> it to this one tenant: that
     * is refused, naming them, unless {@code narrowOpenExtensions} says so explicitly.
     *
     * @return the names of the extensions that changed (each gets a new etag)
     */
    @RolesAllowed(Roles.ADMIN)
    public List<String> assign(String organization, String tenantFqn, Collection<String> names,
                               boolean narrowOpenExtensions) {
        return assign(organization, tenantFqn, names, narrowOpenExtensions, InUse.REFUSE);
    }

    /**
     * {@link #assign(String, String, Collection, boolean)}; narrowing an open extension to this
     * tenant leaves its attachments in other tenants invalid: {@code inUse} says whether to refuse
     * or to detach them.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<String> assign(String organization, String tenantFqn, Collection<String> names,
                               boolean narrowOpenExtensions, InUse inUse) {
        Tenant tenant = tenantOf(organization, tenantFqn);
        List<WasmExtension> found = entities(organization, names);
        if (!narrowOpenExtensions) {
            List<String> open = found.stream().filter(e -> e.getAllowedTenants().isEmpty())
                    .map(WasmExtension::getName).toList();
            if (!open.isEmpty()) {
                throw new ConflictException("spec.allowedIn", quoted(open) + (open.size() == 1 ? " is" : " are")
                        + " available to all tenants; assigning " + (open.size() == 1 ? "it" : "them")
                        + " to '" + tenant.getName() + "' would make " + (open.size() == 1 ? "it" : "them")
                        + " available to that tenant only. Confirm the narrowing, or leave "
                        + (open.size() == 1 ? "it" : "them") + " out");
            }
        }
        List<String> changed = new ArrayList<>();
        List<ExtensionChanged> changes = new ArrayList<>();
        for (WasmExtension e : found) {
            if (e.getAllowedTenants().stream().noneMatch(t -> t.getId().equals(tenant.getId()))) {
                List<Tenant> allowed = new ArrayList<>(e.getAllowedTenants());
                allowed.add(tenant);
                changes.add(changeAllowedIn(e, allowed, ExtensionChanged.Change.ASSIGNED,
                        "assigned to tenant '" + tenant.getName() + "'", inUse));
                changed.add(e.getName());
            }
        }
        flush(organization);
        changes.forEach(events::publishEvent);
        return changed;
    }

    /** {@link #assign(String, String, Collection, boolean)} that refuses to narrow an open extension. */
    @RolesAllowed(Roles.ADMIN)
    public List<String> assign(String organization, String tenantFqn, Collection<String> names) {
        return assign(organization, tenantFqn, names, false);
    }

    /**
     * Removes the tenant from the {@code allowedIn} of each named extension, in one transaction;
     * those that do not name it are left alone. Removing an extension's last tenant would
     * <em>widen</em> it to all tenants: that is refused, naming them, unless
     * {@code widenToAllTenants} says so explicitly.
     *
     * @return the names of the extensions that changed (each gets a new etag)
     */
    @RolesAllowed(Roles.ADMIN)
    public List<String> unassign(String organization, String tenantFqn, Collection<String> names,
                                 boolean widenToAllTenants) {
        return unassign(organization, tenantFqn, names, widenToAllTenants, InUse.REFUSE);
    }

    /**
     * {@link #unassign(String, String, Collection, boolean)}; the extensions' attachments in this
     * tenant become invalid: {@code inUse} says whether to refuse or to detach them.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<String> unassign(String organization, String tenantFqn, Collection<String> names,
                                 boolean widenToAllTenants, InUse inUse) {
        Tenant tenant = tenantOf(organization, tenantFqn);
        List<WasmExtension> found = entities(organization, names);
        List<WasmExtension> naming = found.stream()
                .filter(e -> e.getAllowedTenants().stream().anyMatch(t -> t.getId().equals(tenant.getId())))
                .toList();
        if (!widenToAllTenants) {
            List<String> last = naming.stream().filter(e -> e.getAllowedTenants().size() == 1)
                    .map(WasmExtension::getName).toList();
            if (!last.isEmpty()) {
                throw new ConflictException("spec.allowedIn", "'" + tenant.getName() + "' is the only tenant allowed"
                        + " to use " + quoted(last) + "; unassigning it would make " + (last.size() == 1 ? "it" : "them")
                        + " available to all tenants. Confirm the widening, or leave "
                        + (last.size() == 1 ? "it" : "them") + " out");
            }
        }
        List<ExtensionChanged> changes = new ArrayList<>();
        for (WasmExtension e : naming) {
            List<Tenant> allowed = new ArrayList<>(e.getAllowedTenants());
            allowed.removeIf(t -> t.getId().equals(tenant.getId()));
            changes.add(changeAllowedIn(e, allowed, ExtensionChanged.Change.UNASSIGNED,
                    "unassigned from tenant '" + tenant.getName() + "'", inUse));
        }
        flush(organization);
        changes.forEach(events::publishEvent);
        return naming.stream().map(WasmExtension::getName).toList();
    }

    /** {@link #unassign(String, String, Collection, boolean)} that refuses to widen an extension to all tenants. */
    @RolesAllowed(Roles.ADMIN)
    public List<String> unassign(String organization, String tenantFqn, Collection<String> names) {
        return unassign(organization, tenantFqn, names, false);
    }

    private Optional<Specification<WasmExtension>> tenantSpecification(ExtensionFilter filter,
                                                                       TenantAssignment assignment) {
        if (filter.tenant() == null) {
            throw new IllegalArgumentException("the filter must name a tenant");
        }
        Optional<Tenant> tenant = tenants.tenant(filter.tenant());
        var viewer = currentUser.viewer();
        // Another tenant than an operator's own matches nothing, as an unknown one: no names learnt.
        if (tenant.isEmpty() || !viewer.admin() && !viewer.tenantIds().contains(tenant.get().getId())) {
            return Optional.empty();
        }
        // The visibility rules and the other filters as for the catalogue, without its "available to" part.
        ExtensionFilter rest = new ExtensionFilter(filter.organization(), filter.text(), filter.phase(),
                filter.pullPolicy(), null);
        return Optional.of(ExtensionQueries.matching(rest, null, currentUser.viewer())
                .and(assignment.specification(tenant.get().getId())));
    }

    private Tenant tenantOf(String organization, String tenantFqn) {
        return tenants.tenant(tenantFqn).filter(t -> t.getOrganizationName().equals(organization))
                .orElseThrow(() -> new NotFoundException("tenant " + tenantFqn));
    }

    private List<WasmExtension> entities(String organization, Collection<String> names) {
        return names.stream().distinct()
                .map(n -> findEntity(organization, n).orElseThrow(() -> notFound(organization, n))).toList();
    }

    /**
     * A new allowedIn through {@link WasmExtension#apply}: derived columns, etag and updatedBy follow.
     * Returns the change, to be published once the write has been flushed.
     */
    private ExtensionChanged changeAllowedIn(WasmExtension extension, List<Tenant> allowed,
                                             ExtensionChanged.Change change, String note, InUse inUse) {
        ExtensionDefinition before = extension.toDefinition();
        ExtensionDefinition changed = before.toBuilder()
                .allowedIn(allowed.stream().map(Tenant::fqn).toList()).build();
        events.publishEvent(new ExtensionWithdrawing(extension.getId(), before, changed, inUse));
        extension.apply(changed, allowed, currentUser.username());
        return new ExtensionChanged(change, before, extension.toDefinition(), extension.getEtag(), note);
    }

    private void flush(String organization) {
        try {
            repository.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("spec.etag", "an extension of organization '" + organization
                    + "' was changed by someone else at the same moment; reload and try again");
        }
    }

    private static String quoted(List<String> names) {
        return (names.size() == 1 ? "extension " : "extensions ")
                + String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    private Optional<WasmExtension> findEntity(String organization, String name) {
        return repository.findOne(ExtensionQueries.named(organization, name, currentUser.viewer()));
    }

    private static NotFoundException notFound(String organization, String name) {
        return new NotFoundException("extension " + ExtensionDefinition.fqn(organization, name));
    }
}
