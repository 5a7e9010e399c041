package org.wasmconsole.attachment;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.WasmExtension;

/** Finds the extension an attachment names, for the services of targets and default settings. */
final class ExtensionLookup {

    private ExtensionLookup() {
    }

    /** The extension of an {@code organizations/<org>/extensions/<name>} FQN; empty for any other text. */
    static Optional<WasmExtension> find(EntityManager entityManager, String fqn) {
        return Fqn.tryParse(fqn, Fqn.Level.EXTENSION).flatMap(x -> entityManager.createQuery(
                        "select e from WasmExtension e where e.organizationName = :o and e.name = :n", WasmExtension.class)
                .setParameter("o", x.organization()).setParameter("n", x.extension()).getResultStream().findFirst());
    }

    /**
     * The extension if the caller may see it: an admin any, an operator those open to every tenant or
     * available to a tenant of theirs. Not found otherwise, like one that does not exist.
     */
    static WasmExtension visible(EntityManager entityManager, TenantScope scope, String fqn) {
        return find(entityManager, fqn).filter(e -> e.getAllowedTenants().isEmpty()
                        || e.getAllowedTenants().stream().anyMatch(scope::canSee) || scope.isAdmin())
                .orElseThrow(() -> new NotFoundException("extension " + fqn));
    }
}
