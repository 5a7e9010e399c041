package org.wasmconsole.base.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The tree, lines and documents the reader makes of YAML text. */
class YamlTreeReaderTest {

    private final YamlTreeReader reader = new YamlTreeReader(YamlLimits.DEFAULT);

    JsonNode root(String yaml) {
        List<SourceDocument> documents = reader.read(yaml);
        assertThat(documents).hasSize(1);
        return documents.get(0).root();
    }

    DocumentProblem problem(String yaml) {
        DocumentException e = catchThrowableOfType(DocumentException.class, () -> reader.read(yaml));
        assertThat(e).as("refused:%n%s", yaml).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void recordsTheLineOfEveryFieldAndListItem() {
        SourceDocument d = reader.read("""
                # comment
                a: 1
                b:
                  c: x
                  d:
                  - p

                  -   q: 1
                      r: 2
                  - [s, t]
                e: {f: 1, g: [2, 3]}
                h: |
                  text
                  more
                i: end
                """).get(0);

        assertThat(d.line()).isEqualTo(2);
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("a", 2);
        expected.put("b", 3);
        expected.put("b.c", 4);
        expected.put("b.d", 5);
        expected.put("b.d[0]", 6);
        expected.put("b.d[1]", 8);
        expected.put("b.d[1].q", 8);
        expected.put("b.d[1].r", 9);
        expected.put("b.d[2]", 10);
        expected.put("b.d[2][1]", 10);
        expected.put("e.g[1]", 11);
        expected.put("h", 12);
        expected.put("i", 15);
        expected.forEach((path, line) -> {
            assertThat(d.lines().contains(path)).as(path).isTrue();
            assertThat(d.lineOf(path)).as(path).isEqualTo(line);
        });
        assertThat(d.lines().contains("b.d[1].missing")).isFalse();
        assertThat(d.lineOf("b.d[1].missing")).isEqualTo(8);
        assertThat(d.lineOf("nowhere")).isEqualTo(2);
        assertThat(d.lineOf("")).isEqualTo(2);
    }

    @Test
    void keysWithDotsOrBracketsStillFindTheirLine() {
        SourceDocument d = reader.read("""
                a.b: 1
                a:
                  b: 2
                  c[0]:
                    d: 3
                """).get(0);

        // "a.b" reads two ways; each recorded reading answers, the deepest one wins.
        assertThat(d.lines().contains("a.b")).isTrue();
        assertThat(d.lineOf("a.b")).isIn(1, 3);
        assertThat(d.lineOf("a.c[0].d")).isEqualTo(5);
        assertThat(d.lineOf("a.c[0].x")).isEqualTo(4);
        assertThat(d.lineOf("a.c[1]")).isEqualTo(2);
    }

    @Test
    void linesCountWindowsLineEndingsAndAByteOrderMark() {
        SourceDocument d = reader.read("\uFEFFa: 1\r\nb:\r\n  c: 2\r\n").get(0);

        assertThat(d.root().toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":2}}");
        assertThat(d.lineOf("b.c")).isEqualTo(3);
    }

    @Test
    void emptyDocumentsAndCommentsAreSkippedAndNotCounted() {
        assertThat(reader.read("")).isEmpty();
        assertThat(reader.read("# only a comment\n")).isEmpty();
        assertThat(reader.read("---\n---\n")).isEmpty();
        assertThat(reader.read("--- ~\n...\n")).isEmpty();

        List<SourceDocument> documents = reader.read("# header\n---\n---\n# nothing\n---\na: 1\n---\n---\nb: 2\n---\n");

        assertThat(documents).extracting(d -> d.root().toString()).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(documents).extracting(SourceDocument::number).containsExactly(1, 2);
        assertThat(documents).extracting(SourceDocument::line).containsExactly(6, 9);
    }

    @Test
    void documentEndMarkersAndDirectivesAreAccepted() {
        List<SourceDocument> documents = reader.read("%YAML 1.2\n---\na: 1\n...\n---\nb: 2\n...\n");

        assertThat(documents).extracting(SourceDocument::line).containsExactly(3, 6);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a: 1                     | 1
            a: -7                    | -7
            a: +3                    | 3
            a: 010                   | 10
            a: 0x1F                  | 31
            a: 0o17                  | 15
            a: 3000000000            | 3000000000
            a: 123456789012345678901234567890 | 123456789012345678901234567890
            a: 1.5                   | 1.5
            a: 1e3                   | 1000.0
            a: true                  | true
            a: False                 | false
            a: ~                     | null
            a: Null                  | null
            a:                       | null
            a: ''                    | ""
            a: yes                   | "yes"
            a: on                    | "on"
            a: 1_000                 | "1_000"
            a: 2024-01-01            | "2024-01-01"
            a: '1'                   | "1"
            a: "true"                | "true"
            a: !!str 12              | "12"
            a: !!int "12"            | 12
            a: !!float 1             | 1.0
            a: ! 12                  | "12"
            """)
    void scalarsAreTypedByTheCoreSchema(String yaml, String json) {
        assertThat(root(yaml).get("a").toString()).isEqualTo(json);
    }

    @Test
    void quotedAndBlockScalarsAreText() {
        JsonNode root = root("a: |-\n  12\nb: >\n  true\n  false\nc: \"1.5\"\nd: 'null'\n");

        assertThat(root.toString()).isEqualTo("{\"a\":\"12\",\"b\":\"true false\\n\",\"c\":\"1.5\",\"d\":\"null\"}");
    }

    @Test
    void keysAreAlwaysText() {
        assertThat(root("1: a\ntrue: b\n~: c\n0x10: d\n").propertyNames()).containsExactly("1", "true", "~", "0x10");
    }

    @Test
    void smallAnchorsAndAliasesExpand() {
        JsonNode root = root("""
                defaults: &defaults {timeout: 5, retries: [1, 2]}
                name: &name wasm-auth
                copy: *defaults
                again: *name
                list:
                - &item {x: 1}
                - *item
                merged:
                  <<: *defaults
                  timeout: 10
                both:
                  <<: [*item, *defaults]
                """);

        assertThat(root.get("copy").toString()).isEqualTo("{\"timeout\":5,\"retries\":[1,2]}");
        assertThat(root.get("again").asString()).isEqualTo("wasm-auth");
        assertThat(root.get("list").toString()).isEqualTo("[{\"x\":1},{\"x\":1}]");
        assertThat(root.get("merged").toString()).isEqualTo("{\"timeout\":10,\"retries\":[1,2]}");
        assertThat(root.get("both").toString()).isEqualTo("{\"x\":1,\"timeout\":5,\"retries\":[1,2]}");
        // Copies, not shared nodes.
        assertThat(root.get("copy")).isNotSameAs(root.get("defaults"));
    }

    @Test
    void anchorsAreScopedToTheirDocument() {
        DocumentProblem p = problem("a: &x 1\n---\nb: *x\n");

        assertThat(p.document()).isEqualTo(2);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.path()).isEqualTo("b");
        assertThat(p.message()).contains("the alias *x refers to no anchor &x defined before it");
    }

    @Test
    void anAliasToAnUndefinedAnchorIsRefused() {
        DocumentProblem p = problem("a:\n  b:\n  - *nowhere\n");

        assertThat(p).isEqualTo(new DocumentProblem(1, 3, "a.b[0]",
                "the alias *nowhere refers to no anchor &nowhere defined before it in this document"));
    }

    @Test
    void aMergeOfSomethingElseThanMappingsIsRefused() {
        DocumentProblem p = problem("a:\n  <<: [1]\n");

        assertThat(p.path()).isEqualTo("a.<<");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("merge key << takes a mapping");
    }

    @Test
    void duplicateKeysAreRefusedWithTheirPathAndLine() {
        DocumentProblem p = problem("a:\n  b: 1\n  c: 2\n  b: 3\n");

        assertThat(p).isEqualTo(new DocumentProblem(1, 4, "a.b",
                "the key 'b' appears twice in the same mapping; keep one"));
        assertThat(problem("a: {x: 1, x: 2}\n").path()).isEqualTo("a.x");
        assertThat(problem("a: 1\n'a': 2\n").path()).isEqualTo("a");
    }

    @Test
    void keysThatAreNotScalarsAreRefused() {
        DocumentProblem p = problem("a:\n  ? [x, y]\n  : 1\n");

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).contains("a key must be a single value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a: .inf          | infinity or not-a-number
            a: -.Inf         | infinity or not-a-number
            a: .nan          | infinity or not-a-number
            a: 1e400         | too large
            a: !!binary aGk= | binary values
            a: !!int abc     | 'abc' is not a whole number as its tag says
            a: !!float x     | 'x' is not a number as its tag says
            a: !!bool yes    | 'yes' is not a true or false
            a: !custom x     | the tag !custom is not supported
            a: !!set [1]     | the tag !!set is not supported on a list
            """)
    void valuesWithoutAJsonEquivalentAreRefusedClearly(String yaml, String words) {
        DocumentProblem p = problem("x: 0\n" + yaml + "\n");

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.path()).isEqualTo("a");
        assertThat(p.message()).contains(words).doesNotContain("java", "Exception", "VALUE_");
    }

