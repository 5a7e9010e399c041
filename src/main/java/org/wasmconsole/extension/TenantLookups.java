package org.wasmconsole.extension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wasmconsole.tenant.Organization;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The organization and tenants one definition names, each read once for both its rules and its
 * save: a bulk apply writes thousands of definitions, and every query counts. Inside a transaction,
 * the ones found are shared by every definition of that transaction (apply: 10,000 documents naming
 * the same few tenants read them once); what was not found is asked again, as it may be created later
 * in the same transaction (a Tenant document before the extensions that name it). Tenants and
 * organizations are never renamed, and one deleted in the same transaction would fail its foreign key.
 */
final class TenantLookups {

    private static final Object SHARED = new Object();

    private final Map<String, Tenant> tenantsByFqn;
    private final Map<String, Organization> organizations;
    private final TenantDirectory tenants;

    @SuppressWarnings("unchecked")
    TenantLookups(TenantDirectory tenants) {
        this.tenants = tenants;
        Map<String, Map<String, ?>> shared = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            shared = (Map<String, Map<String, ?>>) TransactionSynchronizationManager.getResource(SHARED);
            if (shared == null) {
                Map<String, Map<String, ?>> created = new HashMap<>();
                shared = created;
                TransactionSynchronizationManager.bindResource(SHARED, created);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(SHARED);
                    }
                });
            }
        }
        tenantsByFqn = shared == null ? new HashMap<>()
                : (Map<String, Tenant>) shared.computeIfAbsent("tenants", k -> new HashMap<String, Tenant>());
        organizations = shared == null ? new HashMap<>()
                : (Map<String, Organization>) shared.computeIfAbsent("organizations",
                        k -> new HashMap<String, Organization>());
    }

    boolean tenantExists(String fqn) {
        return tenant(fqn).isPresent();
    }

    Optional<Organization> organization(String name) {
        Organization known = organizations.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Organization> found = tenants.organization(name);
        found.ifPresent(o -> organizations.put(name, o));
        return found;
    }

    /** The tenants of these FQNs, in order; every one exists (the definition was checked). */
    List<Tenant> tenants(List<String> fqns) {
        return fqns.stream().map(fqn -> tenant(fqn).orElseThrow()).toList();
    }

    private Optional<Tenant> tenant(String fqn) {
        Tenant known = tenantsByFqn.get(fqn);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Tenant> found = tenants.tenant(fqn);
        found.ifPresent(t -> tenantsByFqn.put(fqn, t));
        return found;
    }
}
