package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ConfigSchemaService;
import tools.jackson.databind.JsonNode;

/**
 * The config schema over REST and apply (issue #19): its own document kind, PUT of the document or
 * its spec, refusals with the path (and line) of each problem, extensions and gateway overrides
 * refused against it in apply, dry run included, and the export that carries both kinds.
 */
class ConfigSchemaApiTest extends ApiTestBase {

    static final String SCHEMA_DOC = """
            apiVersion: console.wasmconsole.org/v1
            kind: ExtensionConfigSchema
            metadata: {organization: %s, name: %s}
            spec:
              schema:
                type: object
                required: [limit]
                properties:
                  limit: {type: integer, minimum: 1}
                  header: {type: string}
            """;

    @Autowired
    ConfigSchemaService schemas;

    @Override
    String organization() {
        return "api-config-schema";
    }

    String path(String name) {
        return f.extensions() + "/" + name + "/configschema";
    }

    void extension(String name, String configJson) {
        asSystem(() -> extensions.create(f.extension(name, List.of()).toBuilder()
                .config(configJson == null ? null : ApiClient.JSON.readTree(configJson)).build()));
    }

    String extensionDoc(String name, String config) {
        return "---\napiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata: {organization: " + f.org
                + ", name: " + name + "}\nspec:\n  url: oci://docker.io/example/" + name + ":1.0\n  config: " + config
                + "\n";
    }

    @Test
    void putTheDocumentGetItBackAndDeleteIt() {
        extension("limiter", "{\"limit\": 5}");
        assertThat(admin.get(path("limiter")).status()).isEqualTo(404);

        ApiClient.Answer put = admin.putYaml(path("limiter"), SCHEMA_DOC.formatted(f.org, "limiter"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.header("ETag")).isEqualTo(asSystem(() -> extensions.get(f.org, "limiter")).etag());

        ApiClient.Answer got = admin.yaml().get(path("limiter"));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).contains("kind: ExtensionConfigSchema").contains("minimum: 1");
        assertThat(opA.get(path("limiter")).json().get("spec").get("schema").get("required").get(0).asString())
                .isEqualTo("limit");
        // The TSB document stays TSB's: no trace of the schema in it.
        assertThat(admin.yaml().get(f.extensions() + "/limiter").body()).doesNotContain("minimum")
                .doesNotContain("console.wasmconsole.org");

        assertThat(opA.delete(path("limiter")).status()).isEqualTo(403);
        assertThat(admin.delete(path("limiter")).status()).isEqualTo(204);
        assertThat(admin.get(path("limiter")).status()).isEqualTo(404);
        assertThat(admin.delete(path("limiter")).status()).isEqualTo(404);
    }

