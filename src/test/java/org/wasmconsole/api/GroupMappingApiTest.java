package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** /api/v2/group-mappings: the service's rules with field paths, all problems at once, admins only. */
class GroupMappingApiTest extends ApiTestBase {

    @Override
    String organization() {
        return "api-gm";
    }

    @Test
    void anAdminCreatesChangesAndDeletesRules() {
        ApiClient.Answer created = admin.postJson("/api/v2/group-mappings", "{\"group\": \"api-gm-ops\","
                + " \"role\": \"TENANT_OPERATOR\", \"tenants\": [\"" + f.tenant("team-a") + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.headers().get("location").getFirst()).endsWith("/api/v2/group-mappings/" + id);
        assertThat(created.json().get("tenants").get(0).asString()).isEqualTo(f.tenant("team-a"));

        assertThat(groups(admin.get("/api/v2/group-mappings").json())).contains("api-gm-ops");
        assertThat(admin.yaml().get("/api/v2/group-mappings/" + id).body()).contains("group: api-gm-ops");

        ApiClient.Answer changed = admin.putJson("/api/v2/group-mappings/" + id, "{\"group\": \"api-gm-ops\","
                + " \"role\": \"TENANT_OPERATOR\", \"tenants\": [\"" + f.tenant("team-a") + "\", \"" + f.tenant("team-b")
                + "\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("tenants")).hasSize(2);

        ApiClient.Answer taken = admin.postJson("/api/v2/group-mappings", "{\"group\": \"api-gm-ops\","
                + " \"role\": \"PLATFORM_ADMIN\"}");
        assertThat(taken.status()).isEqualTo(409);

        assertThat(admin.delete("/api/v2/group-mappings/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v2/group-mappings/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v2/group-mappings/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyProblemOfARuleIsNamedByItsFieldAndNothingIsSaved() {
        ApiClient.Answer bad = admin.postJson("/api/v2/group-mappings", "{\"group\": 7, \"role\": \"ROOT\","
                + " \"tenants\": [\"organizations/x/tenants/y\"], \"colour\": \"red\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(paths(bad.json())).containsExactlyInAnyOrder("colour", "group", "role", "tenants[0]");

        ApiClient.Answer rules = admin.postJson("/api/v2/group-mappings", "{\"group\": \"  \", \"role\":"
                + " \"TENANT_OPERATOR\"}");
        assertThat(rules.status()).isEqualTo(422);
        assertThat(paths(rules.json())).containsExactlyInAnyOrder("group", "tenants");

        ApiClient.Answer adminWithTenants = admin.postJson("/api/v2/group-mappings", "{\"group\": \"api-gm-x\","
                + " \"role\": \"PLATFORM_ADMIN\", \"tenants\": [\"" + f.tenant("team-a") + "\"]}");
        assertThat(adminWithTenants.status()).isEqualTo(422);
        assertThat(paths(adminWithTenants.json())).containsExactly("tenants");
        assertThat(groups(admin.get("/api/v2/group-mappings").json())).doesNotContain("api-gm-x", "  ");
    }

    @Test
    void anIdThatIsNotANumberIsTheCallersMistakeNamedByItsParameter() {
        ApiClient.Answer changed = admin.putJson("/api/v2/group-mappings/abc", "{\"group\": \"api-gm-x\","
                + " \"role\": \"PLATFORM_ADMIN\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(400);
        assertThat(changed.json().get("detail").asString()).isEqualTo("parameter id must be a number, not \"abc\"");
        assertThat(paths(changed.json())).containsExactly("id");
        assertThat(admin.get("/api/v2/group-mappings/abc").status()).isEqualTo(400);
        assertThat(groups(admin.get("/api/v2/group-mappings").json())).doesNotContain("api-gm-x");
    }

    @Test
    void onlyAdminsSeeOrChangeRules() {
        assertThat(opA.get("/api/v2/group-mappings").status()).isEqualTo(403);
        assertThat(opA.postJson("/api/v2/group-mappings", "{\"group\": \"api-gm-op\", \"role\": \"PLATFORM_ADMIN\"}")
                .status()).isEqualTo(403);
        assertThat(groups(admin.get("/api/v2/group-mappings").json())).doesNotContain("api-gm-op");
        assertThat(ApiClient.anonymous(port).get("/api/v2/group-mappings").status()).isEqualTo(401);
    }

    private static List<String> groups(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("groupMappings").forEach(m -> names.add(m.get("group").asString()));
        return names;
    }

    private static List<String> paths(JsonNode problem) {
        List<String> paths = new ArrayList<>();
        problem.get("violations").forEach(v -> paths.add(v.get("path").asString()));
        return paths;
    }
}
