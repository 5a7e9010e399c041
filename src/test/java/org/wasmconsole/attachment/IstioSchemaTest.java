package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Istio's own WasmPlugin test documents (istio/api tests/testdata, in src/test/resources/istio), judged
 * by the console's validator as the API server judges them with Istio's CRD: every valid one passes,
 * every invalid one fails at the place and for the reason its {@code _err} gives.
 */
class IstioSchemaTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static List<JsonNode> documents(String file) throws IOException {
        try (InputStream in = IstioSchemaTest.class.getResourceAsStream("/istio/" + file)) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(in).forEachRemaining(d -> docs.add((JsonNode) d));
            return docs;
        }
    }

    static Stream<Arguments> valid() throws IOException {
        return documents("wasmplugin-valid.yaml").stream()
                .map(d -> Arguments.of(d.path("metadata").path("name").asString(), d));
    }

    static Stream<Arguments> invalid() throws IOException {
        return documents("wasmplugin-invalid.yaml").stream().map(d -> {
            ObjectNode doc = (ObjectNode) d.deepCopy();
            String err = doc.remove("_err").asString();
            return Arguments.of(err, doc);
        });
    }

    @ParameterizedTest(name = "valid: {0}")
    @MethodSource("valid")
    void everyValidIstioExamplePasses(String name, JsonNode document) {
        assertThat(IstioSchema.validate(document)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "invalid: {0}")
    @MethodSource("invalid")
    void everyInvalidIstioExampleFailsWhereAndWhyIstioSays(String err, JsonNode document) {
        List<Violation> violations = IstioSchema.validate(document);
        assertThat(violations).as(err).isNotEmpty();
        if (err.startsWith("spec")) {
            // "spec.url in body should be at least 1 chars long", "spec.match[0].ports[0].number: Required value"
            String path = err.split("[ :]", 2)[0];
            String where = path.endsWith(".number") && err.contains("Required") ? path.replace(".number", "") : path;
            assertThat(violations).as(err).extracting(Violation::path).anyMatch(p -> p.equals(path) || p.equals(where));
        } else {
            // A CEL rule's own message, or Kubernetes' "Duplicate value" of a map list.
            assertThat(violations).as(err).extracting(Violation::message).anyMatch(m -> m.contains(err));
        }
    }

    @Test
    void theDuplicateEnvVariableIsReportedAtTheSecondEntry() throws IOException {
        JsonNode duplicate = invalid().map(a -> (JsonNode) a.get()[1])
                .filter(d -> d.path("metadata").path("name").asString().equals("duplicate-env")).findFirst().orElseThrow();
        assertThat(IstioSchema.validate(duplicate)).singleElement()
                .satisfies(v -> assertThat(v.path()).isEqualTo("spec.vmConfig.env[1]"))
                .satisfies(v -> assertThat(v.message()).startsWith("Duplicate value: {\"name\":\"a\"}"));
    }

    @Test
    void theUrlRuleReadsAUrlWithoutSchemeAsHttpButRefusesAnUnknownScheme() {
        assertThat(IstioSchema.validate(plugin("docker.io/example/filter:1.0"))).isEmpty();
        assertThat(IstioSchema.validate(plugin("oci://[::1]:5000/example/filter:1.0"))).isEmpty();
        // Go reads localhost:5000/... as an opaque URL of scheme "localhost": the API server refuses it.
        assertThat(IstioSchema.validate(plugin("localhost:5000/example/filter:1.0"))).extracting(Violation::path)
                .containsExactly("spec.url");
        assertThat(IstioSchema.validate(plugin("ftp://example.com/f.wasm"))).extracting(Violation::message)
                .containsExactly("url must have schema one of [http, https, file, oci]");
    }

    @Test
    void selectorAndTargetRefsTogetherBreakTheSpecRule() {
        ObjectNode doc = plugin("oci://docker.io/example/filter:1.0");
        ((ObjectNode) doc.path("spec")).putObject("selector").putObject("matchLabels").put("app", "gw");
        ((ObjectNode) doc.path("spec")).putArray("targetRefs").addObject().put("kind", "Gateway").put("name", "gw");
        assertThat(IstioSchema.validate(doc)).extracting(Violation::path, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spec",
                        "only one of targetRefs or selector can be set"));
    }

    @Test
    void metadataFollowsKubernetesNamingRules() {
        ObjectNode doc = plugin("oci://docker.io/example/filter:1.0");
        ((ObjectNode) doc.path("metadata")).put("name", "Bad_Name").put("namespace", "Bad.Namespace");
        assertThat(IstioSchema.validate(doc)).extracting(Violation::path)
                .containsExactly("metadata.name", "metadata.namespace");
    }

    @Test
    void aTrafficExtensionIsJudgedByItsOwnSchema() {
        ObjectNode ok = (ObjectNode) YAML.readTree("""
                apiVersion: extensions.istio.io/v1alpha1
                kind: TrafficExtension
                metadata: {name: te, namespace: payments}
                spec:
                  selector: {matchLabels: {app: gw}}
                  phase: AUTHZ
                  wasm: {url: "oci://docker.io/example/filter:1.0", imagePullPolicy: IfNotPresent}
                """);
        assertThat(IstioSchema.validate(ok)).isEmpty();
        ((ObjectNode) ok.path("spec")).put("phase", "UNSPECIFIED_PHASE");
        ((ObjectNode) ok.path("spec").path("wasm")).put("url", "fake://x");
        assertThat(IstioSchema.validate(ok)).extracting(Violation::path)
                .containsExactlyInAnyOrder("spec.phase", "spec.wasm.url");
        ((ObjectNode) ok.path("spec")).putObject("lua").put("inlineCode", "x");
        assertThat(IstioSchema.validate(ok)).extracting(Violation::path).contains("spec");
    }

    private static ObjectNode plugin(String url) {
        return (ObjectNode) YAML.readTree("""
                apiVersion: extensions.istio.io/v1alpha1
                kind: WasmPlugin
                metadata: {name: p, namespace: payments}
                spec: {url: "%s"}
                """.formatted(url));
    }
}
