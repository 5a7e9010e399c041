package org.wasmconsole.base;

import org.snakeyaml.engine.v2.nodes.Tag;
import java.util.List;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Decides which strings the writer must quote so that every YAML reader reads them back as
 * strings: Jackson's default choice (YAML 1.1 booleans and nulls such as {@code yes} and
 * {@code ~}, flow indicators, {@code ": "} and {@code " #"}), plus whatever the YAML 1.2 core schema
 * reads as something else ({@code 1e3}, {@code 0x10}, {@code .inf}, {@code Null}), plus anything
 * starting like a number that a YAML 1.1 reader such as tctl's may take for one ({@code 1_000},
 * {@code 1:20}, {@code 2024-01-01}), the merge key {@code <<} and the value key {@code =}.
 */
public final class YamlQuoting extends StringQuotingChecker {

    private static final long serialVersionUID = 1L;
    private static final CoreResolver CORE = new CoreResolver();
    private static final StringQuotingChecker DEFAULT = StringQuotingChecker.Default.instance();

    @Override
    public boolean needToQuoteName(String name) {
        return DEFAULT.needToQuoteName(name) || !readsAsString(name, false);
    }

    /** Jackson's default ({@code StringQuotingChecker.Default}: reserved words, quotable characters) or not a string. */
    @Override
    public boolean needToQuoteValue(String value) {
        return isReservedKeyword(value) || !readsAsString(value, true);
    }

    /**
     * {@link #needToQuoteValue} for a word: a text of ASCII letters, digits, {@code - _ . /} only that starts with a
     * letter or {@code /} (no character that Jackson quotes, no whitespace, not a number's start), so that only
     * the reserved words and the core schema's resolver can ask for quotes. For the block writer, which has
     * checked the text's characters anyway.
     */
    boolean needToQuoteWord(String word) {
        return isReservedKeyword(word) || CORE.mayResolveOtherThanString(word)
                && !CORE.resolve(word, true).equals(Tag.STR);
    }

    /**
     * Whether a YAML reader reads the plain text back as a string; with {@code jacksonValueChars}, also false for
     * the characters for which Jackson's default checker quotes a value ({@code StringQuotingChecker
     * .valueHasQuotableChar}), tested in the same pass.
     */
    private static boolean readsAsString(String text, boolean jacksonValueChars) {
        // Plain loops, not streams, one pass: every key and value of every exported document passes here (issue #23:
        // a quarter of a 100k export's CPU samples were in these checks).
        boolean whitespace = false;
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                return false; // line breaks to some readers, or dropped: double-quoted they are escaped
            }
            if (jacksonValueChars && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
                    || c == '#' && (i == 0 || blank(text.charAt(i - 1)))
                    || c == ':' && (i == last || blank(text.charAt(i + 1))))) {
                return false;
            }
            whitespace |= c < 0x80 ? c == ' ' || c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x1F
                    : Character.isWhitespace(c); // the same answer, without the call for ASCII
        }
        if (text.isEmpty() || text.equals("<<") || text.equals("=")) {
            return false;
        }
        char first = text.charAt(0);
        if (CORE.mayResolveOtherThanString(text) && !CORE.resolve(text, true).equals(Tag.STR)) {
            return false;
        }
        boolean numberLike = Character.isDigit(first) || first == '+' || first == '-' || first == '.';
        return !numberLike || whitespace;
    }

    /** Jackson's {@code StringQuotingChecker.isBlank}. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * The YAML 1.2 core schema's resolver, which picks its patterns by the text's first character and then tries
     * its catch-all ones: {@code EMPTY} ({@code ^$}) and {@code NULL} ({@code ~}, {@code null}, {@code Null},
     * {@code NULL} or one space: at most four characters). Asking it only about texts whose first character has
     * patterns of its own, or that are short enough for a catch-all one, gives the same answers without a regex
     * per key and value: most start with a letter no pattern starts with ({@code YamlQuotingTest} compares both).
     * Should a later SnakeYAML Engine add other catch-all patterns, every text is asked about again.
     */
    static final class CoreResolver extends CoreScalarResolver {

        /** EMPTY and NULL, which the core schema (SnakeYAML Engine 3.0) registers for every first character. */
        private static final int CATCH_ALL_PATTERNS = 2;
        private static final int LONGEST_CATCH_ALL_MATCH = 4;

        private final boolean onlyShortCatchAll;

        CoreResolver() {
            super(false);
            onlyShortCatchAll = yamlImplicitResolvers.getOrDefault(null, List.of()).size() == CATCH_ALL_PATTERNS;
        }

        boolean mayResolveOtherThanString(String text) {
            return !onlyShortCatchAll || text.length() <= LONGEST_CATCH_ALL_MATCH
                    || yamlImplicitResolvers.containsKey(text.charAt(0));
        }
    }
}