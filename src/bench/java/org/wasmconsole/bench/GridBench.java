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

    GridBench(String db, ExtensionService service, DataSource dataSource, Path results, Authentication admin,
              Authentication operator) {
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

        Map<String, Runnable> variants = new LinkedHashMap<>();
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
    }
}
