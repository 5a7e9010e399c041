package org.wasmconsole.bench;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleApplication;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.ExtensionDocuments;
import org.wasmconsole.resource.ExtensionExport;
import org.wasmconsole.resource.ExtensionYaml;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.SystemAuthentication;
import org.wasmconsole.security.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.node.ObjectNode;

/**
 * One database (H2 file or PostgreSQL), in its own JVM: starts the console's Spring context on it
 * (no sample data), fills it to each size in turn with {@link DataGenerator} and measures items 1-3
 * of docs/benchmarks.md at that size. Started by {@link Bench}; properties:
 * {@code bench.db} (h2|postgres), {@code bench.url}, {@code bench.user}, {@code bench.password},
 * {@code bench.sizes}, {@code bench.results} (the shared results file), {@code bench.items}.
 */
public final class DbBench {

    static final String ADMIN_PASSWORD = "bench-admin-password";
    static final String OPERATOR = "bench-operator";
    /** The grid's default order: GridSortOrders phase asc, priority desc, name asc, as the catalogue sets them. */
    static final Sort GRID_ORDER = Sort.by(Sort.Order.asc("phase"), Sort.Order.desc("priority"),
            Sort.Order.asc("name"));
    static final int PAGE = 50;
    static final int FILTER_TENANT = 3;
    static final int[] OPERATOR_TENANTS = {3, 7};

    private final String db;
    private final String url;
    private final Path results;
    private final Set<String> items;
    private ConfigurableApplicationContext context;
    private ExtensionService service;
    private DataSource dataSource;
    private Authentication admin;
    private Authentication operator;

    private DbBench(String db, String url, Path results, Set<String> items) {
        this.db = db;
        this.url = url;
        this.results = results;
        this.items = items;
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db", "h2");
        String url = System.getProperty("bench.url");
        String user = System.getProperty("bench.user", "sa");
        String password = System.getProperty("bench.password", "");
        List<Integer> sizes = Bench.sizes();
        Path results = Path.of(System.getProperty("bench.results", "target/bench/results.tsv"));
        Set<String> items = Bench.items();
        DbBench bench = new DbBench(db, url, results, items);
        try {
            bench.run(user, password, sizes);
        } finally {
            if (bench.context != null) {
                bench.context.close();
            }
        }
        System.exit(0);
    }

