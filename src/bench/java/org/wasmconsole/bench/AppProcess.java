package org.wasmconsole.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The production jar in its own process, as {@code java -jar} runs it, on a given database. */
final class AppProcess implements AutoCloseable {

    static final String HEALTH = "/actuator/health";
    static final String LOGIN = "/login";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(1)).build();

    final Process process;
    final int port;
    final long startedNanos;
    /** Seconds from the process start to the first 200 of the ready probe. */
    double readySeconds;
    /** The path that answered 200: the health check, or the login page when the health check is not public. */
    String probe;
    String healthStatus = "no answer";

    private AppProcess(Process process, int port, long startedNanos) {
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    static AppProcess start(Path jar, Map<String, String> env, Path log, List<String> jvmArgs) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Bench.javaBin());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        Files.createDirectories(log.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        return new AppProcess(pb.start(), port, t0);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Polls every 25 ms until the health check answers 200. When it is not public (a redirect to the
     * login page, 401 or 403), the login page answering 200 counts instead; a 503 (public, not up
     * yet) is waited for, but if it lasts 60 s after the login page answers, the login page counts.
     */
    AppProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long loginUpAt = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            long now = System.nanoTime();
            int health = status(HEALTH);
            if (health == 200) {
                readySeconds = (now - startedNanos) / 1e9;
                probe = HEALTH;
                healthStatus = "200";
                return this;
            }
            if (health > 0) {
                healthStatus = Integer.toString(health);
                boolean notPublic = health != 503;
                if (status(LOGIN) == 200) {
                    if (loginUpAt < 0) {
                        loginUpAt = now;
                    }
                    if (notPublic || now - loginUpAt > Duration.ofSeconds(60).toNanos()) {
                        readySeconds = ((notPublic ? now : loginUpAt) - startedNanos) / 1e9;
                        probe = LOGIN;
                        return this;
                    }
                }
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("not ready within " + timeout);
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A field of /proc/PID/status in bytes (VmRSS: resident now; VmHWM: its peak). */
    long procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** CPU seconds (user + system) the process has used so far, from /proc/PID/stat. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state is field 3, utime 14 and stime 15 (1-based over the whole line)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
