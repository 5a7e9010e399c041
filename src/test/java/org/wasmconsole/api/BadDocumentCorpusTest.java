package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.JsonNode;

/**
 * Bad input through the apply endpoint: every rule of the spec broken at least once, malformed and
 * hostile YAML, wrong kinds, oversize input. Each case: the exact status, the field path among the
 * reported problems, and the database unchanged afterwards. The document also carries a valid
 * extension and tenant before the bad one, which must not be saved either.
 */
@ConsoleTest
class BadDocumentCorpusTest {

    @LocalServerPort
    int port;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;

    record Case(String name, int status, String path, String yaml) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String VALID_FIRST = """
            apiVersion: api.tsb.tetrate.io/v2
            kind: Tenant
            metadata: {organization: tse, name: corpus-tenant}
            ---
            apiVersion: extension.tsb.tetrate.io/v2
            kind: WasmExtension
            metadata: {organization: tse, name: corpus-valid}
            spec: {url: "oci://docker.io/example/valid:1.0"}
            ---
            """;

    static String ext(String metadata, String spec) {
        return "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata:\n"
                + (metadata.contains("organization:") ? "" : "  organization: tse\n")
                + (metadata.contains("name:") ? "" : "  name: corpus-bad\n") + indent(metadata)
                + "spec:\n" + (spec.contains("url:") ? "" : "  url: oci://docker.io/example/bad:1.0\n") + indent(spec);
    }

    static String indent(String lines) {
        return lines.isEmpty() ? "" : lines.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }

