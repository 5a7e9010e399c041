package org.wasmconsole.operations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wasmconsole.ConsoleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Two console JVMs on one PostgreSQL database, configured as the compose profile "cluster" configures
 * its instances (docker-compose.yml: the same environment variables): both start at the same moment on an
 * empty database, and exactly one first admin and one sample set come out of it; a user disabled through
 * instance A loses their browser session on instance B at its next request. Runs in the PostgreSQL run of
 * the database tests (tag "database", {@code -Dtest.postgres.url}); skipped without it, in a schema of its
 * own that it drops, so that the other database tests' data stays as it is.
 */
@Tag(ConsoleTest.DATABASE_TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final String SCHEMA = "two_instances";
    private static final String ADMIN_PASSWORD = "two-instances-admin";
    /** A bound for a start that hangs, not a measure: two starts at once on a loaded 2-core machine took ~2.5 min. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** The test libraries (Maven test scope) in the local repository: not the application's. */
    private static final List<String> TEST_LIBRARIES = List.of("/com/microsoft/playwright/", "/org/junit/",
            "/org/assertj/", "/com/tngtech/archunit/", "/org/mockito/", "/com/vaadin/browserless-test",
            "/org/springframework/boot/spring-boot-test", "/org/springframework/boot/spring-boot-starter-test",
            "/org/springframework/spring-test/", "/org/hamcrest/", "/org/xmlunit/", "/org/skyscreamer/",
            "/org/awaitility/", "/org/opentest4j/");
    private static final Path LOGS = Path.of("target", "two-instances");

    private String url;
    private String username;
    private String password;
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Instance(String name, int port, Process process, Path log) {
        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    @BeforeAll
    void startTwoInstancesAtOnce() throws Exception {
        url = System.getProperty("TEST_DATASOURCE_URL", "");
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"),
                "two instances need PostgreSQL: run with -Dtest.postgres.url (README, Test it)");
        username = System.getProperty("TEST_DATASOURCE_USERNAME", "");
        password = System.getProperty("TEST_DATASOURCE_PASSWORD", "");
        sql("drop schema if exists " + SCHEMA + " cascade", "create schema " + SCHEMA);
        Files.createDirectories(LOGS);
        Instant started = Instant.now();
        instances.add(start("a"));
        instances.add(start("b"));
        for (Instance instance : instances) {
            awaitHealthy(instance);
        }
        System.out.printf("TwoInstancesTest: both instances healthy after %d s%n",
                Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    void stopThem() throws Exception {
        for (Instance instance : instances) {
            instance.process().destroy(); // SIGTERM: a graceful shutdown
        }
        for (Instance instance : instances) {
            if (!instance.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                instance.process().destroyForcibly().waitFor();
            }
        }
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            sql("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void bothStartedAtOnceOnAnEmptyDatabaseMakeOneFirstAdminAndOneSampleSet() throws Exception {
        assertThat(query("select username from console_user")).containsExactly("admin");
        assertThat(query("select name from organization")).containsExactly("tse");
        assertThat(query("select count(*) from tenant")).containsExactly("5");
        assertThat(query("select count(*) from wasm_extension")).containsExactly("15");
        String logs = Files.readString(instances.get(0).log()) + Files.readString(instances.get(1).log());
        assertThat(count(logs, "Created the first user 'admin'")).isEqualTo(1);
        assertThat(count(logs, "Loaded the sample data")).isEqualTo(1);
    }

    @Test
    void aUserDisabledOnOneInstanceLosesTheirSessionOnTheOtherAtItsNextRequest() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        String user = "roamer";
        String userPassword = "roamer-password-1";
        String body = "{\"name\": \"" + user + "\", \"password\": \"" + userPassword + "\", \"role\": \"TENANT_OPERATOR\","
                + " \"tenants\": [\"organizations/tse/tenants/payments\"]}";
        assertThat(api(a, "POST", "/api/v2/users", body).statusCode()).isEqualTo(201);

        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH",
                System.getProperty("chromium.path", "/usr/bin/chromium")));
        if (!Files.isExecutable(chromium)) {
            String message = "No Chromium at " + chromium + ": the browser half of this test cannot run";
            if (Boolean.getBoolean("e2e.required")) {
                Assertions.fail(message + " (e2e.required=true)");
            }
            Assumptions.abort(message);
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(chromium).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")))) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)).newPage();
            page.setDefaultTimeout(20_000);
            page.navigate(b.url("/login"));
            page.getByLabel("User name").fill(user);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(userPassword);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();

            // Disabled through instance A: instance B hears of it only through the database.
            String disable = "{\"role\": \"TENANT_OPERATOR\", \"tenants\": [\"organizations/tse/tenants/payments\"],"
                    + " \"enabled\": false}";
            assertThat(api(a, "PUT", "/api/v2/users/" + user, disable).statusCode()).isEqualTo(200);

            // The next request of the open page on B (a Vaadin navigation) ends the session there.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tenant payments")).click();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.getByText("Signed out — your access changed")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "two-instances-signed-out.png")));
        }
        assertThat(Files.readString(b.log())).contains("Ended a session of '" + user + "': their access changed");
    }

    private Instance start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = LOGS.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:TieredStopAtLevel=1",
                "-cp", applicationClassPath(), "org.wasmconsole.ConsoleApplication",
                "--vaadin.devmode.devTools.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(port));
        return new Instance(name, port, builder.start(), log);
    }

    /**
     * The environment of the compose profile's instances (docker-compose.yml, services console and
     * console-2), with this test's database, passwords and port; sessions are checked against the database
     * on every request (0 s) so that "its next request" is exact, where the compose profile keeps 5 s.
     */
    private Map<String, String> environment(int port) throws IOException {
        JsonNode compose = YAMLMapper.builder().build().readTree(Files.readString(Path.of("docker-compose.yml")));
        Map<String, String> environment = new HashMap<>();
        compose.path("services").path("console-2").path("environment").properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        String separator = url.contains("?") ? "&" : "?";
        environment.put("SPRING_DATASOURCE_URL", url + separator + "currentSchema=" + SCHEMA);
        environment.put("SPRING_DATASOURCE_USERNAME", username);
        environment.put("CONSOLE_DB_PASSWORD", password);
        environment.put("CONSOLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CONSOLE_SAMPLE_DATA", "true");
        environment.put("CONSOLE_SESSION_CHECK_INTERVAL", "0s");
        environment.put("PORT", Integer.toString(port));
        return environment;
    }

    /** The application's classes and libraries, as in the jar: without the test classes and libraries. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .filter(entry -> TEST_LIBRARIES.stream().noneMatch(entry.replace(File.separatorChar, '/')::contains))
                .toList());
    }

    private void awaitHealthy(Instance instance) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!instance.process().isAlive()) {
                Assertions.fail("instance " + instance.name() + " stopped:\n" + tail(instance.log()));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(instance.url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(500);
        }
        Assertions.fail("instance " + instance.name() + " not healthy within " + START_TIMEOUT + ":\n" + tail(instance.log()));
    }

    private HttpResponse<String> api(Instance instance, String method, String path, String json) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(instance.url(path)))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println(method + " " + path + " on " + instance.name() + ": " + response.statusCode() + " " + response.body());
        return response;
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + SCHEMA);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
