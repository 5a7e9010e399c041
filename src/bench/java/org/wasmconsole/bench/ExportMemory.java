package org.wasmconsole.bench;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleApplication;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.yaml.ExtensionExport;

/**
 * Item 2's memory figure, measured so that it means what it says: the export of everything runs in
 * a child JVM of its own with a small heap ({@code -Xmx128m}, G1), and a sampler thread calls
 * {@code System.gc()} (a full, stop-the-world collection with G1) every 250 ms and reads the used heap
 * right after it. The largest such reading minus the reading before the export is the live data the
 * export keeps reachable; that the export finishes at all in 128 MiB (the console's own context takes
 * ~60 MiB of it) shows the bound. Started by {@link ExportBench}, which passes the database and reads
 * one line back: {@code bytes seconds liveBeforeBytes maxLiveDuringBytes samples}.
 */
public final class ExportMemory {

    /** -Dbench.export.heap: 128m by default (a first run at 10k under load ran out of it: see docs/benchmarks.md). */
    static final String HEAP = "-Xmx" + (Bench.prop("bench.export.heap") == null ? "128m" : Bench.prop("bench.export.heap"));

    private ExportMemory() {
    }

    /** Runs the child and returns its line, or throws with its output when it fails (an OutOfMemoryError too). */
    static String[] measure(String db, String url, String user, String password, Path log)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), HEAP, "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "-Dbench.db=" + db, "-Dbench.url=" + url, "-Dbench.user=" + user, "-Dbench.password=" + password,
                ExportMemory.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String line = out.lines().filter(l -> l.startsWith("EXPORT-MEMORY ")).findFirst().orElse(null);
        if (exit != 0 || line == null) {
            throw new IllegalStateException("the export in " + HEAP + " failed (exit " + exit + "), see " + log);
        }
        return line.substring("EXPORT-MEMORY ".length()).split(" ");
    }

    public static void main(String[] args) throws Exception {
        String db = System.getProperty("bench.db");
        // Without the catalogue's text index: it is the search's memory (~1.2 KiB an extension on H2, measured by
        // item 1), which the export does not use; with it the context alone outgrows 128 MiB at 100k.
        List<String> appArgs = new ArrayList<>(List.of(DbBench.appArgs(db, System.getProperty("bench.url"),
                System.getProperty("bench.user"), System.getProperty("bench.password", ""))));
        appArgs.add("--console.search.index.enabled=false");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
                .run(appArgs.toArray(String[]::new));
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("admin");
        var admin = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        ExtensionExport export = context.getBean(ExtensionExport.class);
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long before = memory.getHeapMemoryUsage().getUsed();
        // Tells, when the heap runs out, whether the context or the export did not fit.
        System.out.println("[export-memory] context started; live heap before the export " + Stats.mib(before));
        AtomicLong maxLive = new AtomicLong(before);
        AtomicInteger samples = new AtomicInteger();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            System.gc();
            maxLive.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            samples.incrementAndGet();
        }, 250, 250, TimeUnit.MILLISECONDS);
        ExportBench.CountingStream out = new ExportBench.CountingStream();
        long t0 = System.nanoTime();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            DbBench.as(admin, () -> {
                export.write(ExtensionFilter.all(DataGenerator.ORGANIZATION), writer);
                return null;
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println("EXPORT-MEMORY " + out.bytes + " " + seconds + " " + before + " " + maxLive.get() + " "
                + samples.get());
        context.close();
        System.exit(0);
    }
}