    static String env(String items) {
        return "vmConfig:\n  env:\n" + items.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    static Case rule(String name, String path, String metadata, String spec) {
        return new Case(name, 422, path, ext(metadata, spec));
    }

    static Case shape(String name, String path, String yaml) {
        return new Case(name, 400, path, yaml);
    }

    static Stream<Case> cases() {
        String longText = "x".repeat(2049);
        List<Case> c = new ArrayList<>(List.of(
                rule("name with capitals", "metadata.name", "name: Bad_Name", ""),
                rule("name too long", "metadata.name", "name: " + "a".repeat(64), ""),
                rule("name reserved", "metadata.name", "name: new", ""),
                rule("name empty", "metadata.name", "name: ''", ""),
                rule("name starting with a dash", "metadata.name", "name: -dash", ""),
                rule("display name too long", "spec.displayName", "", "displayName: " + "d".repeat(300)),
                rule("summary too long", "metadata.description", "description: " + "s".repeat(1025), ""),
                rule("url missing", "spec.url", "", "url: null"),
                rule("url with spaces", "spec.url", "", "url: oci://docker.io/a b:1"),
                rule("oci url without repository", "spec.url", "", "url: 'oci://'"),
                rule("http url without host", "spec.url", "", "url: 'http://'"),
                rule("relative file url", "spec.url", "", "url: file://relative/x.wasm"),
                rule("ftp url", "spec.url", "", "url: ftp://example.com/x.wasm"),
                rule("url without scheme or registry", "spec.url", "", "url: example/x:1"),
                rule("url too long", "spec.url", "", "url: https://example.com/" + longText),
                rule("source not a link", "spec.source", "", "source: ftp://example.com/code"),
                rule("source too long", "spec.source", "", "source: https://example.com/" + longText),
                rule("description over 64 KiB", "spec.description", "", "description: " + "m".repeat(66_000)),
                rule("config a list", "spec.config", "", "config: [1, 2]"),
                rule("config a string", "spec.config", "", "config: text"),
                rule("config over 64 KiB", "spec.config", "", "config: {big: " + "c".repeat(66_000) + "}"),
                rule("pull secret empty", "spec.imagePullSecret", "", "imagePullSecret: ''"),
                rule("pull secret on http url", "spec.imagePullSecret", "",
                        "url: https://example.com/x.wasm\nimagePullSecret: regcred"),
                rule("pull secret not a secret name", "spec.imagePullSecret", "", "imagePullSecret: Reg_Cred"),
                rule("too many env vars", "spec.vmConfig.env", "", env(manyEnv(257))),
                rule("env name missing", "spec.vmConfig.env[0].name", "", env("- {valueFrom: INLINE, value: x}")),
                rule("env name not a variable name", "spec.vmConfig.env[0].name", "", env("- {name: 1BAD, value: x}")),
                rule("env name too long", "spec.vmConfig.env[0].name", "", env("- {name: " + "N".repeat(300) + "}")),
                rule("env name twice", "spec.vmConfig.env[1].name", "", env("- {name: A, value: x}\n- {name: A, value: y}")),
                rule("env HOST with a value", "spec.vmConfig.env[0].value", "",
                        env("- {name: POD_IP, valueFrom: HOST, value: x}")),
                rule("env value too long", "spec.vmConfig.env[0].value", "", env("- {name: A, value: "
                        + "v".repeat(40_000) + "}")),
                rule("allowedIn not an fqn", "spec.allowedIn[0]", "", "allowedIn: [payments]"),
                rule("allowedIn other organization", "spec.allowedIn[0]", "",
                        "allowedIn: [organizations/other/tenants/payments]"),
                rule("allowedIn twice", "spec.allowedIn[1]", "",
                        "allowedIn: [organizations/tse/tenants/payments, organizations/tse/tenants/payments]"),
                rule("allowedIn unknown tenant", "spec.allowedIn[0]", "", "allowedIn: [organizations/tse/tenants/nope]"),
                rule("organization not a DNS label", "metadata.organization", "organization: Tse!\nname: corpus-bad", ""),
                rule("organization unknown", "metadata.organization", "organization: nosuchorg\nname: corpus-bad", ""),
                new Case("tenant name not a DNS label", 422, "metadata.name", """
                        apiVersion: api.tsb.tetrate.io/v2
                        kind: Tenant
                        metadata: {organization: tse, name: Bad Tenant}
                        """),
                new Case("tenant display name too long", 422, "spec.displayName", """
                        apiVersion: api.tsb.tetrate.io/v2
                        kind: Tenant
                        metadata: {organization: tse, name: corpus-long}
                        spec:
                          displayName: %s
                        """.formatted("t".repeat(300))),
                new Case("tenant of an unknown organization", 422, "metadata.organization", """
                        apiVersion: api.tsb.tetrate.io/v2
                        kind: Tenant
                        metadata: {organization: nosuchorg, name: corpus-t}
                        """),
                new Case("same extension twice", 422, "metadata.name", ext("name: corpus-twice", "") + "---\n"
                        + ext("name: corpus-twice", "priority: 2")),
                shape("wrong apiVersion", "apiVersion", ext("", "").replace("extension.tsb.tetrate.io/v2",
                        "extension.tsb.tetrate.io/v1")),
                shape("unknown kind", "kind", ext("", "").replace("kind: WasmExtension", "kind: Sidecar")),
                shape("no kind", "kind", ext("", "").replace("kind: WasmExtension\n", "")),
                shape("tenant with wrong apiVersion", "apiVersion",
                        "apiVersion: v1\nkind: Tenant\nmetadata: {organization: tse, name: corpus-t}\n"),
                shape("unknown top-level field", "status", ext("", "") + "status: {}\n"),
                shape("unknown metadata field", "metadata.namespace", ext("namespace: x", "")),
                shape("misspelt spec field", "spec.urll", ext("", "urll: oci://x/y:1")),
                shape("metadata a string", "metadata", "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"
                        + "metadata: corpus\nspec: {url: 'oci://docker.io/a/b:1'}\n"),
                shape("spec missing", "spec", "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"
                        + "metadata: {organization: tse, name: corpus-bad}\n"),
                shape("priority a word", "spec.priority", ext("", "priority: high")),
                shape("priority out of int32", "spec.priority", ext("", "priority: 3000000000")),
                shape("priority a fraction", "spec.priority", ext("", "priority: 1.5")),
                shape("phase unknown", "spec.phase", ext("", "phase: LOGGING")),
                shape("pull policy unknown", "spec.imagePullPolicy", ext("", "imagePullPolicy: Sometimes")),
                shape("match mode unknown", "spec.match.mode", ext("", "match: {mode: EVERYWHERE}")),
                shape("match unknown field", "spec.match.ports", ext("", "match: {ports: [80]}")),
                shape("env a mapping", "spec.vmConfig.env", ext("", "vmConfig: {env: {A: x}}")),
                shape("env item a string", "spec.vmConfig.env[0]", ext("", env("- A=x"))),
                shape("env valueFrom unknown", "spec.vmConfig.env[0].valueFrom", ext("", env("- {name: A, valueFrom: FILE}"))),
                shape("env item unknown field", "spec.vmConfig.env[0].secret", ext("", env("- {name: A, secret: s}"))),
                shape("allowedIn a string", "spec.allowedIn", ext("", "allowedIn: organizations/tse/tenants/payments")),
                shape("allowedIn item a number", "spec.allowedIn[0]", ext("", "allowedIn: [42]")),
                shape("name a number", "metadata.name", ext("name: 123", "")),
                shape("document a list", "", "- apiVersion: extension.tsb.tetrate.io/v2\n- kind: WasmExtension\n"),
                shape("fqn of another extension", "spec.fqn", ext("", "fqn: organizations/tse/extensions/other")),
                shape("resourceVersion and etag differ", "metadata.resourceVersion",
                        ext("resourceVersion: '\"a\"'", "etag: '\"b\"'")),
                shape("unclosed quote", "", "apiVersion: \"extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"),
                shape("bad indentation", "", "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"
                        + "metadata:\n  name: a\n organization: tse\n"),
                shape("tab indentation", "", "apiVersion: extension.tsb.tetrate.io/v2\nmetadata:\n\tname: a\n"),
                shape("duplicate key", "metadata.name", "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"
                        + "metadata:\n  organization: tse\n  name: a\n  name: b\nspec: {url: 'oci://x.io/a/b:1'}\n"),
                shape("billion laughs", "spec.config.a4[0]", billionLaughs()),
                shape("nesting too deep", "spec.config" + "[0]".repeat(DEEPEST), ext("", "config: " + "[".repeat(100) + "]".repeat(100))),
                shape("string too long", "spec.description", ext("", "description: " + "z".repeat(300_000))),
                shape("oversize input", "", ext("", "description: |\n" + ("  " + "w".repeat(1000) + "\n")
                        .repeat(5300))),
                shape("too many documents", "", "--- {a: 1}\n".repeat(20_001))));
        return c.stream();
    }

    /** Where the reader stops a list nesting: the first level past its limit of 64, counting the document and spec. */
    static final int DEEPEST = 62;

    static String manyEnv(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("- {name: V").append(i).append(", value: x}\n");
        }
        return s.toString();
    }

