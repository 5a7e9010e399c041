package org.wasmconsole.extension;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalogue's text filter ({@link ExtensionFilter#text()}): a case-insensitive substring of the
 * search text (name, display name, url, summary, description, lower-cased), answered from an index
 * instead of a scan of every row.
 *
 * <ul>
 * <li><b>PostgreSQL</b>: the {@code LIKE} alone; migration V14 gives {@code search_text} a
 * {@code pg_trgm} GIN index, which PostgreSQL uses for {@code LIKE '%…%'} by itself. Without the
 * extension (the migration could not create it) the same {@code LIKE} scans, with the same results.</li>
 * <li><b>H2</b> has no such index: this class keeps a trigram table, {@code extension_search_gram},
 * one row per distinct trigram of each extension's search text ({@link SearchGrams}), written in the
 * same transaction as the extension (entity callbacks, {@link SearchIndexHook}), filled for existing
 * rows by migration V14. A query of 3 or more characters first narrows the candidates to the
 * extensions having its rarest trigrams (a primary-key range, then primary-key look-ups), then checks
 * the exact {@code LIKE} on those only. Queries of 1 or 2 characters have no trigram and use the
 * {@code LIKE} alone (they match most extensions, so the catalogue's first page comes quickly anyway).</li>
 * </ul>
 * Either way the {@code LIKE} decides, so the results are those of the plain filter
 * ({@code ExtensionSearchEquivalenceTest} compares both over generated data).
 */
@Component
public class ExtensionSearch {

    /** The trigrams that narrow a query: the rarest drives, the next ones are look-ups per candidate. */
    private static final int GRAMS_PER_QUERY = 4;
    /** Counting a trigram's extensions stops here: enough to tell rare from common. */
    private static final int FREQUENCY_CAP = 20_000;
    private static final int FREQUENCY_CACHE_SIZE = 50_000;
    private static final long FREQUENCY_CACHE_MILLIS = 10 * 60_000;

    private final JdbcTemplate jdbc;
    private final boolean trigramTable;
    private final Map<Long, Long> frequencies = new ConcurrentHashMap<>();
    private volatile long frequenciesSince = System.currentTimeMillis();

    ExtensionSearch(DataSource dataSource) throws SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        try (Connection c = dataSource.getConnection()) {
            this.trigramTable = usesTrigramTable(c);
        }
    }

    /** H2 keeps the trigram table; other databases index {@code search_text} themselves (pg_trgm). */
    static boolean usesTrigramTable(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
    }

    boolean usesTrigramTable() {
        return trigramTable;
    }

    /** The filter's text as a query part: the exact {@code LIKE}, narrowed first by the trigram table on H2. */
    Specification<WasmExtension> matching(String text) {
        String query = SearchGrams.normalizedQuery(text);
        String pattern = "%" + ExtensionQueries.escapeLike(query) + "%";
        Specification<WasmExtension> like = (root, q, cb) -> cb.like(root.get("searchText"), pattern, '\\');
        if (!trigramTable || query.length() < SearchGrams.MIN_QUERY) {
            return like;
        }
        List<Long> grams = rarest(SearchGrams.of(query));
        Specification<WasmExtension> candidates = (root, q, cb) -> {
            Subquery<Long> ids = q.subquery(Long.class);
            Root<SearchGram> first = ids.from(SearchGram.class);
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(first.get("gram"), grams.getFirst()));
            for (Long gram : grams.subList(1, grams.size())) {
                Subquery<Integer> has = ids.subquery(Integer.class);
                Root<SearchGram> other = has.from(SearchGram.class);
                has.select(cb.literal(1)).where(cb.equal(other.get("gram"), gram),
                        cb.equal(other.get("extensionId"), first.get("extensionId")));
                where.add(cb.exists(has));
            }
            ids.select(first.get("extensionId")).where(where.toArray(Predicate[]::new));
            return root.get("id").in(ids);
        };
        return candidates.and(like);
    }

    /** The query's rarest trigrams, rarest first (by cached, capped counts: only the order matters). */
    private List<Long> rarest(Set<Long> grams) {
        long now = System.currentTimeMillis();
        if (now - frequenciesSince > FREQUENCY_CACHE_MILLIS || frequencies.size() > FREQUENCY_CACHE_SIZE) {
            frequencies.clear();
            frequenciesSince = now;
        }
        return grams.stream().sorted(Comparator.comparingLong(this::frequency).thenComparing(g -> g))
                .limit(GRAMS_PER_QUERY).toList();
    }

    private long frequency(long gram) {
        return frequencies.computeIfAbsent(gram, g -> jdbc.queryForObject("select count(*) from (select 1 from"
                + " extension_search_gram where gram = ? fetch first " + FREQUENCY_CAP + " rows only) t",
                Long.class, g));
    }

    /** Keeps the trigram table in step with one extension's search text ({@code before} null: new). */
    void indexed(long extensionId, String before, String after) {
        if (!trigramTable) {
            return;
        }
        Set<Long> old = SearchGrams.of(before);
        Set<Long> now = SearchGrams.of(after);
        List<Object[]> removed = old.stream().filter(g -> !now.contains(g))
                .map(g -> new Object[] {g, extensionId}).toList();
        List<Object[]> added = now.stream().filter(g -> !old.contains(g))
                .map(g -> new Object[] {g, extensionId}).toList();
        if (!removed.isEmpty()) {
            jdbc.batchUpdate("delete from extension_search_gram where gram = ? and extension_id = ?", removed);
        }
        if (!added.isEmpty()) {
            jdbc.batchUpdate("insert into extension_search_gram (gram, extension_id) values (?, ?)", added);
        }
    }
}
