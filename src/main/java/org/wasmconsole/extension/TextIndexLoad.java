package org.wasmconsole.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One build of the {@link ExtensionTextIndex}: fresh signatures, keys and the heap of the kept texts, read from the
 * table ({@link #read}); the index replaces its own with them once the commits made meanwhile are applied.
 */
final class TextIndexLoad {

    final TrigramSignatures signatures;
    final Map<Long, TextIndexKeys> keys;
    /** The heap of the texts kept in {@link #keys} (as {@link TextIndexMemory#withinBudget} counts it). */
    final long[] textBytes = {0};
    private final JdbcTemplate jdbc;

    /** Sized for the table's rows (counted here). */
    TextIndexLoad(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Integer rows = jdbc.queryForObject("select count(*) from wasm_extension", Integer.class);
        // Room for a few more before the arrays grow (then by half: ~12 MB at 100,000).
        signatures = new TrigramSignatures(rows + rows / 16 + 1024);
        keys = new ConcurrentHashMap<>(rows + rows / 16 + 1024);
    }

    /** Reads every extension's search text and keys, its text kept within the {@code memory}'s budget. */
    void read(TextIndexMemory memory) {
        Map<Long, List<Long>> tenantsOf = new HashMap<>();
        jdbc.query("select extension_id, tenant_id from extension_allowed_tenant",
                rs -> {
                    tenantsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getLong(2));
                });
        Map<String, String> organizations = new HashMap<>();
        jdbc.query(c -> {
            var s = c.prepareStatement("select id, search_text, organization_name, phase, priority, name,"
                    + " all_tenants from wasm_extension");
            s.setFetchSize(1000);
            return s;
        }, rs -> {
            long id = rs.getLong(1);
            String text = rs.getString(2);
            signatures.put(id, text);
            String kept = memory.withinBudget(textBytes, 0, text);
            String organization = organizations.computeIfAbsent(rs.getString(3), o -> o);
            List<Long> tenantIds = tenantsOf.getOrDefault(id, List.of());
            keys.put(id, new TextIndexKeys(organization, rs.getString(4).intern(), rs.getInt(5), rs.getString(6),
                    rs.getBoolean(7), tenantIds.isEmpty() ? TextIndexKeys.NO_TENANTS
                    : tenantIds.stream().mapToLong(Long::longValue).toArray(), kept));
        });
    }
}
