package org.wasmconsole.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionTextIndex;

/**
 * Item 1 of docs/benchmarks.md: the catalogue's first page with a text and a tenant filter, and its
 * count, through the service as an admin and an operator, against hand-written JDBC returning the
 * same rows (checked, untimed, before timing).
 */
final class GridBench {

    private final String db;
    private final ExtensionService service;
    private final DataSource dataSource;
    private final Path results;
    private final Authentication admin;
    private final Authentication operator;
    private final ExtensionTextIndex textIndex;

    GridBench(String db, ExtensionService service, DataSource dataSource, Path results, Authentication admin,
              Authentication operator, ExtensionTextIndex textIndex) {
        this.textIndex = textIndex;
        this.db = db;
        this.service = service;
        this.dataSource = dataSource;
        this.results = results;
        this.admin = admin;
        this.operator = operator;
    }

    /** The text filter: "rate limit" (in 10 % of descriptions) unless -Dbench.grid.text names another. */
    static final String TEXT = System.getProperty("bench.grid.text", DataGenerator.FILTER_TEXT);

    record Row(String name, List<String> tenants) {
    }

    private static ExtensionFilter gridFilter() {
        return new ExtensionFilter(DataGenerator.ORGANIZATION, TEXT, null, null,
                DataGenerator.tenantFqn(DbBench.FILTER_TENANT));
    }

    private List<Row> servicePage(Authentication who) {
        return DbBench.as(who, () -> service.list(gridFilter(), PageRequest.of(0, DbBench.PAGE, DbBench.GRID_ORDER)).stream()
                .map(s -> new Row(s.name(), s.allowedTenants())).toList());
    }

    private long serviceCount(Authentication who) {
        return DbBench.as(who, () -> service.count(gridFilter()));
    }

    private static final String WHERE = " from wasm_extension e"
            + " where e.organization_name = ?"
            + " and (e.all_tenants or exists (select 1 from extension_allowed_tenant a"
            + "   where a.extension_id = e.id and a.tenant_id = (select t.id from tenant t"
            + "   where t.organization_name = ? and t.name = ?)))"
            + " and e.search_text like ? escape '\\'";
    private static final String OPERATOR_SCOPE = " and (e.all_tenants or exists (select 1 from"
            + " extension_allowed_tenant v where v.extension_id = e.id and v.tenant_id in (%s)))";

