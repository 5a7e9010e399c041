package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;

/** A valid document to break, and assertions on the problems that {@link ExtensionYaml#read} reports. */
abstract class DocumentProblemsTestBase {

    /** A valid document of 9 lines; lines added by {@link #withSpec} start at line 10. */
    static final String VALID = """
            apiVersion: extension.tsb.tetrate.io/v2
            kind: WasmExtension
            metadata:
              organization: tse
              name: wasm-auth
            spec:
              url: oci://docker.io/example/my-wasm-extension:1.0
              phase: AUTHZ
              priority: 1000
            """;

    final ExtensionYaml yaml = new ExtensionYaml();

    static String withSpec(String specLines) {
        return VALID + specLines.stripIndent();
    }

    static String replace(String line, String by) {
        assertThat(VALID).contains(line);
        return VALID.replace(line, by);
    }

    List<DocumentProblem> problems(String input) {
        DocumentException e = catchThrowableOfType(DocumentException.class, () -> yaml.read(input));
        assertThat(e).as("a DocumentException for:%n%s", input).isNotNull();
        assertThat(e.problems()).isNotEmpty();
        for (DocumentProblem p : e.problems()) {
            assertThat(p.message()).as("message of %s", p)
                    .doesNotContainPattern("(java|tools|org)\\.[a-z]+\\.|Exception|\\bat \\[|\\^|<[a-z ]+>|\n");
        }
        assertThat(e.getMessage()).contains(e.problems().get(0).message());
        return e.problems();
    }

    DocumentProblem problem(String input) {
        List<DocumentProblem> problems = problems(input);
        assertThat(problems).as("one problem").hasSize(1);
        return problems.get(0);
    }

    static void assertProblem(DocumentProblem p, int document, int line, String path, String... words) {
        assertThat(p.document()).as("document of %s", p).isEqualTo(document);
        assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        assertThat(p.path()).as("path of %s", p).isEqualTo(path);
        assertThat(p.message()).as("message of %s", p).contains(words);
    }

}
