package org.wasmconsole.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Item 5: the production jar until its ready probe answers 200, its CPU time and resident memory
 * then, in two variants: {@code java -jar} of the fat jar with no JVM options (as before), and the
 * documented production command ({@link #PRODUCTION_OPTIONS}: the jar extracted with Spring Boot's
 * {@code -Djarmode=tools extract}, JDK 25's AOT cache from a training run, serial GC), as the
 * Dockerfile runs it. The first start on an empty database (schema, sample data, first admin) and
 * restarts on that database are reported apart; the baseline is a JVM that only prints a line,
 * timed in the same run. {@code -Dbench.start.options} replaces the production variant's options
 * (experiments); the AOT cache is always used.
 */
final class StartupBench {

    private StartupBench() {
    }

    /** The JVM options of the Dockerfile and the README's production command, besides the AOT cache. */
    static final String PRODUCTION_OPTIONS = "-XX:+UseSerialGC -Xss512k -Xms64m -XX:NewRatio=1 -XX:SurvivorRatio=2 -XX:TrimNativeHeapInterval=500 -XX:MaxRAMPercentage=75";

    /** One way to start the console: a jar and the JVM options before {@code -jar}. */
    record Variant(String name, Path jar, List<String> options) {
    }

    static void run(Path jar, Path results, String postgresUrl) throws Exception {
        int starts = Integer.getInteger("bench.starts", 2);
        List<Variant> variants = List.of(new Variant("java -jar, no options", jar, List.of()), production(jar, results));
        List<Double> hello = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(Bench.javaBin(), "-cp", System.getProperty("java.class.path"),
                    Hello.class.getName()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.waitFor();
            hello.add((System.nanoTime() - t0) / 1e6);
        }
        double helloMs = Stats.median(hello);
        Path h2 = Files.createTempDirectory("bench-start-");
        try {
            Map<String, String> env = new HashMap<>();
            env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + h2.resolve("console").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE");
            for (Variant v : variants) {
                Bench.deleteTree(h2);
                Files.createDirectories(h2);
                measure("h2", v, env, starts, helloMs, results);
            }
        } finally {
            Bench.deleteTree(h2);
        }
        if (postgresUrl != null) {
            String user = System.getProperty("bench.postgres.user", "postgres");
            String password = System.getProperty("bench.postgres.password", "");
            String database = "bench_start";
            try (Connection c = DriverManager.getConnection(postgresUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
                s.execute("create database " + database);
            }
            Map<String, String> env = new HashMap<>();
            env.put("SPRING_DATASOURCE_URL", postgresUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database));
            env.put("SPRING_DATASOURCE_USERNAME", user);
            env.put("SPRING_DATASOURCE_PASSWORD", password);
            for (Variant v : variants) {
                try (Connection c = DriverManager.getConnection(postgresUrl, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + database + " with (force)");
                    s.execute("create database " + database);
                }
                measure("postgres", v, env, starts, helloMs, results);
            }
            try (Connection c = DriverManager.getConnection(postgresUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /**
     * The production variant: the jar extracted next to its libraries (an AOT cache needs classes from
     * plain jar files, not nested ones), then a training run that starts the context on a throw-away
     * in-memory database and exits after the refresh ({@code -Dspring.context.exit=onRefresh}), writing
     * the cache: the Dockerfile's steps.
     */
    private static Variant production(Path jar, Path results) throws IOException, InterruptedException {
        Path dir = Path.of("target", "bench", "aot").toAbsolutePath();
        Bench.deleteTree(dir);
        Files.createDirectories(dir);
        run(List.of(Bench.javaBin(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", dir.resolve("app").toString()), Map.of(), dir.resolve("extract.log"));
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        Path cache = dir.resolve("console.aot");
        List<String> options = new ArrayList<>(List.of(Objects.requireNonNullElse(Bench.prop("bench.start.options"), PRODUCTION_OPTIONS)
                .strip().split("\\s+")));
        options.removeIf(String::isBlank);
        List<String> training = new ArrayList<>(List.of(Bench.javaBin()));
        training.addAll(options);
        training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                extracted.toString()));
        long t0 = System.nanoTime();
        run(training, Map.of("SPRING_DATASOURCE_URL", "jdbc:h2:mem:training", "CONSOLE_SAMPLE_DATA", "false",
                "PORT", "0"), dir.resolve("training.log"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache; see " + dir.resolve("training.log"));
        }
        Results.append(results, new Results("5 AOT cache training run (once per build)", "-", 0,
                String.format("%.1f s", seconds), "", "-", String.format("cache %s", Stats.mib(Files.size(cache)))));
        List<String> runOptions = new ArrayList<>(options);
        runOptions.add("-XX:AOTCache=" + cache);
        return new Variant("extracted jar, AOT cache, " + String.join(" ", options), extracted, runOptions);
    }

    private static void run(List<String> cmd, Map<String, String> env, Path log) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        int exit = pb.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(cmd.getFirst() + " exited with " + exit + "; see " + log);
        }
    }

    private static void measure(String db, Variant variant, Map<String, String> env, int restarts, double helloMs,
                                Path results) throws IOException, InterruptedException {
        Path jar = variant.jar();
        env.put("CONSOLE_ADMIN_PASSWORD", DbBench.ADMIN_PASSWORD);
        List<Double> seconds = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        String probe = null;
        String health = null;
        double first = 0;
        long firstRss = 0;
        double firstCpu = 0;
        for (int i = 0; i <= restarts; i++) {
            Path log = Path.of("target", "bench", "start-" + db + "-" + (variant.options().isEmpty() ? "jar" : "aot")
                    + "-" + i + ".log");
            try (AppProcess app = AppProcess.start(jar, env, log, variant.options())) {
                app.awaitReady(Duration.ofMinutes(10));
                long resident = app.procStatus("VmRSS");
                double cpuSeconds = app.cpuSeconds();
                System.out.printf("[bench] %s start %d: ready (%s) after %.2f s, %.1f s CPU, RSS %s%n", db, i,
                        app.probe, app.readySeconds, cpuSeconds, Stats.mib(resident));
                probe = app.probe;
                health = app.healthStatus;
                if (i == 0) {
                    first = app.readySeconds;
                    firstRss = resident;
                    firstCpu = cpuSeconds;
                } else {
                    seconds.add(app.readySeconds);
                    rss.add((double) resident);
                    cpu.add(cpuSeconds);
                }
            }
        }
        String probeNote = AppProcess.HEALTH.equals(probe) ? "ready = GET /actuator/health 200"
                : "ready = GET /login 200 (fallback: /actuator/health answered " + health
                + ("503".equals(health) ? " for 60 s after the login page was up)" : ", not public)");
        double median = Stats.median(seconds) * 1000;
        Results.append(results, new Results("5 start-up to ready, restart: " + variant.name(), db, 0, Stats.fmtMs(median),
                "JVM hello " + Stats.fmtMs(helloMs), Results.ratio(median, helloMs),
                String.format("RSS %s at ready; %.1f s CPU (user+sys) to ready; median of %d; %s",
                        Stats.mib((long) Stats.median(rss)), Stats.median(cpu), restarts, probeNote)));
        Results.append(results, new Results("5 start-up to ready, first start (empty DB): " + variant.name(), db, 0,
                Stats.fmtMs(first * 1000), "JVM hello " + Stats.fmtMs(helloMs), Results.ratio(first * 1000, helloMs),
                String.format("RSS %s; %.1f s CPU; schema migration, sample data, first admin; one run",
                        Stats.mib(firstRss), firstCpu)));
    }
}
