package org.wasmconsole.tenant;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.Viewer;

/** Organizations and tenants, as seen by the signed-in user. */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class TenantService {

    private final OrganizationRepository organizations;
    private final TenantRepository tenants;
    private final CurrentUser currentUser;

    TenantService(OrganizationRepository organizations, TenantRepository tenants, CurrentUser currentUser) {
        this.organizations = organizations;
        this.tenants = tenants;
        this.currentUser = currentUser;
    }

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
    }

    @RolesAllowed(Roles.ADMIN)
    public TenantInfo create(String organization, String name, String displayName) {
        Organization org = organizations.findByName(organization)
                .orElseThrow(() -> new NotFoundException("organization '" + organization + "'"));
        Names.checkDnsLabel(name).ifPresent(m -> {
            throw new ValidationException("metadata.name", m);
        });
        Names.checkDisplayName(displayName).ifPresent(m -> {
            throw new ValidationException("metadata.displayName", m);
        });
        if (tenants.findByOrganizationNameAndName(organization, name).isPresent()) {
            throw new ValidationException("metadata.name", "tenant '" + name + "' already exists in organization '"
                    + organization + "'; choose another name");
        }
        return TenantInfo.of(tenants.save(new Tenant(org, name, displayName)));
    }
}
