package org.wasmconsole.extension;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;

/**
 * The catalogue's text filter on the embedded H2 database, which has no substring index (issue #23): the
 * {@link TrigramSignatures} of every extension's {@code search_text}, held in memory, narrow
 * {@code search_text LIKE '%…%'} to the candidate ids; the query keeps the exact {@code LIKE}, so results are
 * those of the plain filter. PostgreSQL has its pg_trgm index (V14) and none of this.
 * <ul>
 * <li>Built from the table once the application is ready, in the background; searches scan until then.</li>
 * <li>Kept current by the entity's life-cycle callbacks, applied after the commit of the transaction that made
 * them (a rolled-back one, e.g. a dry run, leaves no trace); within that transaction its own changes are
 * candidates too, so it finds what it just wrote.</li>
 * <li>Writes that bypass JPA (SQL by hand, the benchmark's batch inserts) are not seen: {@link #rebuild()}.</li>
 * </ul>
 * Next to the signatures it keeps what the catalogue's default order and its visibility need of each extension
 * ({@link Keys}: organization, phase, priority, name, allowed tenants), so that a page in that order asks the
 * database to check only the first candidates the caller may see, in that order ({@link #sortedCandidates}); and
 * the search text itself, so that a filter of text, phase and tenant is decided here without the database
 * ({@link #sortedMatches}: the count of a common text checked ~2,400 wide rows by primary key before). Memory
 * (docs/benchmarks.md, 100,000 generated extensions): the texts are most of it, one byte a char as Latin-1
 * Strings (~66 MiB at 100,000 texts of ~650 chars; {@code console.search.index.max-text-mib} caps them). Each
 * text deflated on its own halves that, but checking ~2,400 candidates took 5.4× as long (measured in the bench).
 * <p>
 * {@code console.search.index.enabled=false} turns it off; {@code console.search.index.max-candidates} (20,000) is
 * the number of candidates above which the scan is used: H2 tests {@code id in (…)} against the values of the
 * list in turn, so a long list costs its length squared. Measured (docs/benchmarks.md): ~10,000 candidates of
 * 100,000 extensions still took half the scan's time, the rows being wide; on a narrow test table 10,000 ids took
 * 5× its scan.
 */
@Component
public class ExtensionTextIndex {

