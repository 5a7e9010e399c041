package org.wasmconsole.extension;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hibernate.Hibernate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wasmconsole.tenant.Tenant;

/**
 * The {@link ExtensionTextIndex}'s commit-time bookkeeping: the extensions a transaction writes (told by the
 * entity's callbacks), held until it commits and then handed to the index (a rolled-back one, e.g. a dry run,
 * leaves no trace); outside a transaction at once.
 */
final class TextIndexCommits {

    /** One extension's written state (search text and keys). */
    record Entry(String searchText, TextIndexKeys keys) {
    }

    /** Applies committed changes to the index (null entry: deleted). */
    private final Consumer<Map<Long, Entry>> committed;

    TextIndexCommits(Consumer<Map<Long, Entry>> committed) {
        this.committed = committed;
    }

    void written(WasmExtension extension) {
        List<Tenant> allowed = extension.getAllowedTenants();
        // A write that did not touch the tenants need not have loaded them: then the ones indexed stay (committed).
        long[] tenantIds = Hibernate.isInitialized(allowed)
                ? allowed.stream().mapToLong(Tenant::getId).toArray() : TextIndexKeys.ANY_TENANT;
        boolean allTenants = Hibernate.isInitialized(allowed) && allowed.isEmpty();
        Entry entry = new Entry(extension.getSearchText(), new TextIndexKeys(extension.getOrganizationName(),
                extension.getPhase().name(), extension.getPriority(), extension.getName(), allTenants, tenantIds,
                extension.getSearchText()));
        Long id = extension.getId();
        Pending pending = pending(true);
        if (pending != null) {
            pending.changes.put(id, entry);
        } else {
            committed.accept(Map.of(id, entry));
        }
    }

    void removed(Long id) {
        Pending pending = pending(true);
        if (pending != null) {
            pending.changes.put(id, null);
        } else {
            Map<Long, Entry> one = new LinkedHashMap<>();
            one.put(id, null);
            committed.accept(one);
        }
    }

    /** The ids this transaction wrote so far (not yet in the index), or null: none (or outside a transaction). */
    Set<Long> uncommittedIds() {
        Pending pending = pending(false);
        return pending == null ? null : pending.changes.keySet();
    }

    /** Keys first: a query that finds a signature without its keys falls back (see TextIndexMatching). */
    static void apply(TrigramSignatures index, Map<Long, TextIndexKeys> keys, long[] textBytes, TextIndexMemory memory,
                      Map<Long, Entry> changes) {
        changes.forEach((id, entry) -> {
            if (entry == null) {
                index.remove(id);
                TextIndexKeys gone = keys.remove(id);
                textBytes[0] -= gone == null ? 0 : TextIndexMemory.string(gone.text());
            } else {
                TextIndexKeys k = entry.keys();
                TextIndexKeys before = keys.get(id);
                String kept = memory.withinBudget(textBytes,
                        before == null ? 0 : TextIndexMemory.string(before.text()), k.text());
                if (kept != k.text()) {
                    k = new TextIndexKeys(k.organization(), k.phase(), k.priority(), k.name(), k.allTenants(),
                            k.tenantIds(), null);
                }
                if (k.tenantIds() == TextIndexKeys.ANY_TENANT && before != null) { // tenants not loaded: unchanged
                    k = new TextIndexKeys(k.organization(), k.phase(), k.priority(), k.name(), before.allTenants(),
                            before.tenantIds(), k.text());
                }
                keys.put(id, k);
                index.put(id, entry.searchText());
            }
        });
    }

    /** This transaction's changes (its synchronization), or null outside a transaction. */
    private Pending pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner() == this) {
                return p;
            }
        }
        if (!create) {
            return null;
        }
        Pending p = new Pending(this, new LinkedHashMap<>());
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /**
     * The extensions a transaction wrote (null text: deleted), applied to the index once it commits. Per
     * transaction: an inner REQUIRES_NEW transaction suspends the outer one's synchronizations and has its own.
     */
    private record Pending(TextIndexCommits owner, Map<Long, Entry> changes) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            owner.committed.accept(changes);
        }
    }

    /** The entity's callbacks (an instance made by Spring for Hibernate, so it gets the index). */
    static class Listener {

        private final ExtensionTextIndex index;

        Listener(ExtensionTextIndex index) {
            this.index = index;
        }

        @PostPersist
        @PostUpdate
        void written(WasmExtension extension) {
            index.commits.written(extension);
        }

        @PostRemove
        void removed(WasmExtension extension) {
            index.commits.removed(extension.getId());
        }
    }
}
