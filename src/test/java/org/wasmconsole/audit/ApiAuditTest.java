package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * The REST API's HTTP Basic authenticates every request: its failures and refusals are recorded,
 * its successful authentications are not sign-ins (one record per API call would bury the trail).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuditTest {

    static final String ADMIN = "apia-admin";
    static final String OPERATOR = "apia-op";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;
    @Autowired
    AuditService audit;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            long tenant = tenants.list("tse").getFirst().id();
            users.create(ADMIN, "api-audit-admin-pw", Role.PLATFORM_ADMIN, Set.of());
            users.create(OPERATOR, "api-audit-operator", Role.TENANT_OPERATOR, Set.of(tenant));
        });
    }

    int get(String path, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    List<AuditEntry> records(String user, AuditAction action) {
        return asSystem(() -> audit.list(new AuditFilter(user, null, action, null, null), PageRequest.of(0, 20)));
    }

    @Test
    void apiCallsAreNoSignInsButTheirFailuresAndRefusalsAreRecorded() throws Exception {
        assertThat(get("/api/v2/organizations/tse/extensions", ADMIN, "api-audit-admin-pw")).isEqualTo(200);
        assertThat(get("/api/v2/organizations/tse/extensions", ADMIN, "api-audit-admin-pw")).isEqualTo(200);
        assertThat(records(ADMIN, AuditAction.LOGIN)).isEmpty();

        assertThat(get("/api/v2/organizations/tse/extensions", ADMIN, "not-the-password")).isEqualTo(401);
        assertThat(records(ADMIN, AuditAction.LOGIN_FAILED)).singleElement()
                .satisfies(e -> assertThat(e.summary()).startsWith("wrong user name or password"));

        assertThat(get("/api/v2/users", OPERATOR, "api-audit-operator")).isEqualTo(403);
        assertThat(records(OPERATOR, AuditAction.ACCESS_DENIED)).singleElement()
                .satisfies(e -> assertThat(e.resourceName()).endsWith(".list")); // the controller's or the service's
    }
}