    static String billionLaughs() {
        StringBuilder s = new StringBuilder("apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n"
                + "metadata: {organization: tse, name: lol}\nspec:\n  url: oci://x.io/a/b:1\n  config:\n"
                + "    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            String prev = "*a" + (i - 1);
            s.append("    a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        return s.toString();
    }

    @Test
    void theCorpusBreaksEveryRuleOfTheSpecAndHasAtLeastSixtyDocuments() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithItsPathAndNothingSaved(Case c) {
        long extensionsBefore = asSystem(() -> extensions.count(ExtensionFilter.all("tse")));
        int tenantsBefore = asSystem(() -> tenants.list("tse")).size();
        ApiClient admin = ApiClient.as(port, "admin", ConsoleTest.ADMIN_PASSWORD);

        ApiClient.Answer answer = admin.postYaml("/api/v2/apply", VALID_FIRST + c.yaml());

        assertThat(answer.status()).as(answer.body()).isEqualTo(c.status());
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        List<String> paths = new ArrayList<>();
        problem.get("violations").forEach(v -> paths.add(v.get("path").asString()));
        assertThat(paths).as(answer.body()).contains(c.path());
        problem.get("violations").forEach(v -> assertThat(v.get("message").asString()).isNotBlank());
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");

        assertThat(asSystem(() -> extensions.count(ExtensionFilter.all("tse")))).isEqualTo(extensionsBefore);
        assertThat(asSystem(() -> extensions.find("tse", "corpus-valid"))).isEmpty();
        assertThat(asSystem(() -> tenants.list("tse"))).hasSize(tenantsBefore);
    }
}
