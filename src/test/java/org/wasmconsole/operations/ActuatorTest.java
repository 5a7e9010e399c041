package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health is public and says little; info and metrics are for platform admins only (HTTP Basic). */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActuatorTest {

    private static final String OPERATOR = "actuator-operator";
    private static final String OPERATOR_PASSWORD = "actuator-operator-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @BeforeAll
    void anOperator(@Autowired UserService users, @Autowired TenantService tenants) {
        long tenant = asSystem(() -> tenants.list("tse").getFirst().id());
        asSystem(() -> users.create(OPERATOR, OPERATOR_PASSWORD, Role.TENANT_OPERATOR, Set.of(tenant)));
    }

    @Test
    void anonymousHealthIsUpWithoutComponentsOrDetails() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.has("components")).as("components hidden from anonymous callers: %s", body).isFalse();
        assertThat(body.has("details")).isFalse();
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session for monitoring").isEmpty();
    }

    @Test
    void adminSeesTheDatabaseInTheHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/health", "admin", ConsoleTest.ADMIN_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode db = json.readTree(response.body()).path("components").path("db");
        assertThat(db.path("status").asString()).as(response.body()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isNotBlank();
    }

    @Test
    void infoAndMetricsNeedSignInThenTheAdminRole() throws Exception {
        for (String path : new String[] {"/actuator/info", "/actuator/metrics"}) {
            HttpResponse<String> anonymous = get(path, null, null);
            assertThat(anonymous.statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
            assertThat(get(path, OPERATOR, "not-the-password").statusCode()).as("wrong password " + path).isEqualTo(401);
            assertThat(get(path, OPERATOR, OPERATOR_PASSWORD).statusCode()).as("operator " + path).isEqualTo(403);
            assertThat(get(path, "admin", ConsoleTest.ADMIN_PASSWORD).statusCode()).as("admin " + path).isEqualTo(200);
        }
    }

    @Test
    void infoNamesTheVersionAndTheCommitWhenBuiltFromGit() throws Exception {
        JsonNode info = json.readTree(get("/actuator/info", "admin", ConsoleTest.ADMIN_PASSWORD).body());

        assertThat(info.path("build").path("artifact").asString()).isEqualTo("wasm-extension-console");
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        // A build without .git (Docker context, tarball) has no git section; this checkout has one.
        if (Files.isDirectory(Path.of(".git"))) {
            assertThat(info.path("git").path("commit").path("id").asString()).as(info.toString()).isNotBlank();
        }
    }

    @Test
    void metricsListTheDatabasePoolAndTheJvm() throws Exception {
        JsonNode names = json.readTree(get("/actuator/metrics", "admin", ConsoleTest.ADMIN_PASSWORD).body())
                .path("names");

        assertThat(names.valueStream().map(JsonNode::asString))
                .contains("jvm.memory.used", "hikaricp.connections.active", "http.server.requests");
    }

    @Test
    void otherEndpointsAreNotExposed() throws Exception {
        // env and beans would leak configuration: not exposed, so not even an admin gets them.
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
            HttpResponse<String> response = get(path, "admin", ConsoleTest.ADMIN_PASSWORD);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("propertySources", "\"beans\"");
        }
    }

    private HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