    @Test
    void syntaxErrorsNameTheLineOfTheProblemNotOfTheConstruct() {
        assertThat(problem("a:\n  b: 1\n\tc: 2\n").line()).isEqualTo(3);
        assertThat(problem("a: 1\nb: [1,\nc: 2\n").line()).isEqualTo(2);
        assertThat(problem("a: 1\nb: [1, 2\nc: 3\n").line()).isEqualTo(3);
        assertThat(problem("a: 1\nb: 'open\nc: 3\n").line()).isEqualTo(2);
        assertThat(problem("a: 1\n---\nb: 1\n c: 2\n")).extracting(DocumentProblem::document, DocumentProblem::line)
                .containsExactly(2, 4);
        DocumentProblem trailing = problem("[1, 2]\nmore\n---\na: 1\n");
        assertThat(trailing).extracting(DocumentProblem::document, DocumentProblem::line).containsExactly(1, 2);
        assertThat(trailing.message()).contains("more text after the end of the document");
        assertThat(problem("a: 1\n---\nb: 2\n---\n[1]\nmore\n"))
                .extracting(DocumentProblem::document, DocumentProblem::line).containsExactly(3, 6);
        assertThat(problem("a: 1\n---\n--- [1]\nmore\n"))
                .extracting(DocumentProblem::document, DocumentProblem::line).containsExactly(2, 4);
        assertThat(problem("plain text\n: value\n"))
                .extracting(DocumentProblem::document, DocumentProblem::line).containsExactly(1, 2);
        assertThat(problem("a: \u0007\n").message()).contains("U+0007");
    }
}