    /** The hand-written equivalent of service.list: the page, then the allowed tenants of its rows. */
    private List<Row> jdbcPage(List<Long> viewerTenants) {
        try (Connection c = dataSource.getConnection()) {
            String sql = "select e.id, e.name, e.display_name, e.phase, e.priority, e.image_pull_policy,"
                    + " e.effective_pull_policy, e.url, e.updated_at, e.updated_by" + WHERE + scope(viewerTenants)
                    + " order by e.phase, e.priority desc, e.name offset 0 rows fetch next " + DbBench.PAGE + " rows only";
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, viewerTenants);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        names.add(rs.getString(2));
                        // read every column the grid shows, as the service's mapping does
                        rs.getString(3);
                        rs.getString(4);
                        rs.getInt(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        rs.getObject(9, java.time.OffsetDateTime.class);
                        rs.getString(10);
                    }
                }
            }
            Map<Long, List<String>> tenants = new HashMap<>();
            if (!ids.isEmpty()) {
                String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
                try (PreparedStatement ps = c.prepareStatement("select a.extension_id, t.name"
                        + " from extension_allowed_tenant a join tenant t on t.id = a.tenant_id"
                        + " where a.extension_id in (" + in + ")"
                        // An operator sees only their own tenants in allowedIn (the service hides the others).
                        + (viewerTenants == null ? "" : " and a.tenant_id in (" + viewerTenants.stream()
                                .map(String::valueOf).collect(Collectors.joining(",")) + ")")
                        + " order by a.extension_id, a.position")) {
                    for (int k = 0; k < ids.size(); k++) {
                        ps.setLong(k + 1, ids.get(k));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tenants.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
            }
            List<Row> rows = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                rows.add(new Row(names.get(k), tenants.getOrDefault(ids.get(k), List.of())));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long jdbcCount(List<Long> viewerTenants) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*)" + WHERE + scope(viewerTenants))) {
            bind(ps, viewerTenants);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The best hand-written query using the same index (H2, issue #23): the candidates the in-memory index hands
     * the service (text ∩ organization ∩ the filter's tenant, in the proxy's order), checked by one JDBC query with
     * the exact {@code LIKE} (and sorted, paged) in the database. Null where there is no index (PostgreSQL).
     */
    private List<Row> jdbcIndexPage(long tenantId) {
        long[] candidates = textIndex.candidates(TEXT, DataGenerator.ORGANIZATION, tenantId);
        if (candidates == null) {
            return null;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select e.id, e.name, e.display_name, e.phase, e.priority,"
                     + " e.image_pull_policy, e.effective_pull_policy, e.url, e.updated_at, e.updated_by"
                     + " from wasm_extension e where e.id in (" + inList(candidates) + ")"
                     + " and e.search_text like ? escape '\\' order by e.phase, e.priority desc, e.name"
                     + " offset 0 rows fetch next " + DbBench.PAGE + " rows only")) {
            ps.setString(1, "%" + TEXT + "%");
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    names.add(rs.getString(2));
                    for (int k = 3; k <= 10; k++) {
                        rs.getObject(k);
                    }
                }
            }
            Map<Long, List<String>> tenants = new HashMap<>();
            try (PreparedStatement t = c.prepareStatement(ids.isEmpty() ? "select 1, 'x' where false"
                    : "select a.extension_id, t.name"
                    + " from extension_allowed_tenant a join tenant t on t.id = a.tenant_id"
                    + " where a.extension_id in (" + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ") order by a.extension_id, a.position")) {
                try (ResultSet rs = t.executeQuery()) {
                    while (rs.next()) {
                        tenants.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<Row> rows = new ArrayList<>(ids.size());
            for (int k = 0; k < ids.size(); k++) {
                rows.add(new Row(names.get(k), tenants.getOrDefault(ids.get(k), List.of())));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The count the same way: the index's candidates, one {@code count(*)} with the exact {@code LIKE}. */
    private long jdbcIndexCount(long tenantId) {
        long[] candidates = textIndex.candidates(TEXT, DataGenerator.ORGANIZATION, tenantId);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from wasm_extension e where e.id in ("
                     + inList(candidates) + ") and e.search_text like ? escape '\\'")) {
            ps.setString(1, "%" + TEXT + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What keeping the search texts in memory costs, in the forms considered (issue #23): as Strings (what the index
     * keeps), and each deflated on its own, with the time to check the filter's candidates in each form.
     */
    private void textForms(long tenantId, int size) {
        Map<Long, byte[]> deflated = new HashMap<>();
        Map<Long, String> plain = new HashMap<>();
        long[] chars = new long[2];
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(6);
        byte[] buffer = new byte[1 << 20];
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, search_text from wasm_extension")) {
            while (rs.next()) {
                String text = rs.getString(2);
                plain.put(rs.getLong(1), text);
                chars[0] += text.length();
                deflater.reset();
                deflater.setInput(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                deflater.finish();
                int n = deflater.deflate(buffer);
                deflated.put(rs.getLong(1), java.util.Arrays.copyOf(buffer, n));
                chars[1] += n;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long[] candidates = textIndex.candidates(TEXT, DataGenerator.ORGANIZATION, tenantId);
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("string", () -> {
            int found = 0;
            for (long id : candidates) {
                found += plain.get(id).contains(TEXT) ? 1 : 0;
            }
            if (found < 0) {
                throw new IllegalStateException();
            }
        });
        checks.put("deflated", () -> {
            int found = 0;
            for (long id : candidates) {
                try {
                    inflater.reset();
                    inflater.setInput(deflated.get(id));
                    int n = inflater.inflate(buffer);
                    found += new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8).contains(TEXT) ? 1 : 0;
                } catch (java.util.zip.DataFormatException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (found < 0) {
                throw new IllegalStateException();
            }
        });
        Map<String, Double> median = Timing.interleaved(checks, 5, 15);
        String note = String.format("%,d texts, %.1f MiB of chars (avg %d); each deflated: %.1f MiB (%.0f %%);"
                + " checking the %,d candidates: as Strings %s, deflated %s", plain.size(), chars[0] / 1048576.0,
                chars[0] / Math.max(1, plain.size()), chars[1] / 1048576.0, 100.0 * chars[1] / chars[0],
                candidates.length, Stats.fmtMs(median.get("string")), Stats.fmtMs(median.get("deflated")));
        System.out.println("[bench] " + db + "/" + size + ": search texts in memory: " + note);
        Results.append(results, new Results("1 search texts in memory (forms)", db, size,
                Stats.fmtMs(median.get("string")), "deflated " + Stats.fmtMs(median.get("deflated")),
                Results.ratio(median.get("string"), median.get("deflated")), note));
    }

    private static String inList(long[] ids) {
        return ids.length == 0 ? "null" : java.util.Arrays.stream(ids).mapToObj(String::valueOf)
                .collect(Collectors.joining(","));
    }

    private long filterTenantId() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from tenant where organization_name = ? and name = ?")) {
            ps.setString(1, DataGenerator.ORGANIZATION);
            ps.setString(2, DataGenerator.tenantName(DbBench.FILTER_TENANT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String scope(List<Long> viewerTenants) {
        return viewerTenants == null ? "" : String.format(OPERATOR_SCOPE,
                viewerTenants.stream().map(x -> "?").collect(Collectors.joining(",")));
    }

    private static void bind(PreparedStatement ps, List<Long> viewerTenants) throws SQLException {
        int p = 1;
        ps.setString(p++, DataGenerator.ORGANIZATION);
        ps.setString(p++, DataGenerator.ORGANIZATION);
        ps.setString(p++, DataGenerator.tenantName(DbBench.FILTER_TENANT));
        ps.setString(p++, "%" + TEXT + "%");
        if (viewerTenants != null) {
            for (Long t : viewerTenants) {
                ps.setLong(p++, t);
            }
        }
    }

    private List<Long> operatorTenantIds() {
        return ((org.wasmconsole.security.ConsolePrincipal) operator.getPrincipal()).getTenantIds().stream()
                .sorted().toList();
    }

    void run(int size) {
        List<Long> opTenants = operatorTenantIds();
        // Not timed: both ways give the same rows (names, order and allowed tenants) and counts.
        List<Row> viaService = servicePage(admin);
        List<Row> viaJdbc = jdbcPage(null);
        DbBench.check("admin page", viaService, viaJdbc);
        DbBench.check("operator page", servicePage(operator), jdbcPage(opTenants));
        DbBench.check("admin count", serviceCount(admin), jdbcCount(null));
        DbBench.check("operator count", serviceCount(operator), jdbcCount(opTenants));
        long matches = jdbcCount(null);
        System.out.printf("[bench] %s/%d: grid filter matches %d extensions, page has %d rows, first %s%n", db, size,
                matches, viaJdbc.size(), viaJdbc.isEmpty() ? "-" : viaJdbc.getFirst().name());

        long tenantId = filterTenantId();
        boolean indexed = jdbcIndexPage(tenantId) != null;
        if (indexed) {
            DbBench.check("admin page, hand-written over the index", viaService, jdbcIndexPage(tenantId));
            DbBench.check("admin count, hand-written over the index", serviceCount(admin), jdbcIndexCount(tenantId));
        }
        Map<String, Runnable> variants = new LinkedHashMap<>();
        if (indexed) {
            variants.put("jdbc-index", () -> jdbcIndexPage(tenantId));
            variants.put("jdbc-index-count", () -> jdbcIndexCount(tenantId));
        }
        variants.put("jdbc", () -> jdbcPage(null));
        variants.put("admin", () -> servicePage(admin));
        variants.put("jdbc-op", () -> jdbcPage(opTenants));
        variants.put("operator", () -> servicePage(operator));
        variants.put("jdbc-count", () -> jdbcCount(null));
        variants.put("count", () -> serviceCount(admin));
        // Fewer rounds at 100k, where one round of the six variants takes seconds on H2.
        int warmup = Integer.getInteger("bench.grid.warmup", size >= 100_000 ? 5 : 30);
        int samples = Integer.getInteger("bench.grid.samples", size >= 100_000 ? 15 : 40);
        Map<String, Double> median = Timing.interleaved(variants, warmup, samples);
        String filter = String.format("text \"%s\" + tenant team-%02d, %,d match; median of %d", TEXT,
                DbBench.FILTER_TENANT, matches, samples);
        Results.append(results, new Results("1 grid page, admin (service.list)", db, size,
                Stats.fmtMs(median.get("admin")), "JDBC " + Stats.fmtMs(median.get("jdbc")),
                Results.ratio(median.get("admin"), median.get("jdbc")), filter));
        Results.append(results, new Results("1 grid page, operator of 2 tenants", db, size,
                Stats.fmtMs(median.get("operator")), "JDBC " + Stats.fmtMs(median.get("jdbc-op")),
                Results.ratio(median.get("operator"), median.get("jdbc-op")), ""));
        Results.append(results, new Results("1 grid count (service.count, admin)", db, size,
                Stats.fmtMs(median.get("count")), "JDBC " + Stats.fmtMs(median.get("jdbc-count")),
                Results.ratio(median.get("count"), median.get("jdbc-count")),
                "the catalogue runs it for the grid size and the header"));
        if (indexed) {
            textForms(tenantId, size);
            Results.append(results, new Results("1 grid page, admin, vs hand-written over the same index", db, size,
                    Stats.fmtMs(median.get("admin")), "JDBC over the index " + Stats.fmtMs(median.get("jdbc-index")),
                    Results.ratio(median.get("admin"), median.get("jdbc-index")), "the index's candidates"
                    + " (text, organization, tenant; sorted) checked, sorted and paged by one JDBC query"));
            Results.append(results, new Results("1 grid count, admin, vs hand-written over the same index", db, size,
                    Stats.fmtMs(median.get("count")), "JDBC over the index "
                    + Stats.fmtMs(median.get("jdbc-index-count")),
                    Results.ratio(median.get("count"), median.get("jdbc-index-count")),
                    "the same candidates, one count(*) with the exact LIKE"));
        }
    }
}
