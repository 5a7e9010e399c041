package org.wasmconsole.base.yaml;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The input line of every field and list item of one document, stored as a tree of steps that
 * share their ancestors: a field costs the same few dozen bytes however deep it sits, so that the
 * memory for lines grows with the number of fields, never with the length of their paths (a
 * mapping of many entries under long keys used to cost the whole path for each entry).
 *
 * <p>Looked up by field path text such as {@code spec.vmConfig.env[1].name}. A key that contains
 * a dot or a bracket makes the text ambiguous; every reading is tried and the deepest recorded one wins.
 */
public final class FieldLines {

    /** No lines at all (a JSON body): every lookup falls back to the document's line. */
    public static final FieldLines NONE = new FieldLines();

    static final int ROOT = 0;

    /** One step down from a recorded field: a key ({@code name}) or a list index ({@code index}, name null). */
    private record Step(int parent, String name, int index) {
    }

    private final Map<Step, Integer> ids = new HashMap<>();
    private int[] lines = new int[16];
    private int size = 1; // the root, id 0, has no line of its own

    /** Records a child of {@code parent} on the given line; answers its id for its own children. */
    int record(int parent, String name, int index, int line) {
        Integer known = ids.putIfAbsent(new Step(parent, name, index), size);
        if (known != null) {
            return known;
        }
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, size * 2);
        }
        lines[size] = line;
        return size++;
    }

    /** How many fields and items have a line. */
    public int size() {
        return size - 1;
    }

    /** Whether exactly this path was written in the input (and its line recorded). */
    public boolean contains(String path) {
        return !path.isEmpty() && deepest(ROOT, path, 0)[0] == path.length();
    }

    /** The line of a field path, or of its nearest recorded ancestor; {@code fallback} if none. */
    public int lineOf(String path, int fallback) {
        if (path.isEmpty()) {
            return fallback;
        }
        int[] found = deepest(ROOT, path, 0);
        return found[0] == 0 ? fallback : lines[found[1]];
    }

    /** {end of the deepest recorded match in path, its id}, searching below {@code node} from {@code from}. */
    private int[] deepest(int node, String path, int from) {
        int[] best = {0, ROOT};
        if (from >= path.length()) {
            return best;
        }
        if (path.charAt(from) == '[') {
            int close = path.indexOf(']', from);
            Integer id = close < 0 ? null : index(path.substring(from + 1, close))
                    .map(i -> ids.get(new Step(node, null, i))).orElse(null);
            if (id != null) {
                best = better(best, new int[] {close + 1, id}, path, close + 1);
            }
            return best;
        }
        for (int cut = from + 1; cut <= path.length(); cut++) {
            if (cut < path.length() && path.charAt(cut) != '.' && path.charAt(cut) != '[') {
                continue;
            }
            Integer id = ids.get(new Step(node, path.substring(from, cut), -1));
            if (id != null) {
                best = better(best, new int[] {cut, id}, path, cut);
            }
        }
        return best;
    }

    /** The better of the best so far and a match ending at {@code end}, extended as deep as it goes. */
    private int[] better(int[] best, int[] match, String path, int end) {
        int next = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
        int[] below = deepest(match[1], path, next);
        int[] candidate = below[0] > 0 ? below : match;
        return candidate[0] > best[0] ? candidate : best;
    }

    private static java.util.Optional<Integer> index(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Integer.parseInt(digits));
    }
}
