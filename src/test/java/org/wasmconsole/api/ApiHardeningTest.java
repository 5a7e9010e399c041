package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.ConsoleTest;

/**
 * What a hostile or sloppy client gets: strict encodings (malformed UTF-8, other charsets, NUL and
 * control characters) and the right statuses (415, 405 with Allow, 400 for a refused path, 409 for
 * an existing name, If-Match: *).
 */
class ApiHardeningTest extends ApiTestBase {

    @Override
    String organization() {
        return "api-hard";
    }

    String doc(String name, String metadataExtra) {
        return """
                {"apiVersion": "extension.tsb.tetrate.io/v2", "kind": "WasmExtension",
                 "metadata": {"organization": "%s", "name": "%s"%s},
                 "spec": {"url": "oci://docker.io/example/%s:1.0"}}""".formatted(f.org, name, metadataExtra, name);
    }

    ApiClient.Answer create(String name, String metadataExtra) {
        return admin.postJson(f.extensions(), doc(name, metadataExtra));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // --- encodings ---------------------------------------------------------------------------------

    @Test
    void aBodyThatIsNotUtf8IsRefusedWithTheOffsetOfTheFirstBadByte() {
        String before = "{\"apiVersion\": \"extension.tsb.tetrate.io/v2\", \"kind\": \"WasmExtension\","
                + " \"metadata\": {\"organization\": \"" + f.org + "\", \"name\": \"latin\", \"displayName\": \"Caf";
        byte[] body = concat(before.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "\"}, \"spec\": {\"url\": \"oci://docker.io/example/latin:1.0\"}}".getBytes(StandardCharsets.UTF_8));

        ApiClient.Answer answer = admin.sendBytes("POST", f.extensions(), "application/json", body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("not valid UTF-8", "0xE9",
                "offset " + before.length());
        assertThat(asSystem(() -> extensions.find(f.org, "latin"))).as("nothing stored").isEmpty();
    }

    @Test
    void aBodyDeclaredInAnotherCharsetIsRefusedNotGuessed() {
        ApiClient.Answer latin1 = admin.send("POST", f.extensions(), "application/json; charset=ISO-8859-1",
                doc("declared-latin", ""));
        ApiClient.Answer utf8 = admin.send("POST", f.extensions(), "application/json; charset=UTF-8",
                doc("declared-utf8", ""));

        assertThat(latin1.status()).as(latin1.toString()).isEqualTo(415);
        assertThat(latin1.json().get("detail").asString()).contains("charset=ISO-8859-1", "UTF-8");
        assertThat(utf8.status()).as(utf8.toString()).isEqualTo(201);
    }

    @Test
    void nulNeverReachesTheDatabase() {
        ApiClient.Answer json = admin.postJson(f.extensions(), """
                {"apiVersion": "extension.tsb.tetrate.io/v2", "kind": "WasmExtension",
                 "metadata": {"organization": "%s", "name": "nul-json"},
                 "spec": {"url": "oci://docker.io/example/nul:1.0", "config": {"a": ["ok", "x\\u0000y"]}}}"""
                .formatted(f.org));
        ApiClient.Answer yaml = admin.postYaml(f.extensions(), """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata: {organization: %s, name: nul-yaml}
                spec:
                  url: oci://docker.io/example/nul:1.0
                  description: "a\\0b"
                """.formatted(f.org));

        assertThat(json.status()).as(json.toString()).isEqualTo(400);
        assertThat(json.json().get("violations").get(0).get("path").asString()).isEqualTo("spec.config.a[1]");
        assertThat(json.json().get("violations").get(0).get("message").asString()).contains("U+0000");
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(400);
        assertThat(yaml.json().get("violations").get(0).get("path").asString()).isEqualTo("spec.description");
        assertThat(asSystem(() -> extensions.find(f.org, "nul-json"))).isEmpty();
        assertThat(asSystem(() -> extensions.find(f.org, "nul-yaml"))).isEmpty();
    }

    @Test
    void controlCharactersAndDirectionOverridesInNamesAndDescriptionsAreRefused() {
        ApiClient.Answer bell = create("ctl-bell", ", \"displayName\": \"Ring \\u0007 bell\"");
        ApiClient.Answer override = create("ctl-rlo", ", \"description\": \"safe \\u202Eexe.txt\"");
        ApiClient.Answer escape = admin.postJson("/api/v2/organizations/" + f.org + "/tenants",
                "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\": \"Tenant\", \"metadata\": {\"name\": \"ctl-esc\"},"
                        + " \"spec\": {\"displayName\": \"\\u001b[31mred\"}}");

        assertThat(bell.status()).as(bell.toString()).isEqualTo(422);
        // metadata.displayName is read as the older spelling of TSB's spec.displayName (issue #18), checked there.
        assertThat(bell.json().get("violations").get(0).get("path").asString()).isEqualTo("spec.displayName");
        assertThat(bell.json().get("violations").get(0).get("message").asString())
                .isEqualTo("contains the control character U+0007 at character 6; remove it");
        assertThat(override.status()).as(override.toString()).isEqualTo(422);
        assertThat(override.json().get("violations").get(0).get("message").asString())
                .contains("text-direction control U+202E");
        assertThat(escape.status()).as(escape.toString()).isEqualTo(422);
    }

    // --- statuses ----------------------------------------------------------------------------------

    @Test
    void anUnsupportedContentTypeIs415AndAnUnsupportedMethod405WithAllow() {
        ApiClient.Answer xml = admin.send("POST", f.extensions(), "application/xml", "<extension/>");
        ApiClient.Answer patch = admin.send("PATCH", f.extensions(), "application/json", "{}");
        ApiClient.Answer unknown = admin.get("/api/v2/nothing-here");

        assertThat(xml.status()).as(xml.toString()).isEqualTo(415);
        assertThat(xml.header("Content-Type")).startsWith("application/problem+json");
        assertThat(patch.status()).as(patch.toString()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("GET, HEAD, POST");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aSemicolonInAnApiPathIsA400ProblemNotTheLoginPage() {
        ApiClient.Answer answer = admin.get("/api/v2/organizations/" + f.org + "/extensions;jsessionid=x");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Location")).isNull();
    }

    @Test
    void anExistingTenantOrUserNameIsAConflict() {
        String tenant = "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\": \"Tenant\", \"metadata\": {\"name\": \"twice\"}}";
        assertThat(admin.postJson("/api/v2/organizations/" + f.org + "/tenants", tenant).status()).isEqualTo(201);
        ApiClient.Answer again = admin.postJson("/api/v2/organizations/" + f.org + "/tenants", tenant);
        String user = "{\"name\": \"hard-twice\", \"password\": \"a-long-password-1\", \"role\": \"PLATFORM_ADMIN\"}";
        assertThat(admin.postJson("/api/v2/users", user).status()).isEqualTo(201);
        ApiClient.Answer userAgain = admin.postJson("/api/v2/users", user);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("violations").get(0).get("path").asString()).isEqualTo("metadata.name");
        assertThat(userAgain.status()).as(userAgain.toString()).isEqualTo(409);
    }

    @Test
    void ifMatchStarReplacesOrDeletesWhateverTheCurrentVersionIs() {
        assertThat(create("star", "").status()).isEqualTo(201);

        ApiClient.Answer replaced = admin.header("If-Match", "*").send("PUT", f.extensions() + "/star",
                "application/json", doc("star", ", \"displayName\": \"Star\""));
        ApiClient.Answer deleted = admin.header("If-Match", "*").delete(f.extensions() + "/star");

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(admin.header("If-Match", "*").delete(f.extensions() + "/star").status()).isEqualTo(404);
    }

    // --- operators and other tenants' names -------------------------------------------------------

    @Test
    void anOperatorLearnsNoOtherTenantsNames() {
        ApiClient.Answer shared = opA.get(f.extensions() + "/a-and-b");
        ApiClient.Answer exported = opA.yaml().get(f.extensions());
        ApiClient.Answer byOtherTenant = opA.get(f.extensions() + "?tenant=team-b");
        ApiClient.Answer byUnknownTenant = opA.get(f.extensions() + "?tenant=no-such-tenant");

        // allowedIn shows only the operator's own tenant; an admin sees both.
        assertThat(shared.json().get("spec").get("allowedIn").toString()).isEqualTo("[\"" + f.tenant("team-a") + "\"]");
        assertThat(admin.get(f.extensions() + "/a-and-b").json().get("spec").get("allowedIn").toString())
                .contains("team-a", "team-b");
        assertThat(exported.body()).contains("team-a").doesNotContain("team-b");
        // Filtering by a tenant that is not theirs answers as for one that does not exist.
        assertThat(byOtherTenant.body()).isEqualTo(byUnknownTenant.body());
        assertThat(ExtensionApiTest.names(byOtherTenant.json())).isEmpty();
        assertThat(ExtensionApiTest.names(opA.get(f.extensions() + "?tenant=team-a").json())).contains("open", "only-a");
    }
}
