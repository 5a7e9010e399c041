package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fields with special readings: empty values, scalar env values, server-managed fields, the deprecated image. */
class ExtensionYamlFieldsTest extends DocumentProblemsTestBase {

    @Test
    void priorityLimitsAreAccepted() {
        assertThat(yaml.read(replace("priority: 1000", "priority: -2147483648")).get(0).definition().priority())
                .isEqualTo(Integer.MIN_VALUE);
        assertThat(yaml.read(replace("priority: 1000", "priority: 2147483647")).get(0).definition().priority())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(yaml.read(replace("  priority: 1000\n", "  priority:\n")).get(0).definition().priority())
                .isZero();
    }

    @Test
    void acceptsAndIgnoresLabelsAndAnnotations() {
        String input = replace("  name: wasm-auth\n", "  name: wasm-auth\n  labels: {a: b}\n  annotations:\n    x: y\n");

        assertThat(yaml.read(input).get(0).definition().name()).isEqualTo("wasm-auth");
    }

    @Test
    void emptyValuesReadAsAbsent() {
        ParsedExtension p = yaml.read(withSpec("  allowedIn:\n  config:\n  vmConfig:\n  match:\n  source:\n"))
                .get(0);

        assertThat(p.definition().allowedIn()).isEmpty();
        assertThat(p.definition().config()).isNull();
        assertThat(p.definition().env()).isEmpty();
        assertThat(p.definition().source()).isNull();
    }

    @Test
    void envValuesOfOtherScalarTypes() {
        String env = "  vmConfig:\n    env:\n    - name: PORT\n      value: 8080\n    - name: ON\n      value: true\n";
        assertThat(yaml.read(withSpec(env)).get(0).definition().env()).extracting(e -> e.value())
                .containsExactly("8080", "true");
        assertProblem(problem(withSpec("  vmConfig:\n    env:\n    - name: RATIO\n      value: 1e3\n")), 1, 13,
                "spec.vmConfig.env[0].value", "must be a string", "quote it");
    }

    @Test
    void serverManagedFields() {
        ParsedExtension ok = yaml.read(withSpec("  fqn: organizations/tse/extensions/wasm-auth\n  etag: '\"e1\"'\n"))
                .get(0);
        assertThat(ok.etag()).isEqualTo("\"e1\"");

        assertProblem(problem(withSpec("  fqn: organizations/tse/extensions/other\n")), 1, 10, "spec.fqn",
                "'organizations/tse/extensions/other' does not match metadata",
                "organizations/tse/extensions/wasm-auth");
        assertProblem(problem(withSpec("  etag: 12\n")), 1, 10, "spec.etag", "must be a string", "quote it");
    }

    @Test
    void resourceVersionIsTheEtagToo() {
        String withVersion = replace("  name: wasm-auth\n", "  name: wasm-auth\n  resourceVersion: \"v7\"\n");

        // A bare etag (an older export) is read in the console's one form, quoted.
        assertThat(yaml.read(withVersion).get(0).etag()).isEqualTo("\"v7\"");
        assertThat(yaml.read(withVersion + "  etag: v7\n").get(0).etag()).isEqualTo("\"v7\"");
        assertThat(yaml.read(withVersion + "  etag: '\"v7\"'\n").get(0).etag()).isEqualTo("\"v7\"");
        assertProblem(problem(withVersion + "  etag: v8\n"), 1, 6, "metadata.resourceVersion", "differs from spec.etag");
    }

    @Test
    void deprecatedImageBecomesTheUrl() {
        String input = replace("  url: oci://docker.io/example/my-wasm-extension:1.0\n",
                "  image: docker.io/example/my-wasm-extension:1.0\n");

        ParsedExtension p = yaml.read(input).get(0);

        assertThat(p.definition().url()).isEqualTo("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(p.warnings()).singleElement().asString().contains("spec.image is deprecated",
                "oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(ExtensionYaml.write(p.definition(), null)).doesNotContain("image:")
                .contains("url: oci://docker.io/example/my-wasm-extension:1.0");
    }

    @Test
    void aUrlWithoutSchemeIsReadAsOciWithAWarningAsTsbAndIstioReadIt() {
        String input = replace("  url: oci://docker.io/example/my-wasm-extension:1.0\n",
                "  url: docker.io/example/my-wasm-extension:1.0\n");

        ParsedExtension p = yaml.read(input).get(0);

        assertThat(p.definition().url()).isEqualTo("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(p.warnings()).singleElement().asString().contains("spec.url has no scheme",
                "read as oci://docker.io/example/my-wasm-extension:1.0");
    }

    @Test
    void deprecatedImageWithASchemeIsKept() {
        String input = replace("  url: oci://docker.io/example/my-wasm-extension:1.0\n",
                "  image: https://example.com/x.wasm\n");

        ParsedExtension p = yaml.read(input).get(0);

        assertThat(p.definition().url()).isEqualTo("https://example.com/x.wasm");
        assertThat(p.warnings()).hasSize(1);
    }

    @Test
    void deprecatedImageBesideUrlIsIgnoredWithAWarning() {
        ParsedExtension p = yaml.read(withSpec("  image: docker.io/other/image:2.0\n")).get(0);

        assertThat(p.definition().url()).isEqualTo("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(p.warnings()).singleElement().asString().contains("spec.image is deprecated", "ignored");
    }

    @Test
    void imageOfTheWrongTypeIsAProblem() {
        assertProblem(problem(withSpec("  image: [a]\n")), 1, 10, "spec.image", "must be a string");
    }
}
