package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.wasmconsole.ConsoleApplication;
import org.wasmconsole.extension.ExtensionService;

/**
 * A write the console reported as committed survives the process being killed (SIGKILL, no
 * shutdown hook, no graceful close) on the embedded default database, with the production
 * datasource URL options from application.properties. The console runs in a separate JVM
 * ({@link DurabilityWriter}); the check restarts it in this one on the same file.
 */
class DurabilityTest {

    private static final int WRITES_BEFORE_KILL = 25;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern READY = Pattern.compile(Pattern.quote(ReadyLog.MESSAGE_PREFIX) + "http://localhost:[1-9]\\d*/");

    @TempDir
    Path dataDir;

    /** As in RestartPersistenceTest: the context started here must not leave its strategy behind. */
    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreTheSharedSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void everyCommittedWriteIsThereAfterTheProcessWasKilled() throws Exception {
        String url = productionH2Url().replace("./data/console", dataDir.resolve("console").toAbsolutePath().toString());
        Process child = new ProcessBuilder(javaBinary(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DurabilityWriter.class.getName(),
                "--server.port=0", "--spring.datasource.url=" + url,
                "--console.admin.password=durability-test-password", "--vaadin.devmode.devTools.enabled=false")
                .redirectErrorStream(true)
                .start();
        Output output = new Output(child.getInputStream());
        try {
            boolean enough = output.enoughWrites.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(enough).as("%d writes within %s; last output:%n%s", WRITES_BEFORE_KILL, START_TIMEOUT,
                    output.tail()).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: whatever was not on disk is lost
            child.waitFor(30, TimeUnit.SECONDS);
        }
        output.reader.join(10_000); // every line the child printed before it died

        assertThat(output.ready).as("the ready line with the actual port, before any write").isTrue();
        List<String> committed = List.copyOf(output.committed);
        assertThat(committed).hasSizeGreaterThanOrEqualTo(WRITES_BEFORE_KILL);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url,
                "--console.admin.password=durability-test-password", "--vaadin.devmode.devTools.enabled=false")) {
            ExtensionService extensions = restarted.getBean(ExtensionService.class);
            List<String> missing = asSystem(() -> committed.stream()
                    .filter(name -> extensions.find("tse", name).isEmpty()).toList());
            assertThat(missing).as("reported committed before the kill (%d), missing after the restart",
                    committed.size()).isEmpty();
        }
    }

    private static String productionH2Url() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:./data/console");
        return url;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Reads the child's output as it comes: the ready line, the committed names, the last lines for failures. */
    private static final class Output {

        final List<String> committed = new CopyOnWriteArrayList<>();
        final List<String> last = new ArrayList<>();
        final CountDownLatch enoughWrites = new CountDownLatch(WRITES_BEFORE_KILL);
        final Thread reader;
        volatile boolean ready;

        Output(InputStream stream) {
            reader = Thread.ofPlatform().daemon().start(() -> read(stream));
        }

        private void read(InputStream stream) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    remember(line);
                    if (READY.matcher(line).find()) {
                        ready = true;
                    } else if (line.startsWith(DurabilityWriter.COMMITTED)) {
                        committed.add(line.substring(DurabilityWriter.COMMITTED.length()).strip());
                        enoughWrites.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the child died: the end of its output
            }
        }

        private synchronized void remember(String line) {
            last.add(line);
            if (last.size() > 40) {
                last.removeFirst();
            }
        }

        synchronized String tail() {
            return String.join(System.lineSeparator(), last);
        }
    }
}
