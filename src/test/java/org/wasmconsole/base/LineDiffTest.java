package org.wasmconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.LineDiff.Kind;
import org.wasmconsole.base.LineDiff.Row;

class LineDiffTest {

    /** Each row as "kind left|right" with line numbers, for compact assertions. */
    static List<String> render(List<Row> rows) {
        return rows.stream().map(r -> r.kind() + " " + (r.leftNumber() == null ? "-" : r.leftNumber() + ":" + r.left())
                + " | " + (r.rightNumber() == null ? "-" : r.rightNumber() + ":" + r.right())
                + (r.folded() > 0 ? " (" + r.folded() + ")" : "")).toList();
    }

    @Test
    void identicalDocumentsAreAllUnchanged() {
        String doc = "a: 1\nb: 2\nc: 3\n";
        List<Row> rows = LineDiff.sideBySide(doc, doc);
        assertThat(render(rows)).containsExactly("SAME 1:a: 1 | 1:a: 1", "SAME 2:b: 2 | 2:b: 2", "SAME 3:c: 3 | 3:c: 3");
        assertThat(LineDiff.added(rows)).isZero();
        assertThat(LineDiff.removed(rows)).isZero();
    }

    @Test
    void emptyAndNullTextsHaveNoLines() {
        assertThat(LineDiff.sideBySide(null, "")).isEmpty();
        assertThat(LineDiff.lines("")).isEmpty();
        assertThat(LineDiff.lines("x")).containsExactly("x");
        assertThat(LineDiff.lines("x\n\n")).containsExactly("x", "");
        assertThat(LineDiff.lines("x\r\ny\r\n")).containsExactly("x", "y");
    }

    @Test
    void everythingAddedToAnEmptyDocumentAndRemovedFromAFullOne() {
        assertThat(render(LineDiff.sideBySide("", "a\nb\n"))).containsExactly("ADDED - | 1:a", "ADDED - | 2:b");
        assertThat(render(LineDiff.sideBySide("a\nb\n", null))).containsExactly("REMOVED 1:a | -", "REMOVED 2:b | -");
    }

    @Test
    void aChangedLineSitsNextToItsReplacement() {
        List<Row> rows = LineDiff.sideBySide("name: x\npriority: 1\nphase: AUTHN\n", "name: x\npriority: 2\nphase: AUTHN\n");
        assertThat(render(rows)).containsExactly("SAME 1:name: x | 1:name: x",
                "CHANGED 2:priority: 1 | 2:priority: 2", "SAME 3:phase: AUTHN | 3:phase: AUTHN");
        assertThat(LineDiff.added(rows)).isEqualTo(1);
        assertThat(LineDiff.removed(rows)).isEqualTo(1);
    }

    @Test
    void addedAndRemovedLinesKeepTheLineNumbersOfTheirSide() {
        List<Row> rows = LineDiff.sideBySide("a\nb\nc\nd\n", "a\nc\nx\ny\nd\n");
        assertThat(render(rows)).containsExactly("SAME 1:a | 1:a", "REMOVED 2:b | -", "SAME 3:c | 2:c",
                "ADDED - | 3:x", "ADDED - | 4:y", "SAME 4:d | 5:d");
    }

    @Test
    void moreRemovedThanAddedPairsWhatItCanThenRemovesTheRest() {
        assertThat(render(LineDiff.sideBySide("k\n1\n2\n3\nz\n", "k\nX\nz\n")))
                .containsExactly("SAME 1:k | 1:k", "CHANGED 2:1 | 2:X", "REMOVED 3:2 | -", "REMOVED 4:3 | -",
                        "SAME 5:z | 3:z");
    }

    @Test
    void longUnchangedRunsFoldAroundTheChangesWithContext() {
        String before = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String after = before.replace("line 10\n", "line ten\n");
        List<Row> folded = LineDiff.folded(LineDiff.sideBySide(before, after), 2);
        assertThat(render(folded)).containsExactly(
                "FOLDED 1:null | 1:null (7)",
                "SAME 8:line 8 | 8:line 8", "SAME 9:line 9 | 9:line 9",
                "CHANGED 10:line 10 | 10:line ten",
                "SAME 11:line 11 | 11:line 11", "SAME 12:line 12 | 12:line 12",
                "FOLDED 13:null | 13:null (8)");
        // a run that would hide only one line stays whole
        assertThat(LineDiff.folded(LineDiff.sideBySide("a\nb\nc\n", "a\nb\nc\n"), 1)).hasSize(1)
                .first().satisfies(r -> assertThat(r.kind()).isEqualTo(Kind.FOLDED));
        assertThat(LineDiff.folded(LineDiff.sideBySide("a\nb\nX\nc\nd\ne\n", "a\nb\nY\nc\nd\ne\n"), 2)).hasSize(6);
    }

    @Test
    void hugeDifferingMiddlesPairLineByLine() {
        String before = IntStream.range(0, 2100).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 2100).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));
        List<Row> rows = LineDiff.sideBySide("same\n" + before + "\nend", "same\n" + after + "\nend");
        assertThat(rows).hasSize(2102);
        assertThat(rows.get(1).kind()).isEqualTo(Kind.CHANGED);
        assertThat(rows.getLast().kind()).isEqualTo(Kind.SAME);
    }

    @Test
    void changesFarApartInALongDocumentKeepEveryUnchangedLineBetweenThem() {
        // 2,100 lines with a change near each end: the hand-written LCS gave up above 4 million
        // cells and showed the whole middle as changed; Myers in linear space keeps it unchanged.
        List<String> lines = IntStream.rangeClosed(1, 2100).mapToObj(i -> "line " + i).toList();
        String before = String.join("\n", lines);
        String after = before.replace("line 3\n", "line three\n").replace("line 2098\n", "line 2098 changed\n");
        List<Row> rows = LineDiff.sideBySide(before, after);
        assertThat(rows).hasSize(2100);
        assertThat(rows).filteredOn(r -> r.kind() != Kind.SAME).extracting(Row::leftNumber).containsExactly(3, 2098);
        assertThat(LineDiff.added(rows)).isEqualTo(2);
        assertThat(LineDiff.removed(rows)).isEqualTo(2);
    }

    @Test
    void aMovedBlockKeepsOneSideUnchangedAndMovesTheOther() {
        List<Row> rows = LineDiff.sideBySide("a\nb\nc\nd\n", "c\nd\na\nb\n");
        assertThat(rows).filteredOn(r -> r.kind() == Kind.SAME).hasSize(2);
        assertThat(LineDiff.added(rows)).isEqualTo(2);
        assertThat(LineDiff.removed(rows)).isEqualTo(2);
    }
}
