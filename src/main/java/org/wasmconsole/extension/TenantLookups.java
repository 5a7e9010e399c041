package org.wasmconsole.extension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
        return cached(organizations, name, tenants::organization);
    }

    /** The tenants of these FQNs, in order; every one exists (the definition was checked). */
    List<Tenant> tenants(List<String> fqns) {
        return fqns.stream().map(fqn -> tenant(fqn).orElseThrow()).toList();
    }

    private Optional<Tenant> tenant(String fqn) {
        return cached(tenantsByFqn, fqn, tenants::tenant);
    }

    /** What {@code known} holds for the key, else what {@code lookup} finds, kept when found (not when absent). */
    private static <T> Optional<T> cached(Map<String, T> known, String key, Function<String, Optional<T>> lookup) {
        T hit = known.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<T> found = lookup.apply(key);
        found.ifPresent(value -> known.put(key, value));
        return found;
    }
}
