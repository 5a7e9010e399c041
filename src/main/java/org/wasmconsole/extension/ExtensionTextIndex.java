package org.wasmconsole.extension;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.Viewer;

/**
 * The catalogue's text filter on the embedded H2 database, which has no substring index (issue #23): the
 * {@link TrigramSignatures} of every extension's {@code search_text}, held in memory, narrow
 * {@code search_text LIKE '%…%'} to the candidate ids; the query keeps the exact {@code LIKE}, so results are
 * those of the plain filter. PostgreSQL has its pg_trgm index (V14) and none of this.
 * <ul>
 * <li>Built from the table once the application is ready, in the background; searches scan until then.</li>
 * <li>Kept current by the entity's life-cycle callbacks, applied after the commit of the transaction that made
 * them (a rolled-back one, e.g. a dry run, leaves no trace); within that transaction its own changes are
 * candidates too, so it finds what it just wrote ({@link TextIndexCommits}).</li>
 * <li>Writes that bypass JPA (SQL by hand, the benchmark's batch inserts) are not seen: {@link #rebuild()}.</li>
 * </ul>
 * Next to the signatures it keeps what the catalogue's default order and its visibility need of each extension
 * ({@link TextIndexKeys}: organization, phase, priority, name, allowed tenants), so that a page in that order asks
 * the database to check only the first candidates the caller may see, in that order ({@link #sortedCandidates});
 * and the search text itself, so that a filter of text, phase and tenant is decided here without the database
 * ({@link #sortedMatches}: the count of a common text checked ~2,400 wide rows by primary key before). The texts
 * are most of its memory, under a budget ({@link TextIndexMemory}).
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
    private final TextIndexMemory memory;
    /** This index's writes, told by the entity's callbacks ({@link TextIndexCommits.Listener}). */
    final TextIndexCommits commits = new TextIndexCommits(this::committed);

    private final Object lock = new Object();
    /** One build at a time (the start's and one asked for): each replays the commits made while it read. */
    private final Object buildLock = new Object();
    /** Null until built (and when not used): the filter scans. */
    private volatile TrigramSignatures signatures;
    /** The sort and visibility keys of the extensions in {@link #signatures}, replaced with them. */
    private volatile Map<Long, TextIndexKeys> keys;
    /** The heap of the texts kept in {@link #keys} (changed under {@link #lock}). */
    private long[] keptTextBytes = {0};
    /** While a build reads the table: the commits it may have missed, replayed when it ends. */
    private List<Map<Long, TextIndexCommits.Entry>> missedByBuild;

    ExtensionTextIndex(JdbcTemplate jdbc, DataSource dataSource,
                       @Value("${console.search.index.enabled:true}") boolean wanted,
                       @Value("${console.search.index.max-candidates:20000}") int maxCandidates,
                       @Value("${console.search.index.max-text-mib:128}") long maxTextMib) {
        this.memory = new TextIndexMemory(maxTextMib * 1024 * 1024);
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.wanted = wanted;
        this.maxCandidates = maxCandidates;
    }

    /** What a build took: extensions indexed, milliseconds, approximate heap. */
    public record Stats(int extensions, long millis, long bytes) {
    }

    /** For tests: the budget of {@code console.search.index.max-text-mib} in bytes (applies from the next build). */
    void maxTextBytes(long bytes) {
        memory.maxTextBytes(bytes);
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
        TextIndexLoad built;
        try { // the row count too: a build that fails anywhere must close missedByBuild, or it grows forever
            built = new TextIndexLoad(jdbc);
            built.read(memory);
        } catch (RuntimeException e) {
            synchronized (lock) {
                missedByBuild = null;
            }
            log.warn("The catalogue's text search index could not be built; searches scan the table", e);
            return null;
        }
        synchronized (lock) {
            missedByBuild.forEach(changes -> TextIndexCommits.apply(built.signatures, built.keys, built.textBytes,
                    memory, changes));
            missedByBuild = null;
            keys = built.keys;
            keptTextBytes = built.textBytes;
            signatures = built.signatures;
        }
        Stats stats = new Stats(built.signatures.size(), (System.nanoTime() - started) / 1_000_000, bytes());
        log.info("Catalogue text search index: {} extensions in {} ms, ~{} KiB", stats.extensions(), stats.millis(),
                stats.bytes() / 1024);
        return stats;
    }

    /** The approximate heap the index takes, in bytes ({@link TextIndexMemory#bytes}). */
    public long bytes() {
        TrigramSignatures index = signatures;
        Map<Long, TextIndexKeys> known = keys;
        if (index == null || known == null) {
            return 0;
        }
        return TextIndexMemory.bytes(index, known);
    }

    /**
     * For the benchmark's hand-written comparison (issue #23): the candidates the index hands an admin's page
     * (text ∩ organization ∩ tenant, in the proxy's order, unchecked), or null as for {@link #sortedCandidates}.
     */
    public long[] candidates(String text, String organization, Long tenantId) {
        return sortedCandidates(text, organization, null, new Viewer("bench", true, Set.of()), tenantId);
    }

    /** The bytes of the search texts alone (as kept: one or two bytes a char), for the benchmark's report. */
    public long textBytes() {
        Map<Long, TextIndexKeys> known = keys;
        return known == null ? 0 : TextIndexMemory.textBytes(known);
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
        return TextIndexMatching.paddedIds(found, commits.uncommittedIds());
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
     * where an extension's tenants are not known ({@link TextIndexKeys#ANY_TENANT}) and visibility or the tenant
     * filter asks.
     */
    long[] sortedMatches(String text, String organization, PluginPhase phase, Viewer viewer, Long tenantId) {
        return sorted(text, organization, phase, viewer, tenantId, true);
    }

    private long[] sorted(String text, String organization, PluginPhase phase, Viewer viewer, Long tenantId,
                          boolean exact) {
        TrigramSignatures index = signatures;
        Map<Long, TextIndexKeys> known = keys;
        if (index == null || known == null || text == null || text.isBlank()) {
            return null;
        }
        Set<Long> uncommitted = commits.uncommittedIds();
        if (uncommitted != null && !uncommitted.isEmpty()) {
            return null;
        }
        return TextIndexMatching.sorted(index, known, text, organization, phase, viewer, tenantId, exact,
                maxCandidates);
    }

    private void committed(Map<Long, TextIndexCommits.Entry> changes) {
        synchronized (lock) {
            if (missedByBuild != null) {
                missedByBuild.add(changes);
            }
            TrigramSignatures index = signatures;
            if (index != null) {
                TextIndexCommits.apply(index, keys, keptTextBytes, memory, changes);
            }
        }
    }
}
