package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;

/** The example documents of spec §1 and of the TSB documentation, read field by field. */
class ExtensionYamlExamplesTest {

    private final ExtensionYaml yaml = new ExtensionYaml();

    static String resource(String name) {
        try (InputStream in = ExtensionYamlExamplesTest.class.getResourceAsStream("/yaml/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheSpecExampleExactly() {
        List<ParsedExtension> parsed = yaml.read(resource("wasm-auth.yaml"));

        assertThat(parsed).hasSize(1);
        ParsedExtension p = parsed.get(0);
        assertThat(p.warnings()).isEmpty();
        assertThat(p.etag()).isNull();
        ExtensionDefinition d = p.definition();
        assertThat(d.organization()).isEqualTo("tse");
        assertThat(d.name()).isEqualTo("wasm-auth");
        assertThat(d.fqn()).isEqualTo("organizations/tse/extensions/wasm-auth");
        assertThat(d.displayName()).isEqualTo("Wasm Auth");
        assertThat(d.summary()).isEqualTo("short summary");
        assertThat(d.allowedIn()).containsExactly("organizations/tse/tenants/tenant1");
        assertThat(d.url()).isEqualTo("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(d.source()).isEqualTo("https://github.com/example/wasm-extension");
        assertThat(d.description()).isEqualTo("Long description such as an entire README file (Markdown)\n");
        assertThat(d.phase()).isEqualTo(PluginPhase.AUTHZ);
        assertThat(d.priority()).isEqualTo(1000);
        assertThat(d.imagePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
        assertThat(d.imagePullSecret()).isEqualTo("regcred");
        assertThat(d.config().isObject()).isTrue();
        assertThat(d.config().propertyNames()).containsExactly("some_key");
        assertThat(d.config().get("some_key").asString()).isEqualTo("some_value");
        assertThat(d.env()).containsExactly(new EnvVar("LOG_LEVEL", EnvValueSource.INLINE, "debug"),
                new EnvVar("POD_NAME", EnvValueSource.HOST, null));
        assertThat(d.matchMode()).isEqualTo(WorkloadMode.CLIENT_AND_SERVER);
    }

    @Test
    void pointsAtTheLinesOfTheSpecExample() {
        ParsedExtension p = yaml.read(resource("wasm-auth.yaml")).get(0);

        assertThat(p.source().number()).isEqualTo(1);
        assertThat(p.source().line()).isEqualTo(1);
        assertThat(p.lineOf("metadata.name")).isEqualTo(5);
        assertThat(p.lineOf("spec.allowedIn[0]")).isEqualTo(10);
        assertThat(p.lineOf("spec.url")).isEqualTo(11);
        assertThat(p.lineOf("spec.description")).isEqualTo(13);
        assertThat(p.lineOf("spec.priority")).isEqualTo(16);
        assertThat(p.lineOf("spec.config.some_key")).isEqualTo(20);
        assertThat(p.lineOf("spec.vmConfig.env[0]")).isEqualTo(23);
        assertThat(p.lineOf("spec.vmConfig.env[1].name")).isEqualTo(26);
        assertThat(p.lineOf("spec.vmConfig.env[1].valueFrom")).isEqualTo(27);
        assertThat(p.lineOf("spec.match.mode")).isEqualTo(29);
        // A path that is not in the input points at its nearest written ancestor.
        assertThat(p.lineOf("spec.vmConfig.env[1].value")).isEqualTo(26);
        assertThat(p.lineOf("spec.imagePullSecret.name")).isEqualTo(18);
    }

    @Test
    void readsTheHttpsExampleInTsbDocsStyle() {
        ParsedExtension p = yaml.read(resource("wasm-http.yaml")).get(0);
        ExtensionDefinition d = p.definition();

        assertThat(p.source().line()).isEqualTo(2);
        assertThat(d.fqn()).isEqualTo("organizations/tse/extensions/wasm-http");
        assertThat(d.displayName()).isEqualTo("HTTP Headers");
        assertThat(d.summary()).isEqualTo("Adds response headers");
        assertThat(d.url()).isEqualTo("https://example.com/wasm/http-headers.wasm");
        assertThat(d.source()).isEqualTo("https://github.com/example/http-headers");
        assertThat(d.description()).isEqualTo("# HTTP Headers\n\nAdds the configured headers to every response:\n\n"
                + "- `x-powered-by`\n- `x-tenant`\n");
        assertThat(d.phase()).isEqualTo(PluginPhase.STATS);
        assertThat(d.priority()).isEqualTo(-5);
        assertThat(d.imagePullPolicy()).isEqualTo(PullPolicy.UNSPECIFIED_POLICY);
        assertThat(d.imagePullSecret()).isNull();
        assertThat(d.allowedIn()).isEmpty();
        assertThat(d.env()).containsExactly(EnvVar.inline("LOG_LEVEL", "info"));
        assertThat(d.matchMode()).isEqualTo(WorkloadMode.SERVER);

        JsonNode config = d.config();
        assertThat(config.propertyNames()).containsExactly("headers", "limits", "paths");
        assertThat(config.get("headers")).hasSize(2);
        assertThat(config.get("headers").get(0).get("name").asString()).isEqualTo("x-powered-by");
        assertThat(config.get("headers").get(1).get("value").asString()).isEqualTo("tenant1");
        JsonNode limits = config.get("limits");
        assertThat(limits.propertyNames()).containsExactly("maxHeaders", "enabled", "ratio", "exclude", "fallback");
        assertThat(limits.get("maxHeaders").isInt()).isTrue();
        assertThat(limits.get("maxHeaders").intValue()).isEqualTo(10);
        assertThat(limits.get("enabled").isBoolean()).isTrue();
        assertThat(limits.get("ratio").doubleValue()).isEqualTo(0.5);
        assertThat(limits.get("exclude").isArray()).isTrue();
        assertThat(limits.get("exclude")).isEmpty();
        assertThat(limits.get("fallback").isNull()).isTrue();
        assertThat(config.get("paths").get(1).asString()).isEqualTo("/health");
    }

    @Test
    void readsBothExamplesAsOneStreamInOrder() {
        String stream = resource("wasm-auth.yaml") + "---\n" + resource("wasm-http.yaml");

        List<ParsedExtension> parsed = yaml.read(stream);

        assertThat(parsed).extracting(p -> p.definition().name()).containsExactly("wasm-auth", "wasm-http");
        assertThat(parsed).extracting(p -> p.source().number()).containsExactly(1, 2);
        assertThat(parsed.get(1).source().line()).isEqualTo(32);
        assertThat(parsed.get(1).lineOf("spec.priority")).isEqualTo(30 + 20);
    }

    @Test
    void writesTheSpecExampleBackAsTheSameDocument() {
        ExtensionDefinition d = yaml.read(resource("wasm-auth.yaml")).get(0).definition();

        String written = ExtensionYaml.write(d, null);

        assertThat(written).isEqualTo("""
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: wasm-auth
                  description: short summary
                spec:
                  displayName: Wasm Auth
                  allowedIn:
                  - organizations/tse/tenants/tenant1
                  url: oci://docker.io/example/my-wasm-extension:1.0
                  source: https://github.com/example/wasm-extension
                  description: |
                    Long description such as an entire README file (Markdown)
                  phase: AUTHZ
                  priority: 1000
                  imagePullPolicy: IfNotPresent
                  imagePullSecret: regcred
                  config:
                    some_key: some_value
                  vmConfig:
                    env:
                    - name: LOG_LEVEL
                      valueFrom: INLINE
                      value: debug
                    - name: POD_NAME
                      valueFrom: HOST
                  match:
                    mode: CLIENT_AND_SERVER
                """);
    }
}
