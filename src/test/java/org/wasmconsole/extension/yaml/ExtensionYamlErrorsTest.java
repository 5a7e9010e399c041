package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wasmconsole.base.yaml.DocumentProblem;

/**
 * Malformed and ill-shaped documents: every problem names its document, line and field path, in
 * words a platform admin understands.
 */
class ExtensionYamlErrorsTest extends DocumentProblemsTestBase {

    @Test
    void validDocumentReads() {
        assertThat(yaml.read(VALID)).hasSize(1);
        assertThat(yaml.read(withSpec("  source: https://github.com/example/x\n"))).hasSize(1);
    }

    @Test
    void malformedYaml() {
        assertProblem(problem(replace("  name: wasm-auth\n", " name: wasm-auth\n")), 1, 5, "",
                "not valid YAML", "indentation");
        assertProblem(problem(replace("  phase: AUTHZ\n", "    phase: AUTHZ\n")), 1, 8, "", "not valid YAML",
                "indentation");
        assertProblem(problem(replace("  phase: AUTHZ\n", "  phase: \"AUTHZ\n")), 1, 8, "", "not valid YAML",
                "quoted text", "not closed");
        assertProblem(problem(replace("  phase: AUTHZ\n", "  phase: 'AUTHZ\n")), 1, 8, "", "quoted text",
                "not closed");
        assertProblem(problem(withSpec("  allowedIn: [organizations/tse/tenants/t1\n  config: {}\n")), 1, 11, "",
                "list in [ ]", "starts on line 10", "not closed");
        assertProblem(problem(withSpec("  config: {a: 1\n  source: x\n")), 1, 11, "", "mapping in { }",
                "starts on line 10");
        assertProblem(problem(withSpec("  config: [1, 2\n")), 1, 10, "", "not valid YAML", "ends too early",
                "not closed");
        assertProblem(problem(withSpec("  config:\n\ta: 1\n")), 1, 11, "", "tab", "spaces");
        assertProblem(problem(withSpec("  source: https://x: y\n")), 1, 10, "", "key: value", "quote");
        assertProblem(problem(withSpec("  source: @x\n")), 1, 10, "", "'@'", "quotes");
        assertProblem(problem(withSpec("  source\n")), 1, 10, "", "no ':'");
        assertProblem(problem(withSpec("  source: \"\\q\"\n")), 1, 10, "", "escape");
        assertProblem(problem(withSpec("- item\n")), 1, 10, "", "indentation");
    }

