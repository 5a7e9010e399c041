package org.wasmconsole.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.wasmconsole.extension.ExtensionTextIndex;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.SystemAuthentication;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

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
        String[] args = appArgs(db, url, user, password);
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
            indexText(size);
            if (filled == 0) {
                verify(size);
            }
            filled = size;
            verifyCount(size);
            if (items.contains("grid")) {
                new GridBench(db, service, dataSource, results, admin, operator,
                        context.getBean(ExtensionTextIndex.class)).run(size);
            }
            if (items.contains("export")) {
                new ExportBench(db, context, dataSource, results, admin, new String[] {url, user, password}).run(size);
            }
        }
        if (items.contains("scale")) {
            new ScaleBench(db, context, results, admin).run(dataSource, filled);
        }
        if (items.contains("apply")) {
            ApplyBench.run(context, db, filled, results, admin);
        }
    }


    /**
     * The generator wrote with JDBC, past the entities' callbacks that keep H2's text index current: it is
     * rebuilt, as at start (issue #23), and its build time and size are a row (PostgreSQL: none, it has pg_trgm).
     */
    private void indexText(int size) {
        ExtensionTextIndex.Stats stats = context.getBean(ExtensionTextIndex.class).rebuild();
        if (stats != null) {
            long texts = context.getBean(ExtensionTextIndex.class).textBytes();
            System.out.printf("[bench] %s: text index of %d extensions built in %d ms, ~%d KiB (texts %d KiB)%n", db,
                    stats.extensions(), stats.millis(), stats.bytes() / 1024, texts / 1024);
            Results.append(results, new Results("1 text search index build (H2, in memory)", db, size,
                    String.format("%,d ms", stats.millis()), "", "", String.format("~%.1f MiB of heap for %,d"
                    + " extensions: signatures, sort and visibility keys, and the search texts (%.1f MiB of it)",
                    stats.bytes() / 1048576.0, stats.extensions(), texts / 1048576.0)));
        }
    }

    /** The console's Spring arguments for a benchmark JVM on this database (no sample data, no web port). */
    static String[] appArgs(String db, String url, String user, String password) {
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
        return argList.toArray(String[]::new);
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

    static void check(String what, Object service, Object jdbc) {
        if (!service.equals(jdbc)) {
            throw new IllegalStateException(what + ": the service and JDBC disagree:\n  service: " + service
                    + "\n  jdbc:    " + jdbc);
        }
    }
}
