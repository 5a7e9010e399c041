package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every rule of one attachment (spec §5), each refusal located by its exact path and message. */
class AttachmentValidatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FQN = "organizations/tse/extensions/wasm-auth";
    private static final String PREFIX = "extension[0]";

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** The attachment of spec §5. */
    private static Attachment specExample() {
        return new Attachment(FQN, json("{\"header\": \"x-tenant\"}"),
                List.of(MatchSelector.of(WorkloadMode.SERVER, 8080)));
    }

    private static List<Violation> violations(Attachment attachment) {
        return AttachmentValidator.validate(attachment, PREFIX);
    }

    private static Attachment withMatch(MatchSelector... selectors) {
        return new Attachment(FQN, null, Arrays.asList(selectors));
    }

    private static Attachment withFqn(String fqn) {
        return Attachment.of(fqn);
    }

    private static Attachment withConfig(JsonNode config) {
        return new Attachment(FQN, config, List.of());
    }

    @Test
    void theSpecExampleIsValid() {
        assertThat(violations(specExample())).isEmpty();
    }

    @Test
    void anAttachmentWithOnlyTheFqnIsValid() {
        assertThat(violations(Attachment.of(FQN))).isEmpty();
    }

    @Test
    void portsAtBothEndsOfTheRangeAndOneInTwoSelectorsAreValid() {
        Attachment attachment = withMatch(MatchSelector.of(WorkloadMode.CLIENT, 1, 65535),
                MatchSelector.of(WorkloadMode.CLIENT_AND_SERVER, 1), MatchSelector.of(WorkloadMode.SERVER));
        assertThat(violations(attachment)).isEmpty();
    }

    @Test
    void anEmptyConfigMappingIsValid() {
        assertThat(violations(withConfig(json("{}")))).isEmpty();
    }

    @Test
    void theFqnIsRequired() {
        assertThat(violations(withFqn(null))).containsExactly(new Violation("extension[0].fqn",
                "is required: the FQN of the extension to attach, e.g. organizations/tse/extensions/wasm-auth"));
        assertThat(violations(withFqn(""))).extracting(Violation::path).containsExactly("extension[0].fqn");
    }

    @Test
    void refusesAnFqnThatIsNotAnExtensionFqn() {
        assertThat(violations(withFqn("wasm-auth"))).containsExactly(new Violation("extension[0].fqn",
                "'wasm-auth' is not an extension FQN: write organizations/<organization>/extensions/<name>,"
                        + " e.g. organizations/tse/extensions/wasm-auth"));
        assertThat(violations(withFqn("organizations/tse/tenants/tenant1"))).hasSize(1);
        assertThat(violations(withFqn("organizations/tse/extensions/wasm-auth/extra"))).hasSize(1);
    }

    @Test
    void refusesAnFqnWhoseNamesAreNotDnsLabels() {
        assertThat(violations(withFqn("organizations/TSE/extensions/wasm-auth"))).containsExactly(
                new Violation("extension[0].fqn", "'organizations/TSE/extensions/wasm-auth': the organization"
                        + " 'TSE' is not a DNS label: use lowercase letters a-z, digits 0-9 and '-', starting and"
                        + " ending with a letter or digit (e.g. wasm-auth)"));
        assertThat(violations(withFqn("organizations/tse/extensions/wasm_auth"))).containsExactly(
                new Violation("extension[0].fqn", "'organizations/tse/extensions/wasm_auth': the extension name"
                        + " 'wasm_auth' is not a DNS label: use lowercase letters a-z, digits 0-9 and '-', starting"
                        + " and ending with a letter or digit (e.g. wasm-auth)"));
    }

    @Test
    void theConfigMustBeAMapping() {
        assertThat(violations(withConfig(json("[\"a\"]")))).containsExactly(new Violation("extension[0].config",
                "must be a mapping of keys to values (e.g. header: x-tenant), not a list"));
        assertThat(violations(withConfig(json("\"x-tenant\"")))).containsExactly(
                new Violation("extension[0].config",
                        "must be a mapping of keys to values (e.g. header: x-tenant), not a single value"));
    }

    @Test
    void theConfigMustBeJsonCompatible() {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("limits").put("ratio", Double.NaN);
        assertThat(violations(withConfig(config))).containsExactly(new Violation("extension[0].config.limits.ratio",
                "is not a JSON-compatible value: use a string, a finite number, true/false, null, a list or a"
                        + " mapping"));
    }

    @Test
    void theConfigIsAtMost64KiB() {
        // {"k":"xxx…"} is 8 bytes plus the value.
        assertThat(violations(withConfig(JSON.createObjectNode().put("k", "x".repeat(65536 - 8))))).isEmpty();
        assertThat(violations(withConfig(JSON.createObjectNode().put("k", "x".repeat(65537 - 8)))))
                .containsExactly(new Violation("extension[0].config",
                        "is 65537 bytes as JSON; keep it under 64 KiB (65536 bytes)"));
    }

    @Test
    void aSelectorMustNotBeEmpty() {
        assertThat(violations(withMatch(MatchSelector.of(WorkloadMode.SERVER), null))).containsExactly(
                new Violation("extension[0].match[1]",
                        "is empty: give a mode (CLIENT, SERVER or CLIENT_AND_SERVER) or remove the selector"));
    }

    @Test
    void aSelectorWithoutModeIsClientAndServerAsInTsbAndIstio() {
        // Istio's matchMode (pilot/pkg/model/extensions.go) reads UNDEFINED as CLIENT_AND_SERVER.
        MatchSelector omitted = MatchSelector.of(null, 8080);
        assertThat(violations(withMatch(MatchSelector.of(WorkloadMode.SERVER), omitted))).isEmpty();
        assertThat(omitted.effectiveMode()).isEqualTo(WorkloadMode.CLIENT_AND_SERVER);
        assertThat(MatchSelector.of(WorkloadMode.UNDEFINED).effectiveMode()).isEqualTo(WorkloadMode.CLIENT_AND_SERVER);
        assertThat(MatchSelector.of(WorkloadMode.CLIENT).effectiveMode()).isEqualTo(WorkloadMode.CLIENT);
    }

    @Test
    void portsAreFrom1To65535() {
        assertThat(violations(withMatch(MatchSelector.of(WorkloadMode.SERVER),
                MatchSelector.of(WorkloadMode.SERVER, 8080, 0, 65536, -1)))).containsExactly(
                new Violation("extension[0].match[1].ports[1].number", "is 0; use a port number from 1 to 65535"),
                new Violation("extension[0].match[1].ports[2].number", "is 65536; use a port number from 1 to 65535"),
                new Violation("extension[0].match[1].ports[3].number", "is -1; use a port number from 1 to 65535"));
    }

    @Test
    void aPortNumberIsRequired() {
        assertThat(violations(withMatch(MatchSelector.of(WorkloadMode.SERVER, 8080, null)))).containsExactly(
                new Violation("extension[0].match[0].ports[1].number", "is required: a port number from 1 to 65535"));
    }

    @Test
    void aPortIsListedOncePerSelector() {
        assertThat(violations(withMatch(MatchSelector.of(WorkloadMode.CLIENT),
                MatchSelector.of(WorkloadMode.SERVER, 8080, 8443, 8080)))).containsExactly(
                new Violation("extension[0].match[1].ports[2].number",
                        "port 8080 is already listed at extension[0].match[1].ports[0]; remove the duplicate"));
    }

    @Test
    void withoutAPrefixPathsStartAtTheAttachment() {
        Attachment attachment = new Attachment(null, json("[]"), List.of(MatchSelector.of(null, 0)));
        assertThat(AttachmentValidator.validate(attachment, "")).extracting(Violation::path)
                .containsExactly("fqn", "config", "match[0].ports[0].number");
        assertThat(AttachmentValidator.validate(attachment, null)).extracting(Violation::path)
                .containsExactly("fqn", "config", "match[0].ports[0].number");
    }

    @Test
    void reportsEveryViolationAtOnceInDocumentOrder() {
        Attachment attachment = new Attachment("wasm-auth", json("1"), List.of(
                MatchSelector.of(WorkloadMode.SERVER, 70000), MatchSelector.of(null, 80, 80)));
        assertThat(AttachmentValidator.validate(attachment, "spec.extension[2]")).extracting(Violation::path)
                .containsExactly("spec.extension[2].fqn", "spec.extension[2].config",
                        "spec.extension[2].match[0].ports[0].number", "spec.extension[2].match[1].ports[1].number");
    }
}
