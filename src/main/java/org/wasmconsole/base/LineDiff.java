package org.wasmconsole.base;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A line-level diff of two texts, as rows of a side-by-side view: unchanged lines, changed lines
 * (a removed line next to the added line that replaces it), lines only removed, lines only added.
 * The lines in common are found by java-diff-utils' Myers diff in linear space (a shortest edit
 * script, so as many unchanged lines as there can be, in O((n+m)·d) time and O(n+m) memory, for
 * documents of any size); this class only lays its deltas out as rows.
 */
public final class LineDiff {

    public enum Kind { SAME, CHANGED, REMOVED, ADDED, FOLDED }

    /**
     * One row. Line numbers count from 1; a side without a line has a null number and text.
     * A {@link Kind#FOLDED} row stands for {@code folded} unchanged lines left out, starting at
     * its two numbers.
     */
    public record Row(Kind kind, Integer leftNumber, String left, Integer rightNumber, String right, int folded) {

        static Row same(int l, String text, int r) {
            return new Row(Kind.SAME, l, text, r, text, 0);
        }
    }

    private LineDiff() {
    }

    /** The lines of a text; null and "" have none, and a final line break ends the last line. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    /** Every line of both texts, side by side. */
    public static List<Row> sideBySide(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b, new MeyersDiffWithLinearSpace<>(), null).getDeltas();
        for (int d = 0; d < deltas.size(); ) {
            for (; i < deltas.get(d).getSource().getPosition(); i++, j++) {
                rows.add(Row.same(i + 1, a.get(i), j + 1));
            }
            // a deletion next to an insertion (the linear-space variant reports them apart) is one block
            int endA = i;
            int endB = j;
            for (; d < deltas.size() && deltas.get(d).getSource().getPosition() == endA
                    && deltas.get(d).getTarget().getPosition() == endB; d++) {
                endA += deltas.get(d).getSource().size();
                endB += deltas.get(d).getTarget().size();
            }
            block(a, i, endA, b, j, endB, rows);
            i = endA;
            j = endB;
        }
        for (; i < a.size(); i++, j++) {
            rows.add(Row.same(i + 1, a.get(i), j + 1));
        }
        return rows;
    }

    /** The rows with runs of unchanged lines longer than twice {@code context} folded to one row. */
    public static List<Row> folded(List<Row> rows, int context) {
        List<Row> result = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            if (rows.get(i).kind() != Kind.SAME) {
                result.add(rows.get(i++));
                continue;
            }
            int end = i;
            while (end < rows.size() && rows.get(end).kind() == Kind.SAME) {
                end++;
            }
            int keepStart = i == 0 ? 0 : context;
            int keepEnd = end == rows.size() ? 0 : context;
            int hidden = end - i - keepStart - keepEnd;
            if (hidden > 1) {
                result.addAll(rows.subList(i, i + keepStart));
                Row first = rows.get(i + keepStart);
                result.add(new Row(Kind.FOLDED, first.leftNumber(), null, first.rightNumber(), null, hidden));
                result.addAll(rows.subList(end - keepEnd, end));
            } else {
                result.addAll(rows.subList(i, end));
            }
            i = end;
        }
        return result;
    }

    /** How many lines are only on the right (added), counting changed lines. */
    public static long added(List<Row> rows) {
        return rows.stream().filter(r -> r.kind() == Kind.ADDED || r.kind() == Kind.CHANGED).count();
    }

    /** How many lines are only on the left (removed), counting changed lines. */
    public static long removed(List<Row> rows) {
        return rows.stream().filter(r -> r.kind() == Kind.REMOVED || r.kind() == Kind.CHANGED).count();
    }

    /** Lines a[fromA, toA) removed and b[fromB, toB) added: paired as changed rows, the rest alone. */
    private static void block(List<String> a, int fromA, int toA, List<String> b, int fromB, int toB, List<Row> rows) {
        int removed = toA - fromA;
        int added = toB - fromB;
        for (int k = 0; k < Math.max(removed, added); k++) {
            boolean left = k < removed;
            boolean right = k < added;
            Kind kind = left && right ? Kind.CHANGED : left ? Kind.REMOVED : Kind.ADDED;
            rows.add(new Row(kind, left ? fromA + k + 1 : null, left ? a.get(fromA + k) : null,
                    right ? fromB + k + 1 : null, right ? b.get(fromB + k) : null, 0));
        }
    }
}