    private void run(String user, String password, List<Integer> sizes) throws Exception {
        if (db.equals("postgres")) {
            wipePostgres(user, password);
        }
        long t0 = System.nanoTime();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", url);
        props.put("spring.datasource.username", user);
        props.put("spring.datasource.password", password);
        props.put("console.sample-data.enabled", "false");
        props.put("console.admin.password", ADMIN_PASSWORD);
        props.put("server.port", "0");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("vaadin.devmode.devTools.enabled", "false");
        // A 10,000-document stream of these extensions is ~15 MB: over the 5 MB default import limit.
        props.put("console.import.max-bytes", "64MB");
        // As command-line arguments: they take precedence over application.properties.
        List<String> argList = new ArrayList<>(props.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        // Experiments: extra application arguments, e.g. -Dbench.app.args=--spring.jpa.properties.x=y
        String extra = System.getProperty("bench.app.args", "").strip();
        if (!extra.isEmpty()) {
            argList.addAll(List.of(extra.split("\\s+")));
            System.out.println("[bench] " + db + ": extra application arguments " + extra);
        }
        String[] args = argList.toArray(String[]::new);
        context = new SpringApplicationBuilder(ConsoleApplication.class).run(args);
        System.out.printf("[bench] %s: Spring context started in %.1f s%n", db, (System.nanoTime() - t0) / 1e9);
        service = context.getBean(ExtensionService.class);
        dataSource = context.getBean(DataSource.class);
        setUpTenantsAndUsers();
        try (Connection c = dataSource.getConnection()) {
            var md = c.getMetaData();
            Results.append(results, new Results("0 environment", db, 0, md.getDatabaseProductName() + " "
                    + md.getDatabaseProductVersion(), "", "", "JDBC driver " + md.getDriverVersion()));
        }
        int filled = 0;
        for (int size : sizes) {
            long g0 = System.nanoTime();
            try (Connection c = generatorConnection(user, password)) {
                DataGenerator.fill(c, filled, size);
            }
            double seconds = (System.nanoTime() - g0) / 1e9;
            System.out.printf("[bench] %s: generated extensions %d..%d in %.1f s%n", db, filled, size - 1, seconds);
            Results.append(results, new Results("0 data generation (batch JDBC)", db, size,
                    String.format("%.1f s for %,d rows", seconds, size - filled), "", "", ""));
            if (filled == 0) {
                verify(size);
            }
            filled = size;
            verifyCount(size);
            if (items.contains("grid")) {
                grid(size);
            }
            if (items.contains("export")) {
                export(size);
            }
        }
        if (items.contains("apply")) {
            ApplyBench.run(context, db, filled, results, admin);
        }
    }

    /** The benchmark owns the database it is given: refuses a database whose name lacks "bench". */
    private void wipePostgres(String user, String password) throws SQLException {
        String database = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
        if (!database.toLowerCase(Locale.ROOT).contains("bench")) {
            throw new IllegalArgumentException("bench.postgres.url must name a throw-away database whose name"
                    + " contains 'bench' (its schema is dropped): " + database);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }

    /** A separate connection for bulk inserts (PostgreSQL: batched inserts rewritten into multi-row ones). */
    private Connection generatorConnection(String user, String password) throws SQLException {
        if (db.equals("postgres")) {
            return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                    user, password);
        }
        return dataSource.getConnection();
    }

    private void setUpTenantsAndUsers() {
        TenantService tenants = context.getBean(TenantService.class);
        UserService users = context.getBean(UserService.class);
        SystemAuthentication.runAsSystem(() -> {
            Map<String, Long> ids = new HashMap<>();
            for (int t = 1; t <= DataGenerator.TENANTS; t++) {
                TenantInfo info = tenants.create(DataGenerator.ORGANIZATION, DataGenerator.tenantName(t),
                        "Team " + t);
                ids.put(info.name(), info.id());
            }
            Set<Long> operatorTenants = java.util.Arrays.stream(OPERATOR_TENANTS)
                    .mapToObj(t -> ids.get(DataGenerator.tenantName(t))).collect(Collectors.toSet());
            users.create(OPERATOR, ADMIN_PASSWORD, Role.TENANT_OPERATOR, operatorTenants);
        });
        UserDetailsService details = context.getBean(UserDetailsService.class);
        admin = authentication(details.loadUserByUsername("admin"));
        operator = authentication(details.loadUserByUsername(OPERATOR));
    }

    private static Authentication authentication(UserDetails user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    static <T> T as(Authentication auth, Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        SecurityContextHolder.setContext(ctx);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Once: the service reads generated rows back exactly as generated, and finds them valid. */
    private void verify(int size) {
        Random r = new Random(1);
        List<Integer> sample = new ArrayList<>(List.of(0, 1, 3, size - 1));
        for (int k = 0; k < 20; k++) {
            sample.add(r.nextInt(size));
        }
        as(admin, () -> {
            for (int i : sample) {
                ExtensionDefinition expected = DataGenerator.definition(i, null);
                StoredExtension stored = service.get(DataGenerator.ORGANIZATION, expected.name());
                if (!stored.definition().equals(expected)) {
                    throw new IllegalStateException("generated row " + i + " reads back differently:\n  "
                            + expected + "\n  " + stored.definition());
                }
                if (!service.check(expected).isEmpty()) {
                    throw new IllegalStateException("generated extension " + i + " is invalid: "
                            + service.check(expected));
                }
                String doc = ExtensionYaml.write(stored);
                if (!new ExtensionYaml().read(doc).getFirst().definition().equals(expected)) {
                    throw new IllegalStateException("generated extension " + i + " does not round-trip as YAML");
                }
            }
            return null;
        });
        System.out.printf("[bench] %s: %d generated extensions read back through the service as generated%n", db,
                sample.size());
    }

    private void verifyCount(int size) {
        long count = as(admin, () -> service.count(ExtensionFilter.all(DataGenerator.ORGANIZATION)));
        if (count != size) {
            throw new IllegalStateException("the service counts " + count + " extensions, expected " + size);
        }
    }

    // ---------------------------------------------------------------- item 1: one grid page

    record Row(String name, List<String> tenants) {
    }

    private static ExtensionFilter gridFilter() {
        return new ExtensionFilter(DataGenerator.ORGANIZATION, DataGenerator.FILTER_TEXT, null, null,
                DataGenerator.tenantFqn(FILTER_TENANT));
    }

    private List<Row> servicePage(Authentication who) {
        return as(who, () -> service.list(gridFilter(), PageRequest.of(0, PAGE, GRID_ORDER)).stream()
                .map(s -> new Row(s.name(), s.allowedTenants())).toList());
    }

    private long serviceCount(Authentication who) {
        return as(who, () -> service.count(gridFilter()));
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
                    + " order by e.phase, e.priority desc, e.name offset 0 rows fetch next " + PAGE + " rows only";
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
                        + " where a.extension_id in (" + in + ") order by a.extension_id, a.position")) {
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
        ps.setString(p++, DataGenerator.tenantName(FILTER_TENANT));
        ps.setString(p++, "%" + DataGenerator.FILTER_TEXT + "%");
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

    private void grid(int size) {
        List<Long> opTenants = operatorTenantIds();
        // Not timed: both ways give the same rows (names, order and allowed tenants) and counts.
        List<Row> viaService = servicePage(admin);
        List<Row> viaJdbc = jdbcPage(null);
        check("admin page", viaService, viaJdbc);
        check("operator page", servicePage(operator), jdbcPage(opTenants));
        check("admin count", serviceCount(admin), jdbcCount(null));
        check("operator count", serviceCount(operator), jdbcCount(opTenants));
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
        String filter = String.format("text \"%s\" + tenant team-%02d, %,d match; median of %d", DataGenerator.FILTER_TEXT,
                FILTER_TENANT, matches, samples);
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

    private static void check(String what, Object service, Object jdbc) {
        if (!service.equals(jdbc)) {
            throw new IllegalStateException(what + ": the service and JDBC disagree:\n  service: " + service
                    + "\n  jdbc:    " + jdbc);
        }
    }

    // ---------------------------------------------------------------- item 2: export

    /** Counts what is written and throws it away. */
    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private long exportViaService() {
        ExtensionExport export = context.getBean(ExtensionExport.class);
        CountingStream out = new CountingStream();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        as(admin, () -> {
            export.write(ExtensionFilter.all(DataGenerator.ORGANIZATION), writer);
            return null;
        });
        return out.bytes;
    }

    private static long exportFromMemory(List<ObjectNode> documents) {
        CountingStream out = new CountingStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode doc : documents) {
                writer.write(ExtensionYaml.toYaml(doc));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.bytes;
    }

    private void export(int size) throws SQLException {
        int runs = Integer.getInteger("bench.export.runs", size >= 100_000 ? 1 : size >= 10_000 ? 3 : 5);
        // The baseline's input, built untimed and without the service: every document as a Jackson
        // tree in memory, from the generator's definitions and the stored etags.
        Map<String, String> etags = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, etag from wasm_extension")) {
            while (rs.next()) {
                etags.put(rs.getString(1), rs.getString(2));
            }
        }
        List<ObjectNode> documents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ExtensionDefinition d = DataGenerator.definition(i, null);
            documents.add(ExtensionDocuments.write(d, etags.get(d.name())));
        }
        etags.clear();
        long expected = exportFromMemory(documents);
        List<Double> viaService = new ArrayList<>();
        List<Double> fromMemory = new ArrayList<>();
        List<HeapWatch.Reading> heap = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            exportFromMemory(documents);
            fromMemory.add(Stats.ms(System.nanoTime() - t0));
            HeapWatch watch = HeapWatch.start();
            t0 = System.nanoTime();
            long got = exportViaService();
            viaService.add(Stats.ms(System.nanoTime() - t0));
            heap.add(watch.stop());
            // Same documents both ways (in another order: the byte count is what must agree).
            check("export size in bytes", got, expected);
            System.out.printf("[bench] %s/%d: export run %d: service %s, from memory %s%n", db, size, r + 1,
                    Stats.fmtMs(viaService.getLast()), Stats.fmtMs(fromMemory.getLast()));
        }
        double service = Stats.median(viaService);
        double memory = Stats.median(fromMemory);
        long live = heap.stream().mapToLong(HeapWatch.Reading::liveGrowth).max().orElse(-1);
        long peak = heap.stream().mapToLong(HeapWatch.Reading::peakGrowth).max().orElse(-1);
        int gcs = heap.stream().mapToInt(HeapWatch.Reading::collections).min().orElse(0);
        Results.append(results, new Results("2 YAML export of all (forEach + writer)", db, size,
                Stats.fmtMs(service), "Jackson from memory " + Stats.fmtMs(memory), Results.ratio(service, memory),
                String.format("%.1f MB out; heap growth: live %s (max after-GC, >= %d GCs/run), peak incl."
                        + " garbage %s; median of %d", expected / 1e6, live < 0 || gcs == 0 ? "n/a (no GC during run)"
                        : Stats.mib(live), gcs, Stats.mib(peak), runs)));
        documents.clear();
    }
}
