package org.wasmconsole.base.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hostile input is refused early, with a clear message, before it takes much memory or time. */
class YamlTreeReaderLimitsTest {

    /** 1000 bytes, 3 documents, depth 5, 50 alias values, strings of 20 characters. */
    static final YamlLimits SMALL = new YamlLimits(1000, 3, 5, 50, 20);

    static DocumentProblem problem(YamlLimits limits, String yaml) {
        DocumentException e = catchThrowableOfType(DocumentException.class,
                () -> new YamlTreeReader(limits).read(yaml));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        DocumentProblem p = e.problems().get(0);
        assertThat(p.message()).doesNotContain("java", "Exception", "StreamReadConstraints");
        return p;
    }

    @Test
    void inputOverTheSizeLimitIsRefusedBeforeParsing() {
        // Not even YAML: it is refused for its size, not its syntax.
        DocumentProblem p = problem(SMALL, "a: [\"" + "x".repeat(1000));

        assertThat(p).isEqualTo(new DocumentProblem(1, 0, "",
                "the input is larger than the limit of 1000 bytes: split it into smaller files"));
    }

    @Test
    void sizeIsCountedInUtf8Bytes() {
        String fits = "a: " + "é".repeat(498) + "\n"; // 3 + 996 + 1 = 1000 bytes
        String over = "a: " + "é".repeat(499) + "\n";

        assertThat(new YamlTreeReader(new YamlLimits(1000, 3, 5, 50, 1000)).read(fits)).hasSize(1);
        assertThat(problem(SMALL, over).message()).contains("larger than the limit of 1000 bytes");
        assertThat(YamlTreeReader.utf8LengthExceeds("😀", 3)).isTrue();
        assertThat(YamlTreeReader.utf8LengthExceeds("😀", 4)).isFalse();
    }

    @Test
    void tooManyDocumentsAreRefused() {
        DocumentProblem p = problem(SMALL, "a: 1\n---\nb: 1\n---\nc: 1\n---\nd: 1\n");

        assertThat(p).isEqualTo(new DocumentProblem(4, 7, "",
                "the input has more than 3 documents: split it into smaller files"));
        assertThat(new YamlTreeReader(SMALL).read("a: 1\n---\nb: 1\n---\nc: 1\n---\n---\n")).hasSize(3);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        assertThat(new YamlTreeReader(SMALL).read("a:\n b:\n  c:\n   d: [1]\n")).hasSize(1);

        DocumentProblem p = problem(SMALL, "a:\n b:\n  c:\n   d:\n    e:\n     f: 1\n");

        assertThat(p).isEqualTo(new DocumentProblem(1, 6, "a.b.c.d.e",
                "is nested deeper than 5 levels of mappings and lists"));
        assertThat(problem(SMALL, "a: [[[[[1]]]]]\n").path()).isEqualTo("a[0][0][0][0]");
    }

    @Test
    void deepNestingWithDefaultLimitsIsRefusedQuickly() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);

        DocumentProblem p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> problem(YamlLimits.DEFAULT, deep));

        assertThat(p.message()).isEqualTo("is nested deeper than 64 levels of mappings and lists");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = c;
        }

        DocumentProblem p = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> problem(YamlLimits.DEFAULT, bomb.toString()));

        assertThat(p.document()).isEqualTo(1);
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.path()).startsWith("e[");
        assertThat(p.message()).isEqualTo("aliases (*name) expand to more than 10000 values in this input;"
                + " write the values out or use fewer aliases");
    }

    @Test
    void aliasExpansionIsCountedOverTheWholeStream() {
        String document = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a]\n"; // 20 values per document
        YamlLimits limits = new YamlLimits(10_000, 100, 5, 50, 20);

        assertThat(new YamlTreeReader(limits).read(document + "---\n" + document)).hasSize(2);
        DocumentProblem p = problem(limits, document + "---\n" + document + "---\n" + document);

        assertThat(p.document()).isEqualTo(3);
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.message()).contains("more than 50 values");
    }

    @Test
    void aStringOverTheLimitIsRefused() {
        DocumentProblem p = problem(SMALL, "a: ok\nb: " + "x".repeat(21) + "\n");

        assertThat(p).isEqualTo(new DocumentProblem(1, 2, "b",
                "a value of 21 characters is longer than the limit of 20"));
        assertThat(new YamlTreeReader(SMALL).read("a: " + "x".repeat(20) + "\n")).hasSize(1);
        assertThat(problem(SMALL, "a:\n  " + "k".repeat(21) + ": 1\n").message())
                .isEqualTo("a key of 21 characters is longer than the limit of 20");
        assertThat(problem(SMALL, "a: |\n  " + "x".repeat(10) + "\n  " + "y".repeat(10) + "\n").path())
                .isEqualTo("a");
    }

    @Test
    void aKeyLongerThanYamlAllowsForPlainKeysIsRefused() {
        String key = "k".repeat(1025);

        DocumentProblem p = problem(YamlLimits.DEFAULT, "a:\n  ? " + key + "\n  : 1\n");

        assertThat(p).isEqualTo(new DocumentProblem(1, 2, "a",
                "a key of 1025 characters is longer than the limit of 1024"));
    }

    @Test
    void manyEntriesUnderALongPathStayCheap() {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 20; level++) {
            yaml.append("{").append(String.valueOf((char) ('a' + level)).repeat(1000)).append(": ");
        }
        yaml.append("{");
        for (int i = 0; yaml.length() < 500_000; i++) {
            yaml.append("k").append(i).append(": 1, ");
        }
        yaml.append("list: [").append("1,".repeat(250_000)).append("1],\nend: 1}").append("}".repeat(20)).append("\n");

        SourceDocument d = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new YamlTreeReader(YamlLimits.DEFAULT).read(yaml.toString()).get(0));

        // Lines are recorded while the budget lasts (one per 8 characters of input), then fall back
        // to the nearest recorded ancestor.
        assertThat(d.lines().size()).isEqualTo(yaml.length() / 8);
        String deepest = IntStream.range(0, 20).mapToObj(l -> String.valueOf((char) ('a' + l)).repeat(1000))
                .collect(Collectors.joining("."));
        assertThat(d.lines().contains(deepest + ".k0")).isTrue();
        assertThat(d.lines().contains(deepest + ".list[0]")).isTrue();
        // The end of the list and the last entry (line 2) are past the budget: their line is the
        // nearest recorded ancestor's, on line 1.
        assertThat(d.lines().contains(deepest + ".list[250000]")).isFalse();
        assertThat(d.lineOf(deepest + ".list[250000]")).isEqualTo(1);
        assertThat(d.lines().contains(deepest + ".end")).isFalse();
        assertThat(d.lineOf(deepest + ".end")).isEqualTo(1);
    }

    @Test
    void aVeryLongNumberIsRefused() {
        DocumentProblem p = problem(YamlLimits.DEFAULT, "a: " + "9".repeat(5000) + "\n");

        assertThat(p.path()).isEqualTo("a");
        assertThat(p.message()).contains("a number of 5000 characters is longer than the limit of 1000");
    }
}