    private static final Logger log = LoggerFactory.getLogger(ExtensionTextIndex.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean wanted;
    private final int maxCandidates;
    /** The most heap the kept search texts may take; texts beyond it are not kept (then the database checks). */
    private volatile long maxTextBytes;

    private final Object lock = new Object();
    /** One build at a time (the start's and one asked for): each replays the commits made while it read. */
    private final Object buildLock = new Object();
    /** Null until built (and when not used): the filter scans. */
    private volatile TrigramSignatures signatures;
    /** The sort and visibility keys of the extensions in {@link #signatures}, replaced with them. */
    private volatile Map<Long, Keys> keys;
    /** The heap of the texts kept in {@link #keys} (changed under {@link #lock}). */
    private long[] keptTextBytes = {0};
    /** While a build reads the table: the commits it may have missed, replayed when it ends. */
    private List<Map<Long, Entry>> missedByBuild;

    ExtensionTextIndex(JdbcTemplate jdbc, DataSource dataSource,
                       @Value("${console.search.index.enabled:true}") boolean wanted,
                       @Value("${console.search.index.max-candidates:20000}") int maxCandidates,
                       @Value("${console.search.index.max-text-mib:128}") long maxTextMib) {
        this.maxTextBytes = maxTextMib * 1024 * 1024;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.wanted = wanted;
        this.maxCandidates = maxCandidates;
    }

    /** What a build took: extensions indexed, milliseconds, approximate heap. */
    public record Stats(int extensions, long millis, long bytes) {
    }

    /** Not known (a write that did not load the extension's tenants, and no earlier keys): any tenant. */
    private static final long[] ANY_TENANT = new long[0];
    /** Open to all tenants (one shared empty array; never {@link #ANY_TENANT}, which is compared by identity). */
    private static final long[] NO_TENANTS = new long[0];

    /**
     * What the catalogue's default order ({@link ExtensionQueries#PROXY_ORDER}), its visibility rules and its text
     * filter need of an extension. {@code tenantIds} {@link #ANY_TENANT}: not known, so never a reason to leave it
     * out (and no exact answer: {@link #sortedMatches}). {@code text}: the {@code search_text} as stored (lower-cased;
     * a {@code String} keeps it in one byte a char where it is Latin-1, as nearly all is), so that the text filter
     * is decided here, as its {@code LIKE '%…%'} decides it.
     */
    record Keys(String organization, String phase, int priority, String name, boolean allTenants, long[] tenantIds,
                String text) {

        /** The proxy's order as the database sorts it: phase (by its name) up, priority down, name up. */
        static final Comparator<Keys> PROXY_ORDER = Comparator.comparing(Keys::phase)
                .thenComparing(Comparator.comparingInt(Keys::priority).reversed())
                .thenComparing(Keys::name);

        /** As {@link ExtensionQueries#availableTo}: open to all, or allowed in one of these tenants. */
        boolean availableTo(java.util.Set<Long> tenants) {
            if (allTenants || tenantIds == ANY_TENANT) {
                return true;
            }
            for (long id : tenantIds) {
                if (tenants.contains(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One extension's written state (search text and keys). */
    private record Entry(String searchText, Keys keys) {
    }

    /**
     * The text if it fits the budget with the texts kept so far (counted in {@code used}, less the {@code replaced}
     * text's bytes), else null: that extension's filter is then checked by the database.
     */
    private String withinBudget(long[] used, long replaced, String text) {
        long size = string(text);
        if (used[0] - replaced + size > maxTextBytes) {
            used[0] -= replaced;
            return null;
        }
        used[0] += size - replaced;
        return text;
    }

    /** For tests: the budget of {@code console.search.index.max-text-mib} in bytes (applies from the next build). */
    void maxTextBytes(long bytes) {
        maxTextBytes = bytes;
    }

    /** The approximate heap of the keys (and texts) of an extension, in bytes (compressed oops, 8-byte alignment). */
    private static long bytes(Keys k) {
        // map node 32 + Long 16; Keys 40; name and text: String 24 + array 16 + chars (1 or 2 bytes each)
        return 48 + 40 + string(k.name()) + string(k.text()) + (k.tenantIds().length == 0 ? 0
                : align(16 + 8L * k.tenantIds().length));
    }

    private static long string(String s) {
        if (s == null) {
            return 0;
        }
        boolean latin1 = true;
        for (int i = 0; i < s.length() && latin1; i++) {
            latin1 = s.charAt(i) < 256;
        }
        return 24 + align(16 + (long) s.length() * (latin1 ? 1 : 2));
    }

    private static long align(long n) {
        return n + 7 & ~7L;
    }
    @EventListener(ApplicationReadyEvent.class)
    void buildInBackground() {
        if (wanted && embeddedH2()) {
            Thread.ofPlatform().daemon().name("extension-text-index").start(this::rebuild);
        }
    }

    private boolean embeddedH2() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("H2");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    /**
     * Reads every extension's search text anew; until it ends the previous index (or the scan) answers. For
     * writes that bypass JPA. Returns what it took, or null where the index is not used (PostgreSQL, off).
     */
    public Stats rebuild() {
        synchronized (buildLock) {
            return build();
        }
    }

    private Stats build() {
        if (!wanted || !embeddedH2()) {
            return null;
        }
        long started = System.nanoTime();
        synchronized (lock) {
            missedByBuild = new ArrayList<>();
        }
        Integer rows = jdbc.queryForObject("select count(*) from wasm_extension", Integer.class);
        // Room for a few more before the arrays grow (then by half: ~12 MB at 100,000).
        TrigramSignatures built = new TrigramSignatures(rows + rows / 16 + 1024);
        Map<Long, Keys> builtKeys = new ConcurrentHashMap<>(rows + rows / 16 + 1024);
        long[] builtTextBytes = {0};
        try {
            Map<Long, List<Long>> tenantsOf = new java.util.HashMap<>();
            jdbc.query("select extension_id, tenant_id from extension_allowed_tenant",
                    rs -> {
                        tenantsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2));
                    });
            Map<String, String> organizations = new java.util.HashMap<>();
            jdbc.query(c -> {
                var s = c.prepareStatement("select id, search_text, organization_name, phase, priority, name,"
                        + " all_tenants from wasm_extension");
                s.setFetchSize(1000);
                return s;
            }, rs -> {
                long id = rs.getLong(1);
                String text = rs.getString(2);
                built.put(id, text);
                String kept = withinBudget(builtTextBytes, 0, text);
                String organization = organizations.computeIfAbsent(rs.getString(3), o -> o);
                List<Long> tenantIds = tenantsOf.getOrDefault(id, List.of());
                builtKeys.put(id, new Keys(organization, rs.getString(4).intern(), rs.getInt(5), rs.getString(6),
                        rs.getBoolean(7), tenantIds.isEmpty() ? NO_TENANTS
                        : tenantIds.stream().mapToLong(Long::longValue).toArray(), kept));
            });
        } catch (RuntimeException e) {
            synchronized (lock) {
                missedByBuild = null;
            }
            log.warn("The catalogue's text search index could not be built; searches scan the table", e);
            return null;
        }
        synchronized (lock) {
            missedByBuild.forEach(changes -> apply(built, builtKeys, builtTextBytes, changes));
            missedByBuild = null;
            keys = builtKeys;
            keptTextBytes = builtTextBytes;
            signatures = built;
        }
        Stats stats = new Stats(built.size(), (System.nanoTime() - started) / 1_000_000, bytes());
        log.info("Catalogue text search index: {} extensions in {} ms, ~{} KiB", stats.extensions(), stats.millis(),
                stats.bytes() / 1024);
        return stats;
    }

    /**
     * The approximate heap the index takes, in bytes: the signatures, and per extension its keys with its name and
     * search text (the shared organization and phase strings not counted). At 100,000 generated extensions (texts
     * of ~560 chars) ~25 MB signatures + ~14 MB keys + ~60 MB texts (docs/benchmarks.md).
     */
    public long bytes() {
        TrigramSignatures index = signatures;
        Map<Long, Keys> known = keys;
        if (index == null || known == null) {
            return 0;
        }
        long total = index.bytes() + 16 + 4L * Integer.highestOneBit(Math.max(1, known.size()) * 2);
        for (Keys k : known.values()) {
            total += bytes(k);
        }
        return total;
    }

    /**
     * For the benchmark's hand-written comparison (issue #23): the candidates the index hands an admin's page
     * (text ∩ organization ∩ tenant, in the proxy's order, unchecked), or null as for {@link #sortedCandidates}.
     */
    public long[] candidates(String text, String organization, Long tenantId) {
        return sortedCandidates(text, organization, null, new Viewer("bench", true, java.util.Set.of()), tenantId);
    }

    /** The bytes of the search texts alone (as kept: one or two bytes a char), for the benchmark's report. */
    public long textBytes() {
        Map<Long, Keys> known = keys;
        long total = 0;
        if (known != null) {
            for (Keys k : known.values()) {
                total += string(k.text());
            }
        }
        return total;
    }

    /**
     * The text filter's restriction to candidate ids, to be combined with its {@code LIKE}; no restriction where
     * the index cannot narrow it (not built, PostgreSQL, a query under 3 chars, too many candidates).
     *
     * @param text the filter's text as the user typed it (it is stripped and lower-cased as the LIKE's pattern)
     */
    Specification<WasmExtension> candidates(String text) {
        List<Long> ids = candidateIds(text);
        if (ids == null) {
            return Specification.unrestricted();
        }
        return (root, query, cb) -> ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids);
    }

    /** The candidate ids for the text filter (with this transaction's own writes), or null: no narrowing. */
    List<Long> candidateIds(String text) {
        TrigramSignatures index = signatures;
        if (index == null || text == null || text.isBlank()) {
            return null;
        }
        long[] found = index.candidates(ExtensionQueries.searchPattern(text), maxCandidates);
        if (found == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>(found.length + 8);
        for (long id : found) {
            ids.add(id);
        }
        Pending pending = pending(false);
        if (pending != null) {
            ids.addAll(pending.changes.keySet());
        }
        // Padded with the last id to a power of two: a few shapes of "id in (?, …)" for the statement and
        // query plan caches, not one per number of candidates.
        if (!ids.isEmpty()) {
            int padded = 16;
            while (padded < ids.size()) {
                padded <<= 1;
            }
            Long last = ids.getLast();
            while (ids.size() < padded) {
                ids.add(last);
            }
        }
        return ids;
    }

    /**
     * The text filter's candidates that the rest of the filter may match as far as the index knows (organization,
     * phase, the caller's visibility, the filter's tenant), in the proxy's order: a page in that order is then the
     * first candidates the database's exact filter confirms. Null where the index cannot answer (not built, a query
     * under 3 chars, more than the most candidates, this transaction's own writes not yet in it).
     *
     * @param tenantId the filter's tenant, resolved, or null
     */
    long[] sortedCandidates(String text, String organization, PluginPhase phase, Viewer viewer, Long tenantId) {
        return sorted(text, organization, phase, viewer, tenantId, false);
    }

    /**
     * The extensions that match the text filter (as its {@code LIKE '%…%'} on the stored text decides), the
     * organization, phase, the caller's visibility and the filter's tenant, in the proxy's order: decided here
     * without the database (issue #23), so a page in that order is a slice and the count its length. Null where the
     * index cannot answer as for {@link #sortedCandidates} (but with no limit on the number of candidates), and
     * where an extension's tenants are not known ({@link #ANY_TENANT}) and visibility or the tenant filter asks.
     */
    long[] sortedMatches(String text, String organization, PluginPhase phase, Viewer viewer, Long tenantId) {
        return sorted(text, organization, phase, viewer, tenantId, true);
    }

    private long[] sorted(String text, String organization, PluginPhase phase, Viewer viewer, Long tenantId,
                          boolean exact) {
        TrigramSignatures index = signatures;
        Map<Long, Keys> known = keys;
        if (index == null || known == null || text == null || text.isBlank()) {
            return null;
        }
        Pending pending = pending(false);
        if (pending != null && !pending.changes.isEmpty()) {
            return null;
        }
        String pattern = ExtensionQueries.searchPattern(text);
        long[] found = index.candidates(pattern, Integer.MAX_VALUE);
        if (found == null) {
            return null;
        }
        String phaseName = phase == null ? null : phase.name();
        java.util.Set<Long> tenant = tenantId == null ? null : java.util.Set.of(tenantId);
        boolean tenantsAsked = !viewer.admin() || tenant != null;
        List<Map.Entry<Long, Keys>> kept = new ArrayList<>();
        for (long id : found) {
            Keys k = known.get(id);
            if (k == null) {
                return null; // between the signatures' update and the keys' (a commit being applied): as today
            }
            if (k.organization().equals(organization) && (phaseName == null || phaseName.equals(k.phase()))
                    && (viewer.admin() || k.availableTo(viewer.tenantIds()))
                    && (tenant == null || k.availableTo(tenant))) {
                if (exact) {
                    if (k.text() == null || k.tenantIds() == ANY_TENANT && !k.allTenants() && tenantsAsked) {
                        return null; // a text over the budget, or tenants not known: the database decides
                    }
                    // LIKE '%…%' with the pattern's specials escaped: the stored text contains it, char for char.
                    if (!k.text().contains(pattern)) {
                        continue;
                    }
                }
                kept.add(Map.entry(id, k));
            }
        }
        if (!exact && kept.size() > maxCandidates) {
            return null;
        }
        kept.sort(Map.Entry.comparingByValue(Keys.PROXY_ORDER));
        long[] sorted = new long[kept.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = kept.get(i).getKey();
        }
        return sorted;
    }

    private void written(WasmExtension extension) {
        List<Tenant> allowed = extension.getAllowedTenants();
        // A write that did not touch the tenants need not have loaded them: then the ones indexed stay (committed).
        long[] tenantIds = Hibernate.isInitialized(allowed)
                ? allowed.stream().mapToLong(Tenant::getId).toArray() : ANY_TENANT;
        boolean allTenants = Hibernate.isInitialized(allowed) && allowed.isEmpty();
        Entry entry = new Entry(extension.getSearchText(), new Keys(extension.getOrganizationName(),
                extension.getPhase().name(), extension.getPriority(), extension.getName(), allTenants, tenantIds,
                extension.getSearchText()));
        Long id = extension.getId();
        Pending pending = pending(true);
        if (pending != null) {
            pending.changes.put(id, entry);
        } else {
            committed(Map.of(id, entry));
        }
    }

    private void removed(Long id) {
        Pending pending = pending(true);
        if (pending != null) {
            pending.changes.put(id, null);
        } else {
            Map<Long, Entry> one = new LinkedHashMap<>();
            one.put(id, null);
            committed(one);
        }
    }

    private void committed(Map<Long, Entry> changes) {
        synchronized (lock) {
            if (missedByBuild != null) {
                missedByBuild.add(changes);
            }
            TrigramSignatures index = signatures;
            if (index != null) {
                apply(index, keys, keptTextBytes, changes);
            }
        }
    }

    /** Keys first: a query that finds a signature without its keys falls back (see sortedCandidates). */
    private void apply(TrigramSignatures index, Map<Long, Keys> keys, long[] textBytes, Map<Long, Entry> changes) {
        changes.forEach((id, entry) -> {
            if (entry == null) {
                index.remove(id);
                Keys gone = keys.remove(id);
                textBytes[0] -= gone == null ? 0 : string(gone.text());
            } else {
                Keys k = entry.keys();
                Keys before = keys.get(id);
                String kept = withinBudget(textBytes, before == null ? 0 : string(before.text()), k.text());
                if (kept != k.text()) {
                    k = new Keys(k.organization(), k.phase(), k.priority(), k.name(), k.allTenants(), k.tenantIds(),
                            null);
                }
                if (k.tenantIds() == ANY_TENANT && before != null) { // tenants not loaded: unchanged
                    k = new Keys(k.organization(), k.phase(), k.priority(), k.name(), before.allTenants(),
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
    private record Pending(ExtensionTextIndex owner, Map<Long, Entry> changes) implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            owner.committed(changes);
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
            index.written(extension);
        }

        @PostRemove
        void removed(WasmExtension extension) {
            index.removed(extension.getId());
        }
    }
}
