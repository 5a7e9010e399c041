package org.wasmconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Naming rules of spec §3 and Kubernetes Secret names. */
class NamesTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"a", "7", "tse", "wasm-auth", "tenant1", "0-9", "a--b",
            "abcdefghijklmnopqrstuvwxyz-0123456789"})
    void acceptsDnsLabels(String label) {
        assertThat(Names.checkDnsLabel(label)).isEmpty();
    }

    @Test
    void acceptsALabelOf63CharactersButNot64() {
        assertThat(Names.checkDnsLabel("a".repeat(63))).isEmpty();
        assertThat(Names.checkDnsLabel("a".repeat(64))).hasValueSatisfying(m -> assertThat(m).contains("at most 63"));
    }

    @ParameterizedTest(name = "missing: \"{0}\"")
    @NullAndEmptySource
    void aLabelIsRequired(String label) {
        assertThat(Names.checkDnsLabel(label)).hasValueSatisfying(m -> assertThat(m).contains("is required"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Wasm", "wasmAuth", "wasm_auth", "-wasm", "wasm-", "-", "wasm.auth", "wasm auth", " wasm",
            "wasm\n", "wäsm", "organizations/tse"})
    void refusesNonLabelsWithAHowToFixMessage(String label) {
        assertThat(Names.checkDnsLabel(label)).hasValueSatisfying(m -> assertThat(m)
                .contains("'" + label + "'").contains("lowercase letters a-z, digits 0-9 and '-'")
                .contains("starting and ending with a letter or digit"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"regcred", "a", "registry.example.com", "my-registry.cred-1", "0.0", "a--b.c"})
    void acceptsDnsSubdomains(String name) {
        assertThat(Names.checkDnsSubdomain(name)).isEmpty();
    }

    @Test
    void acceptsASubdomainOf253CharactersButNot254() {
        String labels = ("a".repeat(62) + ".").repeat(4);                  // 252 characters ending with '.'
        assertThat(Names.checkDnsSubdomain(labels + "b")).isEmpty();
        assertThat(Names.checkDnsSubdomain(labels + "bc"))
                .hasValueSatisfying(m -> assertThat(m).contains("254").contains("at most 253"));
    }

    @ParameterizedTest(name = "missing: \"{0}\"")
    @NullAndEmptySource
    void aSubdomainIsRequired(String name) {
        assertThat(Names.checkDnsSubdomain(name)).hasValueSatisfying(m -> assertThat(m).contains("is required"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"RegCred", "reg_cred", "-regcred", "regcred-", ".regcred", "regcred.", "reg..cred",
            "reg.-cred", "reg cred", "reg/cred"})
    void refusesNonSubdomainsWithAHowToFixMessage(String name) {
        assertThat(Names.checkDnsSubdomain(name)).hasValueSatisfying(m -> assertThat(m)
                .contains("'" + name + "'").contains("Kubernetes Secret name").contains("e.g. regcred"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "Wasm Auth", "Authentification (équipe Süd) — v2 ✓", "  padded  ", "tab\tinside"})
    void acceptsSingleLineDisplayNames(String displayName) {
        assertThat(Names.checkDisplayName(displayName)).isEmpty();
    }

    @Test
    void aDisplayNameIsOptional() {
        assertThat(Names.checkDisplayName(null)).isEmpty();
    }

    @Test
    void acceptsADisplayNameOf256CharactersButNot257() {
        assertThat(Names.checkDisplayName("é".repeat(256))).isEmpty();
        assertThat(Names.checkDisplayName("é".repeat(257)))
                .hasValueSatisfying(m -> assertThat(m).contains("257").contains("at most 256"));
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"Wasm\nAuth", "Wasm\rAuth", "Wasm Auth\r\n", "\n"})
    void refusesLineBreaksInADisplayName(String displayName) {
        assertThat(Names.checkDisplayName(displayName))
                .hasValueSatisfying(m -> assertThat(m).contains("single line").contains("remove the line breaks"));
    }
}
