package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.StoredExtension;
import tools.jackson.databind.JsonNode;

/** The extension endpoints: every status, JSON and YAML, as an admin, each operator and anonymous. */
class ExtensionApiTest extends ApiTestBase {

    @Override
    String organization() {
        return "api-ext";
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("extensions").forEach(d -> names.add(d.get("metadata").get("name").asString()));
        return names;
    }

    static List<String> yamlNames(String stream) {
        return stream.lines().filter(l -> l.startsWith("  name: ")).map(l -> l.substring(8)).toList();
    }

    StoredExtension stored(String name) {
        return asSystem(() -> extensions.find(f.org, name)).orElse(null);
    }

    String doc(String name, String specExtra) {
        return """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: %s
                  name: %s
                spec:
                  url: oci://docker.io/example/%s:2.0
                %s""".formatted(f.org, name, name, specExtra.isEmpty() ? "" : "  " + specExtra + "\n");
    }

    @Test
    void listsWhatEachCallerMaySeeInJsonAndYaml() {
        // other tests of this class add extensions open to all tenants
        assertThat(names(admin.get(f.extensions()).json())).contains("open", "only-a", "only-b", "a-and-b");
        assertThat(names(opA.get(f.extensions()).json())).contains("open", "only-a", "a-and-b").doesNotContain("only-b");
        assertThat(names(opB.get(f.extensions()).json())).contains("open", "only-b", "a-and-b").doesNotContain("only-a");

        ApiClient.Answer yaml = opA.yaml().get(f.extensions());
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body().lines().filter("---"::equals)).hasSize(yamlNames(yaml.body()).size());
        assertThat(yamlNames(yaml.body())).contains("open", "only-a", "a-and-b").doesNotContain("only-b");
        assertThat(yaml.body()).contains("etag: ", "fqn: organizations/" + f.org + "/extensions/open");
    }

    @Test
    void listFiltersByTenantPhaseAndTextAndRefusesAnUnknownPhase() {
        assertThat(names(admin.get(f.extensions() + "?tenant=team-b").json()))
                .contains("open", "only-b", "a-and-b").doesNotContain("only-a");
        assertThat(names(admin.get(f.extensions() + "?tenant=" + f.tenant("team-a")).json()))
                .contains("open", "only-a", "a-and-b").doesNotContain("only-b");
        assertThat(names(admin.get(f.extensions() + "?q=only").json())).containsExactlyInAnyOrder("only-a", "only-b");
        assertThat(names(admin.get(f.extensions() + "?phase=AUTHN").json())).isEmpty();
        assertThat(names(admin.get(f.extensions() + "?phase=UNSPECIFIED_PHASE&q=open").json())).containsExactly("open");

        ApiClient.Answer bad = admin.get(f.extensions() + "?phase=LOGGING");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("violations").get(0).get("path").asString()).isEqualTo("phase");
    }

    @Test
    void getAnswersTheDocumentWithItsEtagAndNotModified() {
        ApiClient.Answer one = opA.get(f.extensions() + "/only-a");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("ETag")).isEqualTo(stored("only-a").etag());
        assertThat(one.json().get("spec").get("etag").asString()).isEqualTo(one.header("ETag"));
        assertThat(one.json().get("spec").get("allowedIn").get(0).asString()).isEqualTo(f.tenant("team-a"));

        ApiClient.Answer yaml = opA.yaml().get(f.extensions() + "/only-a");
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("---\napiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n");

        assertThat(opA.header("If-None-Match", one.header("ETag")).get(f.extensions() + "/only-a").status())
                .isEqualTo(304);
    }

    @Test
    void whatACallerMayNotSeeIsNotFoundLikeWhatDoesNotExist() {
        ApiClient.Answer hidden = opB.get(f.extensions() + "/only-a");
        ApiClient.Answer missing = opB.get(f.extensions() + "/nothing-here");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(hidden.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        assertThat(admin.get("/api/v2/organizations/no-such-org/extensions").status()).isEqualTo(404);
        assertThat(admin.get("/api/v2/no-such-endpoint").status()).isEqualTo(404);
        assertThat(admin.get("/api/v2/no-such-endpoint").header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anonymousAndWrongPasswordsAreUnauthorized() {
        ApiClient.Answer anonymous = ApiClient.anonymous(port).get(f.extensions());
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(anonymous.json().get("status").asInt()).isEqualTo(401);
        assertThat(ApiClient.as(port, f.opA, "wrong-password-123").get(f.extensions()).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).postJson(f.extensions(), "{}").status()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForTheApiToo() {
        String user = f.org + "-locked";
        asSystem(() -> users.create(user, ApiFixture.PASSWORD, org.wasmconsole.security.Role.TENANT_OPERATOR,
                java.util.Set.of(tenants.get(f.org, "team-a").id())));
        for (int i = 0; i < 5; i++) {
            assertThat(ApiClient.as(port, user, "not-the-password-" + i).get(f.extensions()).status()).isEqualTo(401);
        }
        assertThat(ApiClient.as(port, user, ApiFixture.PASSWORD).get(f.extensions()).status()).isEqualTo(401);
        assertThat(ApiClient.as(port, f.opA, ApiFixture.PASSWORD).get(f.extensions()).status()).isEqualTo(200);
    }

    @Test
    void operatorsCannotWrite() {
        assertThat(opA.postYaml(f.extensions(), doc("op-made", "")).status()).isEqualTo(403);
        assertThat(opA.putYaml(f.extensions() + "/only-a", doc("only-a", "priority: 5"))).extracting(
                ApiClient.Answer::status).isEqualTo(403);
        assertThat(opA.delete(f.extensions() + "/only-a").status()).isEqualTo(403);
        assertThat(stored("op-made")).isNull();
        assertThat(stored("only-a").definition().priority()).isZero();
    }

    @Test
    void createFromJsonAnswers201WithLocationEtagAndTheStoredDocument() {
        String json = """
                {"apiVersion": "extension.tsb.tetrate.io/v2", "kind": "WasmExtension",
                 "metadata": {"name": "from-json"},
                 "spec": {"url": "oci://docker.io/example/from-json:1.0", "phase": "AUTHN", "priority": 7,
                          "config": {"header": "x-team"}, "vmConfig": {"env": [{"name": "LEVEL", "value": "debug"}]}}}""";
        ApiClient.Answer created = admin.postJson(f.extensions(), json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(f.extensions() + "/from-json");
        assertThat(created.header("ETag")).isEqualTo(stored("from-json").etag());
        assertThat(created.json().get("metadata").get("organization").asString()).isEqualTo(f.org);
        assertThat(stored("from-json").definition().priority()).isEqualTo(7);
        assertThat(stored("from-json").definition().env().getFirst().value()).isEqualTo("debug");

        ApiClient.Answer again = admin.postJson(f.extensions(), json);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("violations").get(0).get("path").asString()).isEqualTo("metadata.name");
    }

    @Test
    void createFromYamlAnswersYamlAndWarnsOfTheDeprecatedImageField() {
        String yaml = doc("from-yaml", "").replace("url: oci://docker.io/example/from-yaml:2.0",
                "image: docker.io/example/from-yaml:2.0");
        ApiClient.Answer created = admin.yaml().postYaml(f.extensions(), yaml);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Content-Type")).startsWith("application/yaml");
        assertThat(created.body()).contains("url: oci://docker.io/example/from-yaml:2.0");
        assertThat(created.header("Warning")).startsWith("299 - \"spec.image is deprecated");
        assertThat(stored("from-yaml").definition().url()).isEqualTo("oci://docker.io/example/from-yaml:2.0");
    }

    @Test
    void aBrokenRuleIs422WithItsPathAndYamlLineAndNothingIsSaved() {
        String yaml = doc("rule-broken", "vmConfig:\n    env:\n    - name: A\n      value: x\n    - name: A\n      value: y");
        ApiClient.Answer refused = admin.postYaml(f.extensions(), yaml);
        assertThat(refused.status()).isEqualTo(422);
        JsonNode violation = refused.json().get("violations").get(0);
        assertThat(violation.get("path").asString()).isEqualTo("spec.vmConfig.env[1].name");
        // the second "- name: A", the one that repeats the first
        assertThat(violation.get("line").asInt()).isEqualTo(yaml.lines().toList().lastIndexOf("    - name: A") + 1);
        assertThat(violation.get("document").asInt()).isEqualTo(1);
        assertThat(stored("rule-broken")).isNull();

        ApiClient.Answer json = admin.postJson(f.extensions(), "{\"apiVersion\": \"extension.tsb.tetrate.io/v2\","
                + " \"kind\": \"WasmExtension\", \"metadata\": {\"name\": \"Bad Name\"}, \"spec\": {\"url\": \"x\"}}");
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.json().get("violations").findValuesAsString("path")).contains("metadata.name", "spec.url");
        assertThat(json.json().get("violations").get(0).has("line")).isFalse();
    }

    @Test
    void malformedBodiesAre400() {
        assertThat(admin.postJson(f.extensions(), "{\"apiVersion\": ").status()).isEqualTo(400);
        assertThat(admin.postJson(f.extensions(), "").status()).isEqualTo(400);
        ApiClient.Answer unknownField = admin.postYaml(f.extensions(), doc("typo", "urll: x"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("violations").get(0).get("path").asString()).isEqualTo("spec.urll");
        ApiClient.Answer two = admin.postYaml(f.extensions(), doc("one", "") + "---\n" + doc("two", ""));
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().get("detail").asString()).contains("/api/v2/apply");
        assertThat(stored("one")).isNull();
    }

    @Test
    void theBodyMustNameThePathsOrganizationAndExtension() {
        ApiClient.Answer otherOrg = admin.postYaml(f.extensions(), doc("elsewhere", "").replace("organization: "
                + f.org, "organization: tse"));
        assertThat(otherOrg.status()).isEqualTo(422);
        assertThat(otherOrg.json().get("violations").get(0).get("path").asString()).isEqualTo("metadata.organization");
        ApiClient.Answer renamed = admin.header("If-Match", stored("open").etag())
                .putYaml(f.extensions() + "/open", doc("renamed", ""));
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.json().get("violations").get(0).get("path").asString()).isEqualTo("metadata.name");
        assertThat(stored("elsewhere")).isNull();
    }

    @Test
    void replaceNeedsTheCurrentEtagFromIfMatchOrTheDocument() {
        asSystem(() -> extensions.create(f.extension("to-replace", List.of())));
        String etag = stored("to-replace").etag();

        ApiClient.Answer noEtag = admin.putYaml(f.extensions() + "/to-replace", doc("to-replace", "priority: 1"));
        assertThat(noEtag.status()).isEqualTo(428);

        ApiClient.Answer viaHeader = admin.header("If-Match", etag).putYaml(f.extensions() + "/to-replace",
                doc("to-replace", "priority: 1"));
        assertThat(viaHeader.status()).as(viaHeader.body()).isEqualTo(200);
        String second = viaHeader.header("ETag");
        assertThat(second).isNotEqualTo(etag).isEqualTo(stored("to-replace").etag());
        assertThat(stored("to-replace").definition().priority()).isEqualTo(1);

        ApiClient.Answer stale = admin.header("If-Match", etag).putYaml(f.extensions() + "/to-replace",
                doc("to-replace", "priority: 2"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("violations").get(0).get("path").asString()).isEqualTo("spec.etag");
        assertThat(stored("to-replace").definition().priority()).isEqualTo(1);

        ApiClient.Answer viaDocument = admin.putYaml(f.extensions() + "/to-replace",
                doc("to-replace", "priority: 3") + "  etag: '" + second + "'\n");
        assertThat(viaDocument.status()).as(viaDocument.body()).isEqualTo(200);
        assertThat(stored("to-replace").definition().priority()).isEqualTo(3);

        assertThat(admin.header("If-Match", second).putYaml(f.extensions() + "/never-was", doc("never-was", ""))
                .status()).isEqualTo(404);
        assertThat(opB.header("If-Match", stored("only-a").etag()).putYaml(f.extensions() + "/only-a",
                doc("only-a", "")).status()).isEqualTo(403);
    }

    @Test
    void deleteAnswers204AndRefusesAStaleIfMatch() {
        asSystem(() -> extensions.create(f.extension("to-delete", List.of())));
        ApiClient.Answer stale = admin.header("If-Match", "\"stale\"").delete(f.extensions() + "/to-delete");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stored("to-delete")).isNotNull();

        assertThat(admin.header("If-Match", stored("to-delete").etag()).delete(f.extensions() + "/to-delete")
                .status()).isEqualTo(204);
        assertThat(stored("to-delete")).isNull();
        assertThat(admin.delete(f.extensions() + "/to-delete").status()).isEqualTo(404);
    }
}
