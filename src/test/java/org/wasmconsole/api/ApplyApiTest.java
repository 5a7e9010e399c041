package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.StoredExtension;
import tools.jackson.databind.JsonNode;

/** POST /api/v2/apply: dry run, created / updated with a diff / unchanged, all or nothing, roles. */
class ApplyApiTest extends ApiTestBase {

    @Override
    String organization() {
        return "api-apply";
    }

    String extension(String org, String name, String specExtra) {
        return """
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: %s
                  name: %s
                spec:
                  url: oci://docker.io/example/%s:1.0
                %s""".formatted(org, name, name, specExtra);
    }

    String tenant(String name, String displayName) {
        return "---\napiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata:\n  organization: " + f.org
                + "\n  name: " + name + "\nspec:\n  displayName: " + displayName + "\n";
    }

    long count(String org) {
        return asSystem(() -> extensions.count(ExtensionFilter.all(org)));
    }

    StoredExtension stored(String name) {
        return asSystem(() -> extensions.find(f.org, name)).orElse(null);
    }

    static JsonNode document(JsonNode report, int number) {
        return report.get("documents").get(number - 1);
    }

    @Test
    void aDryRunReportsEachDocumentAndSavesNothing() {
        String stream = tenant("dry-tenant", "Dry") + extension(f.org, "dry-new", "  allowedIn: ["
                + f.tenant("dry-tenant") + "]\n") + extension(f.org, "open", "  priority: 9\n")
                + extension(f.org, "only-a", "  allowedIn: [" + f.tenant("team-a") + "]\n");
        long before = count(f.org);

        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", stream);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode report = answer.json();
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(document(report, 1).get("outcome").asString()).isEqualTo("created");
        assertThat(document(report, 2).get("outcome").asString()).isEqualTo("created");
        JsonNode updated = document(report, 3);
        assertThat(updated.get("outcome").asString()).isEqualTo("updated");
        assertThat(updated.get("changes").get(0).get("path").asString()).isEqualTo("spec.priority");
        assertThat(updated.get("changes").get(0).get("before").asString()).isEqualTo("0");
        assertThat(updated.get("changes").get(0).get("after").asString()).isEqualTo("9");
        assertThat(document(report, 4).get("outcome").asString()).isEqualTo("unchanged");
        assertThat(report.get("summary").get("created").asInt()).isEqualTo(2);

        assertThat(count(f.org)).isEqualTo(before);
        assertThat(stored("dry-new")).isNull();
        assertThat(stored("open").definition().priority()).isZero();
        assertThat(asSystem(() -> tenants.find(f.org, "dry-tenant"))).isEmpty();
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIsRefusedAndNothingIsApplied() {
        long before = count(f.org);
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=maybe", extension(f.org, "maybe-new", ""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).isEqualTo("parameter dryRun must be true or false, not \"maybe\"");
        assertThat(count(f.org)).isEqualTo(before);
    }

    @Test
    void applyCreatesUpdatesWithAFieldDiffAndLeavesTheUnchangedAlone() {
        String first = extension(f.org, "applied", "  vmConfig:\n    env:\n    - name: LEVEL\n      value: info\n");
        ApiClient.Answer created = admin.postYaml("/api/v2/apply", first);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("applied").asBoolean()).isTrue();
        String etag = stored("applied").etag();

        JsonNode again = admin.postYaml("/api/v2/apply", first).json();
        assertThat(document(again, 1).get("outcome").asString()).isEqualTo("unchanged");
        assertThat(stored("applied").etag()).isEqualTo(etag);