    @Test
    void putTakesJustTheSpecToo() {
        extension("spec-only", null);
        ApiClient.Answer put = admin.putJson(path("spec-only"),
                "{\"schema\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("metadata").get("name").asString()).isEqualTo("spec-only");
        assertThat(opA.putJson(path("spec-only"), "{\"schema\": {\"type\": \"object\"}}").status()).isEqualTo(403);
    }

    @Test
    void anInvalidSchemaIs422WithThePathAndLineOfEachProblem() {
        extension("bad-schema", null);
        String doc = SCHEMA_DOC.formatted(f.org, "bad-schema").replace("{type: integer, minimum: 1}",
                "{type: integr, minimum: 1}").replace("header: {type: string}", "header: {$ref: 'https://evil.example/x'}");
        ApiClient.Answer put = admin.putYaml(path("bad-schema"), doc);
        assertThat(put.status()).as(put.body()).isEqualTo(422);
        JsonNode violations = put.json().get("violations");
        assertThat(violations.findValuesAsString("path")).containsExactlyInAnyOrder(
                "spec.schema.properties.limit.type", "spec.schema.properties.header.$ref");
        assertThat(violations.findValues("line").stream().map(JsonNode::asInt).toList()).containsExactlyInAnyOrder(9, 10);
        assertThat(admin.get(path("bad-schema")).status()).isEqualTo(404);
    }

    @Test
    void aBadConfigIsRefusedByPutOfTheExtensionWithItsPath() {
        extension("guarded", "{\"limit\": 5}");
        assertThat(admin.putYaml(path("guarded"), SCHEMA_DOC.formatted(f.org, "guarded")).status()).isEqualTo(200);
        String etag = asSystem(() -> extensions.get(f.org, "guarded")).etag();
        ApiClient.Answer put = admin.header("If-Match", etag).putYaml(f.extensions() + "/guarded",
                extensionDoc("guarded", "{limit: many, header: x}").substring(4));
        assertThat(put.status()).as(put.body()).isEqualTo(422);
        JsonNode violation = put.json().get("violations").get(0);
        assertThat(violation.get("path").asString()).isEqualTo("spec.config.limit");
        assertThat(violation.get("message").asString()).contains("whole number");
        assertThat(violation.get("line").asInt()).isEqualTo(6);
        assertThat(asSystem(() -> extensions.get(f.org, "guarded")).etag()).isEqualTo(etag);
    }

    @Test
    void applyCreatesAnExtensionWithItsSchemaAndChecksTheConfigAgainstIt() {
        String bad = SCHEMA_DOC.formatted(f.org, "applied") + extensionDoc("applied", "{header: x}");
        for (boolean dryRun : new boolean[] {true, false}) {
            ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=" + dryRun, "---\n" + bad);
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            JsonNode ext = answer.json().get("report").get("documents").get(1);
            assertThat(ext.get("outcome").asString()).isEqualTo("error");
            assertThat(ext.get("problems").get(0).get("path").asString()).isEqualTo("spec.config.limit");
            assertThat(ext.get("problems").get(0).get("line").asInt()).isEqualTo(11 + 7);
            assertThat(asSystem(() -> extensions.find(f.org, "applied"))).isEmpty();
        }

        String good = "---\n" + SCHEMA_DOC.formatted(f.org, "applied") + extensionDoc("applied", "{limit: 3}");
        ApiClient.Answer dry = admin.postYaml("/api/v2/apply?dryRun=true", good);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(asSystem(() -> extensions.find(f.org, "applied"))).isEmpty();
        ApiClient.Answer applied = admin.postYaml("/api/v2/apply", good);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("documents").findValuesAsString("outcome")).containsExactly("created", "created");
        assertThat(asSystem(() -> schemas.find(f.org, "applied"))).isPresent();
        assertThat(admin.postYaml("/api/v2/apply", good).json().get("documents").findValuesAsString("outcome"))
                .containsExactly("unchanged", "unchanged");

        // The export carries both kinds on request, and applies again unchanged.
        String export = admin.yaml().get(f.extensions() + "?configSchemas=true&q=applied").body();
        assertThat(export).contains("kind: WasmExtension").contains("kind: ExtensionConfigSchema");
        assertThat(admin.yaml().get(f.extensions() + "?q=applied").body()).doesNotContain("ExtensionConfigSchema");
        assertThat(admin.postYaml("/api/v2/apply", export).json().get("documents").findValuesAsString("outcome"))
                .containsExactly("unchanged", "unchanged");
    }

    @Test
    void aSchemaForAnExtensionThatDoesNotExistIsAnErrorEntry() {
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", SCHEMA_DOC.formatted(f.org, "nosuch"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode problem = answer.json().get("report").get("documents").get(0).get("problems").get(0);
        assertThat(problem.get("path").asString()).isEqualTo("metadata.name");
        assertThat(problem.get("message").asString()).contains("create the extension first");
    }

    @Test
    void applyRefusesAGatewayOverrideThatBreaksTheSchemaAtItsPath() {
        extension("gw-checked", "{\"limit\": 5}");
        assertThat(admin.putYaml(path("gw-checked"), SCHEMA_DOC.formatted(f.org, "gw-checked")).status())
                .isEqualTo(200);
        String stream = """
                ---
                apiVersion: api.tsb.tetrate.io/v2
                kind: Workspace
                metadata: {organization: %1$s, tenant: team-a, name: schema-ws}
                ---
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: Group
                metadata: {organization: %1$s, tenant: team-a, workspace: schema-ws, name: g}
                ---
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: IngressGateway
                metadata: {organization: %1$s, tenant: team-a, workspace: schema-ws, group: g, name: gw}
                spec:
                  workloadSelector: {namespace: payments, labels: {app: gw}}
                  extension:
                  - fqn: organizations/%1$s/extensions/gw-checked
                    config:
                      header: 7
                """.formatted(f.org);
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", stream);
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode problems = answer.json().get("report").get("documents").get(2).get("problems");
        assertThat(problems.findValuesAsString("path")).containsExactlyInAnyOrder("spec.extension[0].config.header",
                "spec.extension[0].config.limit");
        assertThat(admin.get(f.extensions() + "/gw-checked/attachments").json().get("attachments")).isEmpty();
    }
}
