package org.wasmconsole.tenant;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;

/** Organizations and tenants, as seen by the signed-in user. */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class TenantService {

    private final OrganizationRepository organizations;
    private final TenantRepository tenants;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    /** The tenants of an organization; an operator gets only their own. */
    @Transactional(readOnly = true)
    public List<TenantInfo> list(String organization) {
        Viewer viewer = currentUser.viewer();
        List<Tenant> found = viewer.admin()
                ? tenants.findByOrganizationNameOrderByName(organization)
                : tenants.findByOrganizationNameAndIdInOrderByName(organization, viewer.tenantIds());
        return found.stream().map(TenantInfo::of).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public void createOrganization(String name, String displayName) {
        Names.checkDnsLabel(name).ifPresent(m -> {
            throw new ValidationException("metadata.name", m);
        });
        if (organizations.findByName(name).isPresent()) {
            throw new ValidationException("metadata.name", "organization '" + name + "' already exists");
        }
        organizations.save(new Organization(name, displayName));
        events.publishEvent(new TenantChanged(TenantChanged.Change.ORGANIZATION_CREATED, name, name, null,
                displayName));
    }

    @RolesAllowed(Roles.ADMIN)
    public TenantInfo create(String organization, String name, String displayName) {
        return create(organization, name, displayName, ObjectMeta.EMPTY);
    }

    /** A tenant with labels and annotations (a TSB document's metadata, kept as given). */
    @RolesAllowed(Roles.ADMIN)
    public TenantInfo create(String organization, String name, String displayName, ObjectMeta meta) {
        Organization org = organizations.findByName(organization)
                .orElseThrow(() -> new NotFoundException("organization '" + organization + "'"));
        Names.checkDnsLabel(name).ifPresent(m -> {
            throw new ValidationException("metadata.name", m);
        });
        Names.checkDisplayName(displayName).ifPresent(m -> {
            throw new ValidationException("metadata.displayName", m);
        });
        if (tenants.findByOrganizationNameAndName(organization, name).isPresent()) {
            throw new ConflictException("metadata.name", "tenant '" + name + "' already exists in organization '"
                    + organization + "'; choose another name");
        }
        if (!meta.violations().isEmpty()) {
            throw new ValidationException(meta.violations());
        }
        Tenant tenant = new Tenant(org, name, displayName);
        tenant.setMeta(meta);
        TenantInfo created = TenantInfo.of(tenants.save(tenant));
        events.publishEvent(new TenantChanged(TenantChanged.Change.CREATED, organization, name, null,
                created.displayName()));
        return created;
    }

    /** The tenant, if it exists and the caller may see it (an operator: only their own tenants). */
    @Transactional(readOnly = true)
    public java.util.Optional<TenantInfo> find(String organization, String name) {
        Viewer viewer = currentUser.viewer();
        return tenants.findByOrganizationNameAndName(organization, name)
                .filter(t -> viewer.admin() || viewer.tenantIds().contains(t.getId()))
                .map(TenantInfo::of);
    }

    @Transactional(readOnly = true)
    public TenantInfo get(String organization, String name) {
        return find(organization, name).orElseThrow(() -> notFound(organization, name));
    }

    /** Changes the display name (the name is the tenant's identity and never changes); blank clears it. */
    @RolesAllowed(Roles.ADMIN)
    public TenantInfo rename(String organization, String name, String displayName) {
        Tenant tenant = tenants.findByOrganizationNameAndName(organization, name)
                .orElseThrow(() -> notFound(organization, name));
        String value = displayName == null || displayName.isBlank() ? null : displayName.strip();
        Names.checkDisplayName(value).ifPresent(m -> {
            throw new ValidationException("metadata.displayName", m);
        });
        String before = tenant.getDisplayName();
        tenant.setDisplayName(value);
        TenantInfo renamed = TenantInfo.of(tenants.saveAndFlush(tenant));
        if (!java.util.Objects.equals(before, value)) {
            events.publishEvent(new TenantChanged(TenantChanged.Change.RENAMED, organization, name, before, value));
        }
        return renamed;
    }

    /** Replaces the tenant's labels and annotations. */
    @RolesAllowed(Roles.ADMIN)
    public TenantInfo relabel(String organization, String name, ObjectMeta meta) {
        Tenant tenant = tenants.findByOrganizationNameAndName(organization, name)
                .orElseThrow(() -> notFound(organization, name));
        if (!meta.violations().isEmpty()) {
            throw new ValidationException(meta.violations());
        }
        if (tenant.getMeta().equals(meta)) {
            return TenantInfo.of(tenant);
        }
        tenant.setMeta(meta);
        TenantInfo saved = TenantInfo.of(tenants.saveAndFlush(tenant));
        events.publishEvent(new TenantChanged(TenantChanged.Change.RELABELLED, organization, name, null, null));
        return saved;
    }

    /**
     * Deletes the tenant in one transaction. Listeners of {@link TenantDeleting} first drop every
     * reference to it (extensions' allowedIn) or refuse by throwing, which leaves everything as it
     * was; operators' memberships of the tenant go with it (database cascade).
     */
    @RolesAllowed(Roles.ADMIN)
    public void delete(String organization, String name) {
        Tenant tenant = tenants.findByOrganizationNameAndName(organization, name)
                .orElseThrow(() -> notFound(organization, name));
        events.publishEvent(new TenantDeleting(TenantInfo.of(tenant)));
        String displayName = tenant.getDisplayName();
        tenants.delete(tenant);
        tenants.flush();
        events.publishEvent(new TenantChanged(TenantChanged.Change.DELETED, organization, name, displayName, null));
    }

    private static NotFoundException notFound(String organization, String name) {
        return new NotFoundException("tenant " + Tenant.fqn(organization, name));
    }
}
