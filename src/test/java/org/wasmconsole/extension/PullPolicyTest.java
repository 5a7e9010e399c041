package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.extension.PullPolicy.ALWAYS;
import static org.wasmconsole.extension.PullPolicy.IF_NOT_PRESENT;
import static org.wasmconsole.extension.PullPolicy.UNSPECIFIED_POLICY;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The effective pull policy of spec §2, which the console shows beside the chosen one. */
class PullPolicyTest {

    private static final String DIGEST = "@sha256:" + "0123456789abcdef".repeat(4);

    @ParameterizedTest(name = "unspecified for {0} -> {1}")
    @CsvSource({
            "oci://docker.io/example/auth:1.0,               IF_NOT_PRESENT",
            "oci://localhost:5000/team/auth:v2,              IF_NOT_PRESENT",
            "oci://docker.io/example/auth:latest-rc,         IF_NOT_PRESENT",
            "oci://docker.io/example/auth:LATEST,            IF_NOT_PRESENT",
            "oci://docker.io/example/auth,                   IF_NOT_PRESENT",
            "oci://localhost:5000/team/auth,                 IF_NOT_PRESENT",
            "oci://[::1]:5000/team/auth,                     IF_NOT_PRESENT",
            "oci://docker.io/example/auth:latest,            ALWAYS",
            "oci://localhost:5000/team/auth:latest,          ALWAYS",
    })
    // Istio's Wasm cache (istio/istio pkg/wasm/cache.go, getEntry): an unspecified policy is Always
    // only for u.Scheme == "oci" && strings.HasSuffix(u.Path, ":latest"); an untagged image is IfNotPresent.
    void unspecifiedIsAlwaysOnlyForAnOciImageTaggedLatestAsInIstiosWasmCache(String url, PullPolicy expected) {
        assertThat(UNSPECIFIED_POLICY.effectiveFor(url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} for a digest-pinned url")
    @EnumSource(PullPolicy.class)
    void aDigestPinnedImageIsIfNotPresentWhateverThePolicy(PullPolicy chosen) {
        assertThat(chosen.effectiveFor("oci://docker.io/example/auth" + DIGEST)).isEqualTo(IF_NOT_PRESENT);
        assertThat(chosen.effectiveFor("oci://docker.io/example/auth:1.0" + DIGEST)).isEqualTo(IF_NOT_PRESENT);
        assertThat(chosen.effectiveFor("oci://docker.io/example/auth:latest" + DIGEST)).isEqualTo(IF_NOT_PRESENT);
    }

    @Test
    void alwaysIsOverriddenByADigestEvenWithTagLatest() {
        assertThat(ALWAYS.effectiveFor("oci://ghcr.io/example/auth:latest" + DIGEST)).isEqualTo(IF_NOT_PRESENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "oci://docker.io/example/auth:1.0",
            "oci://docker.io/example/auth:latest",
            "oci://docker.io/example/auth",
            "https://example.com/filter.wasm",
            "http://example.com/filter.wasm",
            "file:///opt/filters/auth.wasm"})
    void anExplicitChoiceIsKeptWhenNotPinnedByDigest(String url) {
        assertThat(ALWAYS.effectiveFor(url)).isEqualTo(ALWAYS);
        assertThat(IF_NOT_PRESENT.effectiveFor(url)).isEqualTo(IF_NOT_PRESENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://example.com/latest/filter.wasm",
            "http://example.com/filter.wasm",
            "file:///opt/filters/auth.wasm"})
    void unspecifiedIsIfNotPresentForNonOciUrls(String url) {
        assertThat(UNSPECIFIED_POLICY.effectiveFor(url)).isEqualTo(IF_NOT_PRESENT);
    }

    @Test
    void aMissingUrlLeavesTheChoiceOrIfNotPresent() {
        assertThat(UNSPECIFIED_POLICY.effectiveFor(null)).isEqualTo(IF_NOT_PRESENT);
        assertThat(ALWAYS.effectiveFor(null)).isEqualTo(ALWAYS);
    }

    @Test
    void theReasonSaysWhyTheEffectivePolicyDiffersFromTheChoice() {
        assertThat(UNSPECIFIED_POLICY.reasonFor("oci://docker.io/example/auth")).get().asString()
                .contains("Istio's default");
        assertThat(UNSPECIFIED_POLICY.reasonFor("oci://docker.io/example/auth:latest")).get().asString()
                .contains("tagged latest");
        assertThat(ALWAYS.reasonFor("oci://docker.io/example/auth" + DIGEST)).get().asString()
                .contains("Pinned by digest");
        assertThat(ALWAYS.reasonFor("oci://docker.io/example/auth")).isEmpty();
    }

    @Test
    void theDefinitionExposesItsEffectivePolicy() {
        var definition = ExtensionDefinition.builder().url("oci://docker.io/example/auth:latest").build();
        assertThat(definition.imagePullPolicy()).isEqualTo(UNSPECIFIED_POLICY);
        assertThat(definition.effectivePullPolicy()).isEqualTo(ALWAYS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PullPolicy.class)
    void wireNamesRoundTrip(PullPolicy policy) {
        assertThat(PullPolicy.fromWireName(policy.wireName())).contains(policy);
        assertThat(policy.meaning()).isNotBlank();
    }

    @Test
    void wireNamesAreTheDocumentSpelling() {
        assertThat(PullPolicy.fromWireName("IfNotPresent")).contains(IF_NOT_PRESENT);
        assertThat(PullPolicy.fromWireName("Always")).contains(ALWAYS);
        assertThat(PullPolicy.fromWireName("UNSPECIFIED_POLICY")).contains(UNSPECIFIED_POLICY);
        assertThat(PullPolicy.fromWireName("IF_NOT_PRESENT")).isEmpty();
        assertThat(PullPolicy.fromWireName("always")).isEmpty();
    }
}