    @Test
    void wrongApiVersionOrKind() {
        assertProblem(problem(replace("tetrate.io/v2", "tetrate.io/v1")), 1, 1, "apiVersion",
                "'extension.tsb.tetrate.io/v1' is not supported", "extension.tsb.tetrate.io/v2");
        assertProblem(problem(replace("kind: WasmExtension", "kind: WasmPlugin")), 1, 2, "kind",
                "'WasmPlugin'", "kind: WasmExtension");
        assertProblem(problem(replace("kind: WasmExtension\n", "")), 1, 1, "kind", "is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            status: {}                                          | 10 | status              | not a field of the document
            spec2: {}                                           | 10 | spec2               | known fields: apiVersion, kind, metadata, spec
            """)
    void unknownTopLevelField(String line, int lineNumber, String path, String words) {
        assertProblem(problem(VALID + line + "\n"), 1, lineNumber, path, words);
    }

    @Test
    void unknownFieldsAtEveryLevel() {
        assertProblem(problem(replace("  name: wasm-auth\n", "  name: wasm-auth\n  namespace: x\n")), 1, 6,
                "metadata.namespace", "not a field of metadata", "displayName");
        assertProblem(problem(withSpec("  prority: 5\n")), 1, 10, "spec.prority", "not a field of spec",
                "priority");
        assertProblem(problem(withSpec("  vmConfig:\n    envs: []\n")), 1, 11, "spec.vmConfig.envs",
                "not a field of spec.vmConfig", "env");
        assertProblem(problem(withSpec("  vmConfig:\n    env:\n    - name: A\n      valu: x\n")), 1, 13,
                "spec.vmConfig.env[0].valu", "not a field of spec.vmConfig.env[0]", "value, valueFrom");
        assertProblem(problem(withSpec("  match:\n    mode: SERVER\n    ports: [80]\n")), 1, 12, "spec.match.ports",
                "not a field of spec.match");
    }

    @Test
    void documentThatIsNotAMapping() {
        assertProblem(problem("- apiVersion: extension.tsb.tetrate.io/v2\n- kind: WasmExtension\n"), 1, 1, "",
                "must be a mapping", "not a list");
        assertProblem(problem("# a comment\nWasmExtension\n"), 1, 2, "", "must be a mapping",
                "not the text 'WasmExtension'");
        assertProblem(problem(VALID + "---\n42\n"), 2, 11, "", "must be a mapping", "42");
    }

    @Test
    void sectionsOfTheWrongType() {
        assertProblem(problem(VALID.replace("spec:\n  url: oci://docker.io/example/my-wasm-extension:1.0\n"
                + "  phase: AUTHZ\n  priority: 1000\n", "spec: oci://x\n")), 1, 6, "spec", "must be a mapping",
                "not the text 'oci://x'");
        assertProblem(problem(VALID.replace("metadata:\n  organization: tse\n  name: wasm-auth\n",
                "metadata:\n- tse\n")), 1, 3, "metadata", "must be a mapping", "not a list");
        assertProblem(problem(replace("spec:\n", "spec:\n  vmConfig: []\n")), 1, 7, "spec.vmConfig",
                "must be a mapping");
        assertProblem(problem(withSpec("  match: SERVER\n")), 1, 10, "spec.match", "must be a mapping");
        assertProblem(problem(VALID.substring(0, VALID.indexOf("spec:"))), 1, 1, "spec", "is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            abc          | whole number | the text 'abc'
            2147483648   | out of range | 2147483648
            -2147483649  | out of range | -2147483649
            99999999999999999999999 | out of range | 99999999999999999999999
            1.5          | whole number | 1.5
            '12'         | whole number | the text '12'
            true         | whole number | true
            [1]          | whole number | a list
            """)
    void priorityThatIsNotAnInt32(String value, String words, String shown) {
        assertProblem(problem(replace("  priority: 1000\n", "  priority: " + value + "\n")), 1, 9,
                "spec.priority", words, shown);
    }

    @Test
    void unknownEnumNames() {
        assertProblem(problem(replace("phase: AUTHZ", "phase: AUTHX")), 1, 8, "spec.phase", "'AUTHX' is not one of",
                "UNSPECIFIED_PHASE, AUTHN, AUTHZ, STATS");
        assertProblem(problem(replace("phase: AUTHZ", "phase: authz")), 1, 8, "spec.phase", "'authz'");
        assertProblem(problem(withSpec("  imagePullPolicy: IF_NOT_PRESENT\n")), 1, 10, "spec.imagePullPolicy",
                "'IF_NOT_PRESENT' is not one of", "UNSPECIFIED_POLICY, IfNotPresent, Always");
        assertProblem(problem(withSpec("  vmConfig:\n    env:\n    - name: A\n      valueFrom: ENV\n")), 1, 13,
                "spec.vmConfig.env[0].valueFrom", "'ENV' is not one of", "INLINE, HOST");
        assertProblem(problem(withSpec("  match:\n    mode: BOTH\n")), 1, 11, "spec.match.mode",
                "'BOTH' is not one of", "UNDEFINED, CLIENT, SERVER, CLIENT_AND_SERVER");
        assertProblem(problem(replace("phase: AUTHZ", "phase: 2")), 1, 8, "spec.phase", "must be a string");
    }

    @Test
    void listsOfTheWrongShape() {
        assertProblem(problem(withSpec("  vmConfig:\n    env: LOG_LEVEL=debug\n")), 1, 11, "spec.vmConfig.env",
                "must be a list", "LOG_LEVEL=debug");
        assertProblem(problem(withSpec("  vmConfig:\n    env:\n      name: A\n")), 1, 11, "spec.vmConfig.env",
                "must be a list", "not a mapping");
        assertProblem(problem(withSpec("  vmConfig:\n    env:\n    - LOG_LEVEL\n")), 1, 12, "spec.vmConfig.env[0]",
                "must be a mapping", "LOG_LEVEL");
        assertProblem(problem(withSpec("  allowedIn: organizations/tse/tenants/t1\n")), 1, 10, "spec.allowedIn",
                "must be a list");
        assertProblem(problem(withSpec("  allowedIn:\n  - organizations/tse/tenants/t1\n  - {name: t2}\n")), 1, 12,
                "spec.allowedIn[1]", "must be a string", "a mapping");
        assertProblem(problem(withSpec("  allowedIn:\n  - 5\n")), 1, 11, "spec.allowedIn[0]", "must be a string",
                "5; quote it");
        assertProblem(problem(withSpec("  allowedIn:\n  -\n")), 1, 11, "spec.allowedIn[0]", "must be a string",
                "an empty value");
    }

    @Test
    void duplicateKeys() {
        assertProblem(problem(withSpec("  priority: 5\n")), 1, 10, "spec.priority", "'priority' appears twice");
        assertProblem(problem(VALID + "kind: WasmExtension\n"), 1, 10, "kind", "appears twice");
        assertProblem(problem(withSpec("  config:\n    a: 1\n    b: 2\n    a: 3\n")), 1, 13, "spec.config.a",
                "appears twice");
    }

    @Test
    void theBadDocumentOfAStreamIsNamedWithItsLine() {
        String stream = VALID + "---\n" + withSpec("  prority: 5\n").replace("wasm-auth", "wasm-two");

        assertProblem(problem(stream), 2, 20, "spec.prority", "not a field of spec");
        assertProblem(problem(VALID + "---\n" + replace("phase: AUTHZ", "phase: \"AUTHZ")), 2, 18, "",
                "not valid YAML", "quoted text");
        assertProblem(problem(VALID + "---\n---\n" + replace("kind: WasmExtension", "kind: Other")), 2, 13, "kind",
                "'Other'");
    }

    @Test
    void problemsOfSeveralDocumentsAreAllReported() {
        String stream = replace("kind: WasmExtension", "kind: Other") + "---\n" + withSpec("  prority: 5\n");

        List<DocumentProblem> problems = problems(stream);

        assertThat(problems).hasSize(2);
        assertProblem(problems.get(0), 1, 2, "kind", "'Other'");
        assertProblem(problems.get(1), 2, 20, "spec.prority", "not a field");
    }

    @Test
    void everyProblemOfADocumentIsReported() {
        String input = replace("tetrate.io/v2", "tetrate.io/v9").replace("name: wasm-auth", "nam: wasm-auth")
                .replace("phase: AUTHZ", "phase: NOPE").replace("priority: 1000", "priority: high")
                + "  prority: 1\n  vmConfig:\n    env:\n    - name: A\n      valueFrom: X\n";

        List<DocumentProblem> problems = problems(input);

        assertThat(problems).extracting(DocumentProblem::path).containsExactlyInAnyOrder("apiVersion",
                "metadata.nam", "spec.prority", "spec.phase", "spec.priority", "spec.vmConfig.env[0].valueFrom");
        assertThat(problems).allMatch(p -> p.document() == 1);
        assertThat(problems).filteredOn(p -> p.path().equals("spec.vmConfig.env[0].valueFrom"))
                .extracting(DocumentProblem::line).containsExactly(14);
        assertThat(problems).filteredOn(p -> p.path().equals("metadata.nam"))
                .extracting(DocumentProblem::line).containsExactly(5);
    }
}
