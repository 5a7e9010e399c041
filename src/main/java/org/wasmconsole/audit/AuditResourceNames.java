package org.wasmconsole.audit;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The distinct resource names of the audit trail, in memory, for the History view's resource text filter (issue
 * #23: reading them from the database, a {@code select distinct} over 1,000,000 index entries, took ~1 s for each
 * page and again for its count).
 * <p>
 * A <em>superset</em> of the names of the committed records: loaded once when the application is ready (in the
 * background; until then the filter reads the names from the database as before), and every record written
 * through {@link AuditRecordRepository#save} adds its name there, before its transaction commits. A name whose
 * record was rolled back (or purged) stays; that is harmless, since the records are then read by name, and a name
 * no record has selects nothing. Names are never removed, so no committed record's name can be missing. Writes
 * that bypass {@code save} (SQL by hand, the benchmark's batch inserts) are not seen: {@link #reload()}.
 * <p>
 * Memory: one entry per distinct name, ~100 bytes (572 names in the benchmark's 1,000,000 records, ~60 KB; a
 * catalogue of 100,000 extensions, each changed once, ~100,000 names, ~10 MB).
 */
@Component
@RequiredArgsConstructor
public class AuditResourceNames {

    private static final Logger log = LoggerFactory.getLogger(AuditResourceNames.class);

    private final JdbcTemplate jdbc;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    /** False until the first load has ended: then the filter reads the names from the database. */
    private volatile boolean loaded;

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        Thread.ofPlatform().daemon().name("audit-resource-names").start(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                log.warn("The audit trail's resource names could not be read; the History filter reads them"
                        + " from the database", e);
            }
        });
    }

    /** Adds every name in the table (never removes one: see the class). Returns how many names it holds. */
    public synchronized int reload() {
        jdbc.query("select distinct resource_name from audit_record where resource_name is not null",
                rs -> {
                    names.add(rs.getString(1));
                });
        loaded = true;
        return names.size();
    }

    /** A record with this name is being written (called before its transaction commits). */
    void recorded(String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /**
     * The names that {@code lower(name) LIKE '%text%'} (the pattern given) matches, at most {@code limit} + 1 of
     * them, or null while not loaded. Names of plain ASCII are matched here (lower-casing them is the same in
     * Java and in the database); any other name (and one with an "I", which a Turkish collation lower-cases to a
     * dotless i) is matched by the database's own {@code lower} and {@code LIKE}, in one query over those names.
     *
     * @param text    the filter's text, lower-cased as the pattern is
     * @param pattern the same as the {@code LIKE} pattern (escaped, with its {@code %}s)
     */
    List<String> matching(String text, String pattern, int limit) {
        if (!loaded) {
            return null;
        }
        List<String> found = new ArrayList<>();
        List<String> ask = new ArrayList<>();
        for (String name : names) {
            if (!plain(name)) {
                ask.add(name);
            } else if (name.toLowerCase(Locale.ROOT).contains(text)) {
                found.add(name);
                if (found.size() > limit) {
                    return found;
                }
            }
        }
        if (!ask.isEmpty()) {
            found.addAll(jdbc.execute((java.sql.Connection c) -> {
                Array array = c.createArrayOf("varchar", ask.toArray());
                try (PreparedStatement s = c.prepareStatement(
                        "select t.n from unnest(?) as t(n) where lower(t.n) like ? escape '\\'")) {
                    s.setArray(1, array);
                    s.setString(2, pattern);
                    List<String> matched = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            matched.add(rs.getString(1));
                        }
                    }
                    return matched;
                } finally {
                    array.free();
                }
            }));
        }
        return found;
    }

    private static boolean plain(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || c == 'I') {
                return false;
            }
        }
        return true;
    }
}
