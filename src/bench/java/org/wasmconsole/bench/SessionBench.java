package org.wasmconsole.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item 4: retained heap per signed-in UI session on the catalogue. The production jar runs on the
 * H2 database that {@link DbBench} filled to the largest size; Playwright opens browser contexts
 * one by one, each signing in as admin and waiting for the catalogue's first rows. Live heap is read
 * with {@code jcmd PID GC.class_histogram}, which runs a full GC first and sums what is still
 * reachable (twice, the second reading is kept). After one warm-up session (class loading, caches),
 * the live heap with N more sessions minus that, divided by N, is the growth per session: an upper
 * bound, since it also counts buffers that grow with the run but belong to no session. The target's
 * figure is what the sessions themselves retain, read from a heap dump taken with every session open
 * ({@code -Dbench.sessions.heapdump}, on unless {@code false}).
 */
final class SessionBench {

    private SessionBench() {
    }

    static void run(Path jar, Path h2Dir, int size, Path results, Path out) throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH",
                System.getProperty("chromium.path", "/usr/bin/chromium")));
        if (!Files.isExecutable(chromium)) {
            System.out.println("\n[bench] !!! no Chromium at " + chromium + ": item 4 (UI sessions) skipped\n");
            Results.append(results, new Results("4 retained heap per UI session", "h2", size,
                    "not measured: no Chromium at " + chromium, "", "", ""));
            return;
        }
        List<Integer> steps = Arrays.stream(System.getProperty("bench.sessions", "10,30").split(","))
                .map(String::strip).map(Integer::parseInt).sorted().toList();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:" + h2Dir.resolve("console").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE");
        env.put("CONSOLE_ADMIN_PASSWORD", DbBench.ADMIN_PASSWORD);
        try (AppProcess app = AppProcess.start(jar, env, out.resolve("sessions-app.log"), List.of());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            app.awaitReady(Duration.ofMinutes(10));
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run")));
            List<BrowserContext> open = new ArrayList<>();
            open.add(signIn(browser, app.base(), true, out));
            Histogram warm = Histogram.of(app.process.pid());
            long warmRss = app.procStatus("VmRSS");
            System.out.printf("[bench] sessions: 1 warm-up session, live heap %s%n", Stats.mib(warm.total()));
            int opened = 0;
            Histogram last = warm;
            for (int n : steps) {
                while (opened < n) {
                    open.add(signIn(browser, app.base(), false, out));
                    opened++;
                }
                last = Histogram.of(app.process.pid());
                long growth = last.total() - warm.total();
                long rssGrowth = app.procStatus("VmRSS") - warmRss;
                System.out.printf("[bench] sessions: %d more, live heap %s (+%s)%n", n, Stats.mib(last.total()),
                        Stats.mib(growth));
                Results.append(results, new Results("4 live-heap growth per UI session (catalogue, admin)", "h2", size,
                        Stats.kib((double) growth / n) + " per session",
                        "1 warm session " + Stats.mib(warm.total()) + " live", "-",
                        String.format("%d sessions: live heap +%s after full GC (jcmd GC.class_histogram);"
                                + " process RSS +%s; also counts what is not any session's (see the heap-dump row)",
                                n, Stats.mib(growth), Stats.mib(rssGrowth))));
            }
            Files.writeString(out.resolve("sessions-histogram-growth.txt"), warm.growthTo(last, 25),
                    StandardCharsets.UTF_8);
            if (heapDump()) {
                // A dump with every session still open (live objects only: GC.heap_dump runs a full GC
                // first), and what the sessions retain in it: the target's figure. The histogram growth
                // above also counts what grows with the run but is not any session's (Jackson's buffer
                // recyclers, G1 filler arrays, the connections' buffers: docs/benchmarks.md).
                Path dump = out.resolve("sessions.hprof").toAbsolutePath();
                Files.deleteIfExists(dump);
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(app.process.pid()), "GC.heap_dump", dump.toString())
                        .redirectErrorStream(true).start();
                System.out.println("[bench] sessions: " + new String(p.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8).strip());
                p.waitFor();
                retainedBySessions(dump, opened + 1, size, results, out);
            }
            for (BrowserContext c : open) {
                c.close();
            }
            browser.close();
        }
    }

    /** {@code -Dbench.sessions.heapdump}: on unless {@code false} (the target's figure needs the dump). */
    private static boolean heapDump() {
        String value = System.getProperty("bench.sessions.heapdump", "").strip();
        return !value.equalsIgnoreCase("false");
    }

    /**
     * The target's figure: what the HTTP sessions and their Vaadin sessions retain in the dump (what
     * becomes unreachable without them), divided by the signed-in sessions (the warm-up one and the
     * others; the few anonymous sessions of the login page are counted with them). Read by
     * {@code bench/hprof-retained.py} (python3 with numpy and scipy); without them the row says so.
     */
    private static void retainedBySessions(Path dump, int signedIn, int size, Path results, Path out)
            throws IOException, InterruptedException {
        String item = "4 retained heap per signed-in session (catalogue, admin; heap dump)";
        Path script = Path.of("bench", "hprof-retained.py").toAbsolutePath();
        Process p = new ProcessBuilder("python3", script.toString(), dump.toString(),
                "org.apache.catalina.session.StandardSession,com.vaadin.flow.server.VaadinSession", "40")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        Files.writeString(out.resolve("sessions-retained.txt"), text, StandardCharsets.UTF_8);
        var matcher = java.util.regex.Pattern.compile("retained by all (\\d+): ([0-9.]+) KiB").matcher(text);
        if (exit != 0 || !matcher.find()) {
            Results.append(results, new Results(item, "h2", size, "not measured: " + script.getFileName()
                    + " failed (python3 with numpy and scipy?), see sessions-retained.txt", "", "", ""));
            return;
        }
        double kib = Double.parseDouble(matcher.group(2));
        Results.append(results, new Results(item, "h2", size,
                String.format("%.1f KiB per session", kib / signedIn), "-", "-",
                String.format("%.0f KiB retained by %s HTTP + Vaadin sessions in sessions.hprof, %d signed in"
                        + " (bench/hprof-retained.py; by class in sessions-retained.txt)", kib, matcher.group(1),
                        signedIn)));
    }

    private static BrowserContext signIn(Browser browser, String base, boolean screenshot, Path out) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(DbBench.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.locator("vaadin-grid.extension-grid .extension-name").first()
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive())");
        if (screenshot) {
            page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("sessions-catalogue.png")));
        }
        return context;
    }

    /** The output of {@code jcmd PID GC.class_histogram}: live bytes per class after a full GC. */
    record Histogram(long total, Map<String, long[]> classes) {

        static Histogram of(long pid) throws IOException, InterruptedException {
            run(pid);
            return run(pid);
        }

        private static Histogram run(long pid) throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            long total = -1;
            Map<String, long[]> classes = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    total = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                }
            }
            if (total < 0) {
                throw new IllegalStateException("no Total line from jcmd:\n" + text);
            }
            return new Histogram(total, classes);
        }

        String growthTo(Histogram later, int top) {
            StringBuilder sb = new StringBuilder(String.format("%-80s %12s %14s%n", "class", "+instances", "+bytes"));
            later.classes.entrySet().stream()
                    .map(e -> {
                        long[] before = classes.getOrDefault(e.getKey(), new long[2]);
                        return Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0],
                                e.getValue()[1] - before[1]});
                    })
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top)
                    .forEach(e -> sb.append(String.format("%-80s %12d %14d%n", e.getKey(), e.getValue()[0],
                            e.getValue()[1])));
            return sb.toString();
        }
    }
}
