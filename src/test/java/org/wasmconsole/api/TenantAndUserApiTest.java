package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserInfo;
import tools.jackson.databind.JsonNode;

/** Tenants and console users through the API: statuses for each role, JSON and YAML. */
class TenantAndUserApiTest extends ApiTestBase {

    @Override
    String organization() {
        return "api-tu";
    }

    String tenants() {
        return "/api/v2/organizations/" + f.org + "/tenants";
    }

    static List<String> tenantNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("tenants").forEach(t -> names.add(t.get("metadata").get("name").asString()));
        return names;
    }

    UserInfo user(String name) {
        return asSystem(() -> users.find(name)).orElse(null);
    }

    @Test
    void tenantsAreListedAsDocumentsAndAnOperatorSeesOnlyTheirs() {
        JsonNode all = admin.get(tenants()).json();
        assertThat(tenantNames(all)).contains("team-a", "team-b");
        JsonNode teamA = all.get("tenants").get(0);
        assertThat(teamA.get("apiVersion").asString()).isEqualTo("api.tsb.tetrate.io/v2");
        assertThat(teamA.get("kind").asString()).isEqualTo("Tenant");
        assertThat(teamA.get("spec").get("displayName").asString()).isEqualTo("Team A");
        assertThat(teamA.get("spec").get("fqn").asString()).isEqualTo(f.tenant("team-a"));

        assertThat(tenantNames(opA.get(tenants()).json())).containsExactly("team-a");
        String yaml = opA.yaml().get(tenants()).body();
        assertThat(yaml).startsWith("---\napiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\n").contains("name: team-a")
                .doesNotContain("team-b");
        assertThat(admin.get("/api/v2/organizations/nope/tenants").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get(tenants()).status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesATenantFromJsonOrYaml() {
        ApiClient.Answer json = admin.postJson(tenants(), "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\": \"Tenant\","
                + " \"metadata\": {\"name\": \"from-json\"}, \"spec\": {\"displayName\": \"From JSON\"}}");
        assertThat(json.status()).as(json.body()).isEqualTo(201);
        assertThat(json.header("Location")).endsWith(tenants() + "/from-json");
        assertThat(asSystem(() -> tenants.get(f.org, "from-json")).displayName()).isEqualTo("From JSON");

        ApiClient.Answer yaml = admin.yaml().postYaml(tenants(), "apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\n"
                + "metadata:\n  organization: " + f.org + "\n  name: from-yaml\n");
        assertThat(yaml.status()).isEqualTo(201);
        assertThat(yaml.body()).contains("fqn: " + f.tenant("from-yaml"));

        ApiClient.Answer twice = admin.postJson(tenants(), "{\"apiVersion\": \"api.tsb.tetrate.io/v2\","
                + " \"kind\": \"Tenant\", \"metadata\": {\"name\": \"from-json\"}}");
        assertThat(twice.status()).as("an existing name is a conflict, as the README says").isEqualTo(409);
        assertThat(twice.json().get("violations").get(0).get("path").asString()).isEqualTo("metadata.name");

        ApiClient.Answer longName = admin.postYaml(tenants(), "apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\n"
                + "metadata:\n  name: long\nspec:\n  displayName: " + "x".repeat(300) + "\n");
        assertThat(longName.status()).isEqualTo(422);
        JsonNode violation = longName.json().get("violations").get(0);
        assertThat(violation.get("path").asString()).isEqualTo("spec.displayName");
        assertThat(violation.get("line").asInt()).isEqualTo(6);

        assertThat(opA.postJson(tenants(), "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\": \"Tenant\","
                + " \"metadata\": {\"name\": \"by-operator\"}}").status()).isEqualTo(403);
        assertThat(asSystem(() -> tenants.find(f.org, "by-operator"))).isEmpty();
    }

    @Test
    void anAdminRenamesAndDeletesATenantAsTheScreensDo() {
        asSystem(() -> tenants.create(f.org, "short-lived", null));
        ApiClient.Answer renamed = admin.putYaml(tenants() + "/short-lived", "apiVersion: api.tsb.tetrate.io/v2\n"
                + "kind: Tenant\nmetadata:\n  name: short-lived\nspec:\n  displayName: Short lived\n");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(admin.get(tenants() + "/short-lived").json().get("spec").get("displayName").asString())
                .isEqualTo("Short lived");
        assertThat(admin.putYaml(tenants() + "/short-lived", "apiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\n"
                + "metadata:\n  name: other\n").status()).isEqualTo(422);
        assertThat(opA.get(tenants() + "/short-lived").status()).isEqualTo(404);
        assertThat(opA.get(tenants() + "/team-a").status()).isEqualTo(200);
        assertThat(opA.delete(tenants() + "/short-lived").status()).isEqualTo(403);

        assertThat(admin.delete(tenants() + "/short-lived").status()).isEqualTo(204);
        assertThat(asSystem(() -> tenants.find(f.org, "short-lived"))).isEmpty();
        assertThat(admin.get(tenants() + "/short-lived").status()).isEqualTo(404);

        // team-b is the only tenant of only-b: deleting it would open only-b to every tenant
        ApiClient.Answer refused = admin.delete(tenants() + "/team-b");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("only-b");
        assertThat(asSystem(() -> tenants.find(f.org, "team-b"))).isPresent();
    }

    @Test
    void usersAreListedWithoutPasswordsAndOnlyForAdmins() {
        ApiClient.Answer list = admin.get("/api/v2/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("password", "$2a$");
        JsonNode op = null;
        for (JsonNode u : list.json().get("users")) {
            if (u.get("name").asString().equals(f.opA)) {
                op = u;
            }
        }
        assertThat(op).isNotNull();
        assertThat(op.get("role").asString()).isEqualTo("TENANT_OPERATOR");
        assertThat(op.get("tenants").get(0).asString()).isEqualTo(f.tenant("team-a"));
        assertThat(op.get("enabled").asBoolean()).isTrue();

        assertThat(admin.yaml().get("/api/v2/users").body()).startsWith("---\nusers:\n");
        assertThat(opA.get("/api/v2/users").status()).isEqualTo(403);
        assertThat(opA.postJson("/api/v2/users", "{}").status()).isEqualTo(403);
        assertThat(opA.delete("/api/v2/users/" + f.opB).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get("/api/v2/users").status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesChangesAndDeletesUsersWithTheServicesRules() {
        ApiClient.Answer weak = admin.postJson("/api/v2/users", "{\"name\": \"api-tu-new\", \"password\": \"short\","
                + " \"role\": \"PLATFORM_ADMIN\"}");
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("violations").get(0).get("path").asString()).isEqualTo("password");

        ApiClient.Answer unknownTenant = admin.postJson("/api/v2/users", "{\"name\": \"api-tu-new\", \"password\":"
                + " \"a-long-enough-pass\", \"role\": \"TENANT_OPERATOR\", \"tenants\": [\"organizations/x/tenants/y\"]}");
        assertThat(unknownTenant.status()).isEqualTo(422);
        assertThat(unknownTenant.json().get("violations").get(0).get("path").asString()).isEqualTo("tenants[0]");
        assertThat(user("api-tu-new")).isNull();

        ApiClient.Answer created = admin.postJson("/api/v2/users", "{\"name\": \"api-tu-new\", \"password\":"
                + " \"a-long-enough-pass\", \"role\": \"TENANT_OPERATOR\", \"tenants\": [\"" + f.tenant("team-b") + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("a-long-enough-pass");
        assertThat(user("api-tu-new").role()).isEqualTo(Role.TENANT_OPERATOR);
        ApiClient newUser = ApiClient.as(port, "api-tu-new", "a-long-enough-pass");
        assertThat(tenantNames(newUser.get(tenants()).json())).containsExactly("team-b");

        ApiClient.Answer promoted = admin.putJson("/api/v2/users/api-tu-new", "{\"role\": \"PLATFORM_ADMIN\","
                + " \"password\": \"another-long-password\"}");
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(user("api-tu-new").role()).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(ApiClient.as(port, "api-tu-new", "another-long-password").get("/api/v2/users").status())
                .isEqualTo(200);

        ApiClient.Answer badRole = admin.putJson("/api/v2/users/api-tu-new", "{\"role\": \"ROOT\"}");
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.json().get("violations").get(0).get("path").asString()).isEqualTo("role");

        ApiClient self = ApiClient.as(port, "api-tu-new", "another-long-password");
        ApiClient.Answer deleteSelf = self.delete("/api/v2/users/api-tu-new");
        assertThat(deleteSelf.status()).isEqualTo(422);
        assertThat(admin.delete("/api/v2/users/api-tu-new").status()).isEqualTo(204);
        assertThat(user("api-tu-new")).isNull();
        assertThat(admin.delete("/api/v2/users/api-tu-new").status()).isEqualTo(404);
        assertThat(admin.putJson("/api/v2/users/api-tu-new", "{\"role\": \"PLATFORM_ADMIN\"}").status()).isEqualTo(404);
    }
}
