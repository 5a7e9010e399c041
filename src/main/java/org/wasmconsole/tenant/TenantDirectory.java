package org.wasmconsole.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.Fqn;

/**
 * Look-ups of organizations and tenants for other features' services (which have already
 * checked the caller's rights). Not for views: they go through {@link TenantService}.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class TenantDirectory {

    private final OrganizationRepository organizations;
    private final TenantRepository tenants;

    public Optional<Organization> organization(String name) {
        return name == null ? Optional.empty() : organizations.findByName(name);
    }

    public Optional<Tenant> tenant(String fqn) {
        return Fqn.tryParse(fqn, Fqn.Level.TENANT)
                .flatMap(t -> tenants.findByOrganizationNameAndName(t.organization(), t.tenant()));
    }

    public boolean exists(String fqn) {
        return tenant(fqn).isPresent();
    }

    /** The FQN of each of these tenant ids that exists. */
    public java.util.Map<Long, String> fqns(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> fqns = new java.util.HashMap<>();
        tenants.findAllById(ids).forEach(t -> fqns.put(t.getId(), t.fqn()));
        return fqns;
    }

    /** The tenants of the given FQNs, in the same order; fails on an unknown one (validate first). */
    public List<Tenant> tenantsByFqn(List<String> fqns) {
        List<Tenant> result = new ArrayList<>(fqns.size());
        for (String fqn : fqns) {
            result.add(tenant(fqn).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + fqn)));
        }
        return result;
    }
}
