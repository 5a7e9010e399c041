package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No Docker engine runs where this is built, so docker-compose.yml and the Dockerfile are checked
 * by reading them: what the console needs from its container, and that the two files agree with
 * each other and with application*.properties.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentFilesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?.+}");

    private JsonNode compose;
    private JsonNode console;
    private List<String> finalStage;
    private Properties defaults;

    @BeforeAll
    void readTheFiles() throws IOException {
        compose = YAMLMapper.builder().build().readTree(Files.readString(Path.of("docker-compose.yml")));
        console = compose.path("services").path("console");
        List<List<String>> stages = dockerfileStages(Files.readString(Path.of("Dockerfile")));
        finalStage = stages.getLast();
        defaults = properties(RESOURCES.resolve("application.properties"));
    }

    @Test
    void postgresHasANamedVolumeAndAReadinessCheck() {
        JsonNode postgres = compose.path("services").path("postgres");

        assertThat(postgres.path("image").asString()).matches("postgres:\\d+.*");
        String volume = postgres.path("volumes").path(0).asString();
        assertThat(volume).endsWith(":/var/lib/postgresql/data");
        String volumeName = volume.substring(0, volume.indexOf(':'));
        assertThat(compose.path("volumes").has(volumeName)).as("named volume '%s' declared", volumeName).isTrue();
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    }

    @Test
    void consoleIsBuiltHereAndWaitsForAHealthyDatabase() {
        assertThat(console.path("build").asString()).isEqualTo(".");
        assertThat(console.path("depends_on").path("postgres").path("condition").asString()).isEqualTo("service_healthy");
    }

    @Test
    void consoleHealthCheckCallsThePublicHealthEndpointWithAToolTheImageHas() {
        List<String> test = console.path("healthcheck").path("test").valueStream().map(JsonNode::asString).toList();

        assertThat(test.getFirst()).isEqualTo("CMD");
        String tool = test.get(1);
        assertThat(finalStage).as("the run stage proves '%s' is there", tool)
                .anyMatch(line -> line.startsWith("RUN ") && line.contains(tool + " --version"));
        assertThat(test.getLast()).isEqualTo("http://localhost:" + serverPort() + "/actuator/health");
    }

    @Test
    void thePublishedPortIsTheExposedOneIsTheServerPort() {
        int port = serverPort();

        assertThat(console.path("ports").path(0).asString()).endsWith(":" + port);
        assertThat(finalStage).contains("EXPOSE " + port);
    }

    @Test
    void everyEnvironmentVariableIsOneTheConsoleReads() throws IOException {
        Set<String> understood = new HashSet<>(Set.of("SPRING_PROFILES_ACTIVE"));
        try (Stream<Path> files = Files.list(RESOURCES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties")).toList()) {
                Properties properties = properties(file);
                for (String key : properties.stringPropertyNames()) {
                    understood.add(key.toUpperCase().replace('.', '_').replace("-", "")); // relaxed binding
                    Matcher placeholder = PLACEHOLDER.matcher(properties.getProperty(key));
                    while (placeholder.find()) {
                        understood.add(placeholder.group(1));
                    }
                }
            }
        }
        Map<String, JsonNode> environment = console.path("environment").properties().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(environment.keySet()).isSubsetOf(understood);
        assertThat(environment.get("SPRING_PROFILES_ACTIVE").asString()).isEqualTo("postgres");
        assertThat(RESOURCES.resolve("application-postgres.properties")).exists();
        assertThat(environment.get("SPRING_DATASOURCE_URL").asString()).startsWith("jdbc:postgresql://postgres:");
    }

    @Test
    void passwordsAreRequiredFromTheCallerNeverWrittenHere() {
        for (JsonNode service : compose.path("services")) {
            service.path("environment").properties().stream()
                    .filter(e -> e.getKey().contains("PASSWORD"))
                    .forEach(e -> assertThat(e.getValue().asString()).as(e.getKey()).matches(REQUIRED));
        }
        assertThat(console.path("environment").path("CONSOLE_ADMIN_PASSWORD").asString()).matches(REQUIRED);
        assertThat(console.path("environment").path("CONSOLE_DB_PASSWORD").asString()).matches(REQUIRED);
    }

    @Test
    void containerStopWaitsLongerThanTheGracefulShutdown() {
        Duration shutdown = DurationStyle.detectAndParse(resolveDefault(defaults.getProperty("spring.lifecycle.timeout-per-shutdown-phase")));
        Duration grace = DurationStyle.detectAndParse(console.path("stop_grace_period").asString());

        assertThat(grace).isGreaterThan(shutdown);
    }

    @Test
    void imageRunsTheJarOnAJre21OrNewerAsANonRootUser() {
        Matcher from = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre\\S*").matcher(finalStage.getFirst());
        assertThat(from.matches()).as(finalStage.getFirst()).isTrue();
        assertThat(Integer.parseInt(from.group(1))).isGreaterThanOrEqualTo(21);

        List<String> users = finalStage.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).isNotEmpty();
        assertThat(users.getLast().substring(5).strip()).isNotIn("root", "0", "0:0");
        assertThat(finalStage).anyMatch(l -> l.startsWith("ENTRYPOINT [\"java\"") && l.contains("\"-jar\""));
    }

    @Test
    void theBuildContextLeavesOutLocalDataAndBuildOutput() throws IOException {
        assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("data", "target", ".git");
    }

    /** Profile "cluster": a second instance like the first, behind HAProxy with cookie affinity (Vaadin). */
    @Test
    void theClusterProfileRunsASecondInstanceConfiguredLikeTheFirst() {
        JsonNode second = compose.path("services").path("console-2");

        assertThat(second.path("profiles").valueStream().map(JsonNode::asString)).containsExactly("cluster");
        assertThat(second.path("environment")).isEqualTo(console.path("environment"));
        assertThat(second.path("build").asString()).isEqualTo(console.path("build").asString());
        assertThat(second.path("image").asString()).isEqualTo(console.path("image").asString());
        assertThat(second.path("healthcheck")).isEqualTo(console.path("healthcheck"));
        assertThat(second.path("depends_on")).isEqualTo(console.path("depends_on"));
        assertThat(second.has("ports")).as("reached through the balancer only").isFalse();
        assertThat(console.has("profiles")).as("plain 'docker compose up' still runs the console").isFalse();
    }

    @Test
    void theBalancerSendsEachBrowserBackToItsInstance() throws IOException {
        JsonNode balancer = compose.path("services").path("balancer");
        assertThat(balancer.path("profiles").valueStream().map(JsonNode::asString)).containsExactly("cluster");
        String mount = balancer.path("volumes").path(0).asString();
        assertThat(mount).startsWith("./deploy/haproxy.cfg:").endsWith(":ro");
        assertThat(balancer.path("ports").path(0).asString()).endsWith(":8080");

        List<String> config = Files.readAllLines(Path.of(mount.substring(2, mount.indexOf(':')))).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(config).contains("bind :8080", "mode http");
        assertThat(config).anyMatch(l -> l.matches("cookie \\S+ insert indirect nocache.*"));
        assertThat(config).contains("option httpchk GET /actuator/health");
        int port = serverPort();
        for (String service : List.of("console", "console-2")) {
            assertThat(compose.path("services").has(service)).isTrue();
            assertThat(config).as("a server with its own cookie for %s", service)
                    .anyMatch(l -> l.matches("server \\S+ " + Pattern.quote(service + ":" + port) + " cookie \\S+"));
        }
    }

    private int serverPort() {
        return Integer.parseInt(resolveDefault(defaults.getProperty("server.port")));
    }

    /** "${PORT:8080}" → "8080": the value when the variable is not set. */
    private static String resolveDefault(String value) {
        Matcher m = Pattern.compile("\\$\\{[A-Z0-9_]+:(.*)}").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The Dockerfile's instructions per stage, continuation lines joined, comments dropped. */
    private static List<List<String>> dockerfileStages(String dockerfile) {
        List<List<String>> stages = new ArrayList<>();
        StringBuilder instruction = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                instruction.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String complete = instruction.append(trimmed).toString().replaceAll("\\s+", " ");
            instruction.setLength(0);
            if (complete.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            stages.getLast().add(complete);
        }
        return stages;
    }
}
