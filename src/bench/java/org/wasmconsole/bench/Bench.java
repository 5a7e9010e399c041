package org.wasmconsole.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark run of docs/benchmarks.md: {@code ./mvnw -B -Pbench verify}. Runs each database in
 * its own JVM ({@link DbBench}: grid page, export, apply), then the production jar
 * ({@link StartupBench}: start-up and RSS; {@link SessionBench}: heap per UI session), and prints
 * one table (also written to {@code target/bench/results.md}).
 *
 * <p>Properties: {@code bench.sizes} (1000,10000,100000), {@code bench.items}
 * (grid,export,apply,scale,sessions,startup), {@code bench.postgres.url} (PostgreSQL skipped without it;
 * a throw-away database: its schema is dropped), {@code bench.postgres.user} (postgres),
 * {@code bench.postgres.password}, {@code bench.jar} (the packaged jar), {@code bench.sessions} (10,30),
 * {@code bench.starts} (3), {@code bench.heap} (-Xmx4g for the database JVMs).
 */
public final class Bench {

    private Bench() {
    }

    static List<Integer> sizes() {
        return Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::parseInt).sorted().toList();
    }

    static Set<String> items() {
        return new LinkedHashSet<>(Arrays.asList(System.getProperty("bench.items",
                "grid,export,apply,scale,sessions,startup").split(",")));
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Path results = out.resolve("results.tsv");
        Files.deleteIfExists(results);
        Set<String> items = items();
        List<Integer> sizes = sizes();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = loadAverage();
        System.out.println("[bench] sizes " + sizes + ", items " + items + ", load " + loadBefore);

        Path h2Dir = Files.createTempDirectory("bench-h2-");
        try {
            boolean dbItems = items.contains("grid") || items.contains("export") || items.contains("apply")
                    || items.contains("scale");
            if (dbItems || items.contains("sessions")) {
                // AUTO_SERVER: the export-memory child JVM (ExportMemory) opens the same file database.
                child("h2", "jdbc:h2:file:" + h2Dir.resolve("console").toAbsolutePath() + ";AUTO_SERVER=TRUE"
                        + System.getProperty("bench.h2.options", ""),
                        "sa", "", results, dbItems ? items : Set.of());
            }
            String pg = System.getProperty("bench.postgres.url", "").strip();
            if (pg.isEmpty()) {
                System.out.println("\n[bench] !!! PostgreSQL skipped: no -Dbench.postgres.url (see bench/start-postgres.sh)\n");
                Results.append(results, new Results("PostgreSQL", "postgres", 0,
                        "not measured: no -Dbench.postgres.url", "", "", ""));
            } else if (dbItems) {
                child("postgres", pg, System.getProperty("bench.postgres.user", "postgres"),
                        System.getProperty("bench.postgres.password", ""), results, items);
            }
            Path jar = jar();
            if (jar == null) {
                System.out.println("\n[bench] !!! no packaged jar (target/wasm-extension-console-*.jar): items 4 and 5"
                        + " skipped; run through Maven (./mvnw -Pbench verify) or pass -Dbench.jar\n");
            } else {
                if (items.contains("startup")) {
                    guarded("startup", results, () -> StartupBench.run(jar, results, pg.isEmpty() ? null : pg));
                }
                if (items.contains("sessions")) {
                    guarded("sessions", results, () -> SessionBench.run(jar, h2Dir, sizes.getLast(), results, out));
                }
            }
        } finally {
            deleteTree(h2Dir);
        }
        String report = Report.render(Results.read(results), started, loadBefore, loadAverage(),
                (System.nanoTime() - t0) / 1e9);
        Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        System.out.println("\n" + report);
        System.out.println("[bench] written to " + out.resolve("results.md"));
        if (Results.read(results).stream().anyMatch(r -> r.item().equals("FAILED"))) {
            System.exit(1);
        }
    }

    private static void child(String db, String url, String user, String password, Path results, Set<String> items)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.addAll(Arrays.asList(System.getProperty("bench.heap", "-Xms1g -Xmx3g").split(" ")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Dbench.db=" + db);
        cmd.add("-Dbench.url=" + url);
        cmd.add("-Dbench.user=" + user);
        cmd.add("-Dbench.password=" + password);
        cmd.add("-Dbench.results=" + results.toAbsolutePath());
        // Per database: -Dbench.h2.sizes / -Dbench.postgres.sizes and .items override the common ones.
        String sizes = prop("bench." + db + ".sizes");
        cmd.add("-Dbench.sizes=" + (sizes != null ? sizes : System.getProperty("bench.sizes", "1000,10000,100000")));
        String dbItems = prop("bench." + db + ".items");
        cmd.add("-Dbench.items=" + (dbItems != null ? dbItems
                : String.join(",", items.isEmpty() ? Set.of("none") : items)));
        for (String p : List.of("bench.grid.warmup", "bench.grid.samples", "bench.export.runs", "bench.apply.runs",
                "bench.apply.documents", "bench.app.args", "bench.scale.audit", "bench.scale.samples",
                "bench.scale.tenant", "bench.export.heap", "bench.grid.text")) {
            if (prop(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add(DbBench.class.getName());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        int exit = p.waitFor();
        System.out.printf("[bench] %s finished in %.0f s (exit %d)%n", db, (System.nanoTime() - t0) / 1e9, exit);
        if (exit != 0) {
            Results.append(results, new Results("FAILED", db, 0, "the " + db + " benchmark JVM exited with " + exit,
                    "", "", "see its output above"));
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static void guarded(String what, Path results, Work work) {
        try {
            work.run();
        } catch (Exception e) {
            e.printStackTrace();
            Results.append(results, new Results("FAILED", "-", 0, what + ": " + e, "", "", "see the output above"));
        }
    }

    /** A system property, null when unset or blank (Maven passes unset ones as empty). */
    static String prop(String name) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path jar() throws IOException {
        String given = System.getProperty("bench.jar", "");
        if (!given.isBlank()) {
            return Path.of(given);
        }
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("wasm-extension-console-.*\\.jar"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
