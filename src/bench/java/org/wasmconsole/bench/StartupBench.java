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

/**
 * Item 5: the production jar, started as {@code java -jar} with no JVM options, until its ready
 * probe answers 200, and its resident memory then. The first start on an empty database (schema,
 * sample data, first admin) and restarts on that database are reported apart; the baseline is a
 * JVM that only prints a line, timed in the same run.
 */
final class StartupBench {

    private StartupBench() {
    }

    static void run(Path jar, Path results, String postgresUrl) throws Exception {
        int starts = Integer.getInteger("bench.starts", 2);
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
            measure("h2", jar, env, starts, helloMs, results);
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
            measure("postgres", jar, env, starts, helloMs, results);
            try (Connection c = DriverManager.getConnection(postgresUrl, user, password);
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static void measure(String db, Path jar, Map<String, String> env, int restarts, double helloMs,
                                Path results) throws IOException, InterruptedException {
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
            Path log = Path.of("target", "bench", "start-" + db + "-" + i + ".log");
            try (AppProcess app = AppProcess.start(jar, env, log, List.of())) {
                app.awaitReady(Duration.ofMinutes(3));
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
        Results.append(results, new Results("5 start-up to ready, restart", db, 0, Stats.fmtMs(median),
                "JVM hello " + Stats.fmtMs(helloMs), Results.ratio(median, helloMs),
                String.format("RSS %s at ready; %.1f s CPU (user+sys) to ready; median of %d; %s",
                        Stats.mib((long) Stats.median(rss)), Stats.median(cpu), restarts, probeNote)));
        Results.append(results, new Results("5 start-up to ready, first start (empty DB)", db, 0,
                Stats.fmtMs(first * 1000), "JVM hello " + Stats.fmtMs(helloMs), Results.ratio(first * 1000, helloMs),
                String.format("RSS %s; %.1f s CPU; schema migration, sample data, first admin; one run",
                        Stats.mib(firstRss), firstCpu)));
    }
}