        ApiClient.Answer updated = admin.postYaml("/api/v2/apply", first.replace("value: info", "value: trace")
                + "  phase: AUTHN\n");
        JsonNode changes = document(updated.json(), 1).get("changes");
        assertThat(changes.findValuesAsString("path")).containsExactly("spec.phase", "spec.vmConfig.env[0].value");
        assertThat(stored("applied").definition().env().getFirst().value()).isEqualTo("trace");
        assertThat(stored("applied").etag()).isNotEqualTo(etag);
    }

    @Test
    void aStaleEtagIsAConflictAndNothingOfTheStreamIsSaved() {
        asSystem(() -> extensions.create(f.extension("etagged", List.of())));
        String stream = extension(f.org, "conflict-new", "") + extension(f.org, "etagged",
                "  priority: 5\n  etag: '\"stale\"'\n");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply", stream);
        assertThat(answer.status()).isEqualTo(409);
        JsonNode problem = answer.json();
        assertThat(problem.get("violations").get(0).get("path").asString()).isEqualTo("spec.etag");
        assertThat(problem.get("violations").get(0).get("document").asInt()).isEqualTo(2);
        assertThat(problem.get("report").get("applied").asBoolean()).isFalse();
        assertThat(document(problem.get("report"), 1).get("outcome").asString()).isEqualTo("created");
        assertThat(stored("conflict-new")).isNull();
        assertThat(stored("etagged").definition().priority()).isZero();

        String current = stored("etagged").etag();
        ApiClient.Answer fresh = admin.postYaml("/api/v2/apply", extension(f.org, "etagged", "  priority: 5\n  etag: '"
                + current + "'\n"));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(stored("etagged").definition().priority()).isEqualTo(5);
    }

    /** Issue #16: a document of the wrong shape is still checked by the rules: every problem at once, status 400. */
    @Test
    void aBadlyShapedDocumentReportsItsRuleProblemsToo() {
        String doc = extension(f.org, "Not_A_Name", "  priority: abc\n")
                .replace("oci://docker.io/example/Not_A_Name:1.0", "ftp://example.com/filter.wasm");
        ApiClient.Answer refused = admin.postYaml("/api/v2/apply?dryRun=true", doc);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("violations").findValuesAsString("path"))
                .containsExactlyInAnyOrder("spec.priority", "metadata.name", "spec.url");
        assertThat(stored("Not_A_Name")).isNull();
    }

    @Test
    void aThousandDocumentsWithOneBadInTheMiddleSaveNothingAndWithoutItSaveAll() {
        asSystem(() -> tenants.createOrganization("api-bulk", null));
        StringBuilder bad = new StringBuilder();
        StringBuilder good = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            String doc = extension("api-bulk", "bulk-" + i, "  priority: " + i + "\n");
            good.append(doc);
            bad.append(i == 500 ? doc.replace("priority: 500", "priority: [not, a, number]") : doc);
        }
        ApiClient.Answer refused = admin.postYaml("/api/v2/apply", bad.toString());
        assertThat(refused.status()).isEqualTo(400);
        JsonNode violation = refused.json().get("violations").get(0);
        assertThat(violation.get("document").asInt()).isEqualTo(501);
        assertThat(violation.get("path").asString()).isEqualTo("spec.priority");
        assertThat(violation.get("line").asInt()).isEqualTo(500 * 9 + 9);
        assertThat(refused.json().get("report").get("summary").get("created").asInt()).isEqualTo(999);
        assertThat(count("api-bulk")).isZero();

        ApiClient.Answer applied = admin.postYaml("/api/v2/apply", good.toString());
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().get("summary").get("created").asInt()).isEqualTo(1000);
        assertThat(count("api-bulk")).isEqualTo(1000);
        assertThat(asSystem(() -> extensions.get("api-bulk", "bulk-999")).definition().priority()).isEqualTo(999);
    }

    @Test
    void anExportAppliedToAnEmptyOrganizationRecreatesItExactly() {
        String export = admin.yaml().get(f.extensions()).body();
        asSystem(() -> tenants.createOrganization("api-copy", null));
        asSystem(() -> tenants.create("api-copy", "team-a", "Team A"));
        asSystem(() -> tenants.create("api-copy", "team-b", null));
        String copy = export.replace("organization: " + f.org, "organization: api-copy")
                .replace("organizations/" + f.org + "/", "organizations/api-copy/");

        ApiClient.Answer answer = admin.postYaml("/api/v2/apply", copy);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("summary").get("created").asLong()).isEqualTo(count(f.org));
        assertThat(answer.json().get("documents").get(0).get("warnings").get(0).asString())
                .contains("spec.etag was ignored");
        for (String name : List.of("open", "only-a", "only-b", "a-and-b")) {
            ExtensionDefinition original = stored(name).definition();
            ExtensionDefinition copied = asSystem(() -> extensions.get("api-copy", name)).definition();
            assertThat(copied.toBuilder().organization(f.org).allowedIn(original.allowedIn()).build())
                    .isEqualTo(original);
            assertThat(copied.allowedIn()).isEqualTo(original.allowedIn().stream()
                    .map(t -> t.replace(f.org, "api-copy")).toList());
        }
    }

    @Test
    void theDeprecatedImageFieldIsConvertedWithAWarning() {
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply", extension(f.org, "imaged", "")
                .replace("url: oci://docker.io/example/imaged:1.0", "image: docker.io/example/imaged:1.0"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(document(answer.json(), 1).get("warnings").get(0).asString()).contains("spec.image is deprecated");
        assertThat(stored("imaged").definition().url()).isEqualTo("oci://docker.io/example/imaged:1.0");
    }

    @Test
    void onlyAdminsApply() {
        String stream = extension(f.org, "by-operator", "");
        assertThat(ApiClient.as(port, f.opA, ApiFixture.PASSWORD).postYaml("/api/v2/apply", stream).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).postYaml("/api/v2/apply", stream).status()).isEqualTo(401);
        assertThat(stored("by-operator")).isNull();
    }

    @Test
    void theReportComesInYamlWhenAskedFor() {
        ApiClient.Answer answer = admin.yaml().postYaml("/api/v2/apply?dryRun=true", extension(f.org, "yaml-report", ""));
        assertThat(answer.header("Content-Type")).startsWith("application/yaml");
        assertThat(answer.body()).contains("dryRun: true", "outcome: created", "fqn: organizations/" + f.org
                + "/extensions/yaml-report");
    }
}
