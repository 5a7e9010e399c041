package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition.Builder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every rule of spec §2–§3 for one extension: each refusal located by its exact field path. */
class ExtensionValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT1 = "organizations/tse/tenants/tenant1";
    private static final String TENANT2 = "organizations/tse/tenants/tenant2";
    private static final String HEX64 = "0123456789abcdef".repeat(4);

    private final ExtensionValidator validator = new ExtensionValidator(Set.of(TENANT1, TENANT2)::contains);

    /** The document of spec §1. */
    private static Builder specExample() {
        return ExtensionDefinition.builder()
                .organization("tse").name("wasm-auth").displayName("Wasm Auth").summary("short summary")
                .url("oci://docker.io/example/my-wasm-extension:1.0")
                .source("https://github.com/example/wasm-extension")
                .description("Long description such as an entire README file (Markdown)\n")
                .phase(PluginPhase.AUTHZ).priority(1000).imagePullPolicy(PullPolicy.IF_NOT_PRESENT)
                .imagePullSecret("regcred").config(json("{\"some_key\": \"some_value\"}"))
                .env(List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME")))
                .matchMode(WorkloadMode.CLIENT_AND_SERVER).allowedIn(List.of(TENANT1));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A mapping whose JSON form is exactly {@code bytes} long: {"k":"xxx…"} is 8 bytes plus the value. */
    private static JsonNode configOfJsonBytes(int bytes) {
        return JSON.createObjectNode().put("k", "x".repeat(bytes - 8));
    }

    /** A non-OCI url, without the example's pull secret (which only goes with oci://). */
    private static UnaryOperator<Builder> nonOciUrl(String url) {
        return b -> b.url(url).imagePullSecret(null);
    }

    private static List<EnvVar> distinctEnvVars(int count) {
        return IntStream.range(0, count).mapToObj(i -> EnvVar.inline("VAR_" + i, "v")).toList();
    }

    private List<Violation> violations(UnaryOperator<Builder> change) {
        return validator.validate(change.apply(specExample()).build());
    }

    private void assertSingleViolation(UnaryOperator<Builder> change, String path, String hint) {
        List<Violation> found = violations(change);
        assertThat(found).as("violations").hasSize(1);
        assertThat(found.getFirst().path()).isEqualTo(path);
        assertThat(found.getFirst().message()).isNotBlank().containsIgnoringCase(hint);
    }

    private static Arguments refused(String label, UnaryOperator<Builder> change, String path, String hint) {
        return arguments(named(label, change), path, hint);
    }

    private static Arguments accepted(String label, UnaryOperator<Builder> change) {
        return arguments(named(label, change));
    }

    @Test
    void theSpecExampleIsValid() {
        assertThat(validator.validate(specExample().build())).isEmpty();
    }

    @Test
    void aDefinitionWithOnlyTheRequiredFieldsIsValid() {
        var minimal = ExtensionDefinition.builder().organization("tse").name("wasm-auth")
                .url("https://example.com/filter.wasm").build();
        assertThat(validator.validate(minimal)).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnce() {
        List<Violation> found = violations(b -> b.name("Wasm_Auth").url("example/x:1.0")
                .imagePullSecret(null).env(List.of(EnvVar.inline("1ABC", "v"))).allowedIn(List.of("tenant1")));
        assertThat(found).extracting(Violation::path)
                .containsExactly("metadata.name", "spec.url", "spec.vmConfig.env[0].name", "spec.allowedIn[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void acceptsValidEdgeCases(UnaryOperator<Builder> change) {
        assertThat(violations(change)).isEmpty();
    }

    static Stream<Arguments> acceptsValidEdgeCases() {
        return Stream.of(
                accepted("name of one character", b -> b.name("a")),
                accepted("name of 63 characters", b -> b.name("a".repeat(63))),
                accepted("names with digits and inner dashes", b -> b.organization("0rg-1").name("9-wasm--auth-0")
                        .allowedIn(null)),
                accepted("no display name", b -> b.displayName(null)),
                accepted("display name of 256 characters", b -> b.displayName("D".repeat(256))),
                accepted("summary of 1024 characters", b -> b.summary("s".repeat(1024))),
                accepted("oci url with registry port", b -> b.url("oci://registry.example.com:5000/team/auth:v1.2")),
                accepted("oci url on localhost", b -> b.url("oci://localhost/auth")),
                accepted("oci url pinned by digest", b -> b.url("oci://ghcr.io/example/auth:1.0@sha256:" + HEX64)),
                accepted("http url", nonOciUrl("http://example.com/filter.wasm")),
                accepted("file url with absolute path", nonOciUrl("file:///opt/filters/auth.wasm")),
                accepted("url of 2048 characters", nonOciUrl("https://example.com/" + "a".repeat(2048 - 20))),
                accepted("no source", b -> b.source(null)),
                accepted("http source", b -> b.source("http://git.example.com/wasm")),
                accepted("description of exactly 64 KiB", b -> b.description("d".repeat(65536))),
                accepted("multibyte description of exactly 64 KiB", b -> b.description("é".repeat(32768))),
                accepted("lowest priority", b -> b.priority(Integer.MIN_VALUE)),
                accepted("highest priority", b -> b.priority(Integer.MAX_VALUE)),
                accepted("no config", b -> b.config(null)),
                accepted("empty config", b -> b.config(json("{}"))),
                accepted("config with every JSON value type", b -> b.config(
                        json("{\"s\":\"x\",\"n\":1.5,\"i\":-3,\"t\":true,\"z\":null,\"l\":[1,{\"a\":[]}],\"m\":{}}"))),
                accepted("config of exactly 64 KiB as JSON", b -> b.config(configOfJsonBytes(65536))),
                accepted("pull secret of 253 characters", b -> b.imagePullSecret("s".repeat(253))),
                accepted("dotted pull secret", b -> b.imagePullSecret("registry.example-cred.1")),
                accepted("no env", b -> b.env(null)),
                accepted("256 env vars", b -> b.env(distinctEnvVars(256))),
                accepted("env names starting with _ or holding digits", b -> b.env(List.of(
                        EnvVar.inline("_x", "1"), EnvVar.inline("a1", "2"), EnvVar.inline("_", "3")))),
                accepted("env name of 256 characters", b -> b.env(List.of(EnvVar.inline("N".repeat(256), "v")))),
                accepted("env value of 2048 characters", b -> b.env(List.of(EnvVar.inline("V", "v".repeat(2048))))),
                accepted("HOST env var with an empty value", b -> b.env(List.of(
                        new EnvVar("POD_NAME", EnvValueSource.HOST, "")))),
                accepted("names differing in case are distinct", b -> b.env(List.of(
                        EnvVar.inline("level", "1"), EnvVar.inline("LEVEL", "2")))),
                accepted("empty allowedIn", b -> b.allowedIn(List.of())),
                accepted("two existing tenants", b -> b.allowedIn(List.of(TENANT1, TENANT2))));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource({"invalidMetadata", "invalidUrls", "invalidSourceDescriptionAndConfig", "invalidImagePullSecrets",
            "invalidEnvVars", "invalidAllowedIn"})
    void refusesWithTheFieldPathAndAHowToFixMessage(UnaryOperator<Builder> change, String path, String hint) {
        assertSingleViolation(change, path, hint);
    }

    static Stream<Arguments> invalidMetadata() {
        return Stream.of(
                refused("missing organization", b -> b.organization(null).allowedIn(null), "metadata.organization",
                        "required"),
                refused("empty name", b -> b.name(""), "metadata.name", "required"),
                refused("name of 64 characters", b -> b.name("a".repeat(64)), "metadata.name", "63"),
                refused("uppercase name", b -> b.name("Wasm-auth"), "metadata.name", "lowercase"),
                refused("underscore in name", b -> b.name("wasm_auth"), "metadata.name", "lowercase"),
                refused("name reserved by the console's pages", b -> b.name("new"), "metadata.name", "reserved"),
                refused("leading dash", b -> b.name("-wasm"), "metadata.name", "starting and ending"),
                refused("trailing dash", b -> b.name("wasm-"), "metadata.name", "starting and ending"),
                refused("uppercase organization", b -> b.organization("TSE").allowedIn(null),
                        "metadata.organization", "lowercase"),
                refused("display name of 257 characters", b -> b.displayName("D".repeat(257)),
                        "spec.displayName", "256"),
                refused("display name on two lines", b -> b.displayName("Wasm\nAuth"), "spec.displayName",
                        "single line"),
                refused("summary of 1025 characters", b -> b.summary("s".repeat(1025)), "metadata.description",
                        "spec.description"),
                refused("summary with a line feed", b -> b.summary("one\ntwo"), "metadata.description", "single line"),
                refused("summary with a carriage return", b -> b.summary("one\rtwo"), "metadata.description",
                        "single line"));
    }

    static Stream<Arguments> invalidUrls() {
        String url = "spec.url";
        return Stream.of(
                refused("missing url", b -> b.url(null), url, "required"),
                refused("empty url", nonOciUrl(""), url, "required"),
                refused("url without scheme is read as oci://", nonOciUrl("example/auth:1.0"), url,
                        "'example/auth:1.0' (read as oci://example/auth:1.0) is not a valid OCI reference"),
                refused("oci repository path over 255 characters",
                        b -> b.url("oci://docker.io/" + "a".repeat(256) + ":1.0"), url, "at most 255 characters"),
                refused("oci registry an invalid IPv6 literal", b -> b.url("oci://[::1::2]:5000/auth:1.0"), url,
                        "IPv6 literal"),
                refused("ftp url", nonOciUrl("ftp://example.com/filter.wasm"), url, "must start with oci://"),
                refused("oci url without registry", b -> b.url("oci://example/auth:1.0"), url, "registry"),
                refused("oci url whose registry only starts with localhost", b -> b.url("oci://localhostfoo/auth"),
                        url, "registry"),
                refused("oci url with uppercase repository", b -> b.url("oci://docker.io/Example/auth:1.0"), url,
                        "lowercase"),
                refused("oci url with empty tag", b -> b.url("oci://docker.io/example/auth:"), url, "oci://registry"),
                refused("oci url with tag starting with a dot", b -> b.url("oci://docker.io/example/auth:.1"), url,
                        "oci://registry"),
                refused("oci url with short digest", b -> b.url("oci://docker.io/example/auth@sha256:abc123"), url,
                        "64 hex"),
                refused("oci url with non-sha256 digest", b -> b.url("oci://docker.io/example/auth@md5:" + HEX64),
                        url, "sha256"),
                refused("http url without host", nonOciUrl("https:///filter.wasm"), url, "host"),
                refused("file url with relative path", nonOciUrl("file://filters/auth.wasm"), url, "absolute path"),
                refused("file url without path", nonOciUrl("file:///"), url, "absolute path"),
                refused("space in a file url", nonOciUrl("file:///opt/my filter.wasm"), url, "whitespace"),
                refused("no-break space in a file url", nonOciUrl("file:///opt/my\u00A0filter.wasm"), url,
                        "whitespace"),
                refused("space in an https url", nonOciUrl("https://example.com/my filter.wasm"), url, "whitespace"),
                refused("trailing line break in an oci url", b -> b.url("oci://docker.io/example/auth:1.0\n"), url,
                        "whitespace"),
                refused("url of 2049 characters", nonOciUrl("https://example.com/" + "a".repeat(2049 - 20)), url,
                        "at most 2048"));
    }

    static Stream<Arguments> invalidSourceDescriptionAndConfig() {
        return Stream.of(
                refused("ftp source", b -> b.source("ftp://github.com/example/x"), "spec.source", "http(s)"),
                refused("oci source", b -> b.source("oci://docker.io/example/x:1.0"), "spec.source", "http(s)"),
                refused("source without scheme", b -> b.source("github.com/example/x"), "spec.source", "http(s)"),
                refused("source without host", b -> b.source("https:///example"), "spec.source", "http(s)"),
                refused("source with a space", b -> b.source("https://github.com/example/my x"), "spec.source",
                        "http(s)"),
                refused("source of 2049 characters", b -> b.source("https://example.com/" + "a".repeat(2029)),
                        "spec.source", "2048"),
                refused("description of 64 KiB + 1 byte", b -> b.description("d".repeat(65537)), "spec.description",
                        "64 KiB"),
                refused("description over 64 KiB in UTF-8 bytes but not in characters",
                        b -> b.description("€".repeat(21846)), "spec.description", "65538 bytes"),
                refused("config that is a list", b -> b.config(json("[{\"a\": 1}]")), "spec.config", "not a list"),
                refused("config that is a string", b -> b.config(json("\"key: value\"")), "spec.config", "mapping"),
                refused("config that is a number", b -> b.config(json("42")), "spec.config", "mapping"),
                refused("config of 64 KiB + 1 byte as JSON", b -> b.config(configOfJsonBytes(65537)), "spec.config",
                        "64 KiB"));
    }

    static Stream<Arguments> invalidImagePullSecrets() {
        String path = "spec.imagePullSecret";
        return Stream.of(
                refused("empty secret", b -> b.imagePullSecret(""), path, "remove it or name a Kubernetes Secret"),
                refused("secret of 254 characters", b -> b.imagePullSecret("s".repeat(254)), path, "253"),
                refused("uppercase secret", b -> b.imagePullSecret("RegCred"), path, "lowercase"),
                refused("underscore in secret", b -> b.imagePullSecret("reg_cred"), path, "Secret name"),
                refused("secret starting with a dash", b -> b.imagePullSecret("-regcred"), path, "Secret name"),
                refused("secret ending with a dot", b -> b.imagePullSecret("regcred."), path, "Secret name"),
                refused("secret with an https url", b -> b.url("https://example.com/filter.wasm"), path, "oci://"),
                refused("secret with a file url", b -> b.url("file:///opt/filter.wasm"), path, "oci://"));
    }

    static Stream<Arguments> invalidEnvVars() {
        return Stream.of(
                refused("257 env vars", b -> b.env(distinctEnvVars(257)), "spec.vmConfig.env", "at most 256"),
                thirdEnvVarRefused("missing name", EnvVar.inline(null, "v"), "name", "required"),
                thirdEnvVarRefused("empty name", EnvVar.inline("", "v"), "name", "required"),
                thirdEnvVarRefused("name starting with a digit", EnvVar.inline("1ABC", "v"), "name",
                        "start with a letter"),
                thirdEnvVarRefused("name with a dash", EnvVar.inline("A-B", "v"), "name", "only letters, digits"),
                thirdEnvVarRefused("name with a space", EnvVar.inline("A B", "v"), "name", "only letters, digits"),
                thirdEnvVarRefused("name with a trailing symbol", EnvVar.inline("ABC$", "v"), "name", "LOG_LEVEL"),
                thirdEnvVarRefused("name of 257 characters", EnvVar.inline("N".repeat(257), "v"), "name",
                        "at most 256"),
                thirdEnvVarRefused("value of 2049 characters", EnvVar.inline("V", "v".repeat(2049)), "value",
                        "at most 2048"),
                thirdEnvVarRefused("HOST variable with a value", new EnvVar("NODE_NAME", EnvValueSource.HOST, "node-1"),
                        "value", "valueFrom to INLINE"),
                thirdEnvVarRefused("duplicate name", EnvVar.inline("LOG_LEVEL", "info"), "name",
                        "already defined at spec.vmConfig.env[0]"));
    }

    /** LOG_LEVEL and POD_NAME as in spec §1, then {@code third} at index 2, refused at its {@code field}. */
    private static Arguments thirdEnvVarRefused(String label, EnvVar third, String field, String hint) {
        var env = List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME"), third);
        return refused(label, b -> b.env(env), "spec.vmConfig.env[2]." + field, hint);
    }

    static Stream<Arguments> invalidAllowedIn() {
        return Stream.of(
                secondTenantRefused("bare tenant name", "tenant2", "organizations/tse/tenants/<tenant>"),
                secondTenantRefused("organization FQN", "organizations/tse", "not a tenant FQN"),
                secondTenantRefused("extension FQN", "organizations/tse/extensions/x", "not a tenant FQN"),
                secondTenantRefused("FQN with a trailing path", TENANT2 + "/x", "not a tenant FQN"),
                secondTenantRefused("tenant of another organization", "organizations/other/tenants/tenant1",
                        "only allow its own tenants"),
                secondTenantRefused("unknown tenant", "organizations/tse/tenants/ghost", "create it first"),
                secondTenantRefused("duplicate tenant", TENANT1, "remove the duplicate"));
    }

    /** An existing tenant, then {@code second}, refused at spec.allowedIn[1]. */
    private static Arguments secondTenantRefused(String label, String second, String hint) {
        return refused(label, b -> b.allowedIn(List.of(TENANT1, second)), "spec.allowedIn[1]", hint);
    }

    @Test
    void flagsOnlyTheLaterOccurrenceOfADuplicate() {
        List<Violation> found = violations(b -> b.allowedIn(List.of(TENANT1, TENANT2, TENANT1)));
        assertThat(found).extracting(Violation::path).containsExactly("spec.allowedIn[2]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusesNonFiniteNumbersInConfigAtTheirNestedPath(JsonNode config, String path) {
        assertSingleViolation(b -> b.config(config), path, "finite number");
    }

    static Stream<Arguments> refusesNonFiniteNumbersInConfigAtTheirNestedPath() {
        ObjectNode nested = JSON.createObjectNode();
        nested.putObject("a").putArray("b").add(1.5).add(Double.NaN);
        ObjectNode inList = JSON.createObjectNode();
        inList.putArray("rules").addObject().put("ok", 1).putObject("limits").put("max", Float.POSITIVE_INFINITY);
        return Stream.of(
                arguments(named("NaN in a nested list", nested), "spec.config.a.b[1]"),
                arguments(named("-Infinity at the top level",
                        JSON.createObjectNode().put("x", Double.NEGATIVE_INFINITY)), "spec.config.x"),
                arguments(named("float Infinity in a mapping in a list", inList), "spec.config.rules[0].limits.max"));
    }
}
