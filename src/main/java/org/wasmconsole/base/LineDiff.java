package org.wasmconsole.base;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-level diff of two texts, as rows of a side-by-side view: unchanged lines, changed lines
 * (a removed line next to the added line that replaces it), lines only removed, lines only added.
 * Common leading and trailing lines are set aside first; the rest is a longest common subsequence
 * of lines, which is exact and quick for documents of the size of a WasmExtension. Inputs beyond
 * {@link #MAX_CELLS} lines-squared (after the common ends) are shown as removed-then-added.
 */
public final class LineDiff {

    /** Above this many lines x lines in the differing middle, no common lines are looked for. */
    static final long MAX_CELLS = 4_000_000L;

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
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            rows.add(Row.same(i + 1, a.get(i), i + 1));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, prefix, rows);
        for (int k = suffix; k > 0; k--) {
            int i = a.size() - k;
            int j = b.size() - k;
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

    private static void middle(List<String> a, List<String> b, int offsetA, int offsetB, List<Row> rows) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS || n == 0 || m == 0) {
            block(a, 0, n, b, 0, m, offsetA, offsetB, rows);
            return;
        }
        // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int blockA = 0;
        int blockB = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                block(a, blockA, i, b, blockB, j, offsetA, offsetB, rows);
                rows.add(Row.same(offsetA + i + 1, a.get(i), offsetB + j + 1));
                i++;
                j++;
                blockA = i;
                blockB = j;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        block(a, blockA, n, b, blockB, m, offsetA, offsetB, rows);
    }

    /** Lines a[fromA, toA) removed and b[fromB, toB) added: paired as changed rows, the rest alone. */
    private static void block(List<String> a, int fromA, int toA, List<String> b, int fromB, int toB, int offsetA,
                              int offsetB, List<Row> rows) {
        int removed = toA - fromA;
        int added = toB - fromB;
        for (int k = 0; k < Math.max(removed, added); k++) {
            boolean left = k < removed;
            boolean right = k < added;
            Kind kind = left && right ? Kind.CHANGED : left ? Kind.REMOVED : Kind.ADDED;
            rows.add(new Row(kind, left ? offsetA + fromA + k + 1 : null, left ? a.get(fromA + k) : null,
                    right ? offsetB + fromB + k + 1 : null, right ? b.get(fromB + k) : null, 0));
        }
    }
}
