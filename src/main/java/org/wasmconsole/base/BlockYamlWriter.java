package org.wasmconsole.base;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a document tree exactly as {@link YamlText}'s Jackson writer does (Jackson's YAMLGenerator with
 * SnakeYAML Engine's emitter), for the trees it is sure about, and several times faster: a 100k export spent
 * 80 % of its CPU in the emitter's general machinery (events, style analysis, tag resolution; issue #23).
 * Everything it is not sure about it leaves to Jackson by answering null for the whole document: text outside
 * printable ASCII (other than line breaks in multi-line text), empty collections, lists in lists, fractional
 * numbers, long keys. {@code BlockYamlWriterTest} compares both writers over many generated trees.
 *
 * <p>What it reproduces, from SnakeYAML Engine's {@code Emitter} and Jackson's {@code YAMLGenerator}: block
 * mappings indented by two, lists not indented under their key ({@code - item}), a mapping in a list starting
 * on the dash's line; a text's style as Jackson asks for it (multi-line: literal block; quoted when the quoting
 * checker or Jackson's number pattern says so; else plain) and then as the emitter's scalar analysis allows it.
 */
final class BlockYamlWriter {

    /** The emitter writes a key of this length or more as an explicit {@code ? key}: left to Jackson. */
    private static final int MAX_SIMPLE_KEY_LENGTH = 128;

    /**
     * Keys as written, by key: the same dozen keys recur in every document of an export, and deciding how to write
     * one is the quoting check's work. Bounded, since config keys are the user's; the quoting is the same for all
     * callers ({@link YamlText}'s one checker).
     */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final int MAX_KEYS_KEPT = 4_096;

    private final YamlQuoting quoting;
    private final StringBuilder out = new StringBuilder(2048);

    private BlockYamlWriter(YamlQuoting quoting) {
        this.quoting = quoting;
    }

    /** The document starting with {@code ---}, or null when Jackson must write it. */
    static @Nullable String write(JsonNode document, YamlQuoting quoting) {
        if (!(document instanceof ObjectNode root) || root.isEmpty()) {
            return null;
        }
        BlockYamlWriter writer = new BlockYamlWriter(quoting);
        writer.out.append("---\n");
        return writer.mapping(root, 0, false) ? writer.out.toString() : null;
    }

    /**
     * Entries at {@code indent}; the first one right where the output is when {@code inline} (after a list's
     * dash), each other one on its own line.
     */
    private boolean mapping(ObjectNode node, int indent, boolean inline) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!(first && inline)) {
                indent(indent);
            }
            first = false;
            if (!key(entry.getKey())) {
                return false;
            }
            out.append(':');
            JsonNode value = entry.getValue();
            if (value instanceof ObjectNode object) {
                if (object.isEmpty()) {
                    return false;
                }
                out.append('\n');
                if (!mapping(object, indent + 2, false)) {
                    return false;
                }
            } else if (value instanceof ArrayNode array) {
                if (array.isEmpty()) {
                    return false;
                }
                out.append('\n');
                if (!sequence(array, indent)) {
                    return false;
                }
            } else if (value.isString() && value.asString().indexOf('\n') >= 0) {
                if (!literal(value.asString(), indent + 2)) {
                    return false;
                }
            } else {
                out.append(' ');
                if (!scalar(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean sequence(ArrayNode node, int indent) {
        for (JsonNode item : node) {
            indent(indent);
            out.append("- ");
            if (item instanceof ObjectNode object) {
                if (object.isEmpty() || !mapping(object, indent + 2, true)) {
                    return false;
                }
            } else if (item instanceof ArrayNode || !scalar(item)) {
                return false;
            }
        }
        return true;
    }

    private boolean key(String key) {
        String written = KEYS.get(key);
        if (written == null) {
            if (key.isEmpty() || key.length() >= MAX_SIMPLE_KEY_LENGTH || !printableAscii(key, false)) {
                return false;
            }
            int start = out.length();
            if (quoting.needToQuoteName(key)) {
                doubleQuoted(key);
            } else {
                plainOrSingleQuoted(key);
            }
            if (KEYS.size() < MAX_KEYS_KEPT) {
                KEYS.put(key, out.substring(start));
            }
            return true;
        }
        out.append(written);
        return true;
    }

    /** A value on one line, and its line break. */
    private boolean scalar(JsonNode value) {
        if (value.isString()) {
            return text(value.asString());
        }
        String plain;
        if (value.isNull()) {
            plain = "null";
        } else if (value.isBoolean()) {
            plain = value.booleanValue() ? "true" : "false";
        } else if (value.isIntegralNumber()) {
            plain = value.bigIntegerValue().toString();
        } else if (value.isDouble() || value.isFloat()) {
            // YAMLGenerator.writeNumber: String.valueOf, plain where the emitter allows it ("1.5", "-1.0E-5")
            plain = value.isDouble() ? String.valueOf(value.doubleValue()) : String.valueOf(value.floatValue());
            if (!Analysis.of(plain).allowBlockPlain) {
                return false;
            }
        } else {
            return false; // big decimals, binary, POJOs: Jackson knows their text
        }
        out.append(plain).append('\n');
        return true;
    }

    private boolean text(String text) {
        // Empty: always quoted by Jackson; multi-line: a literal block, written by the mapping (not in lists here).
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (simplePlain(text) && !(first >= '0' && first <= '9')) {
            // A word such as a name, an fqn or an enum (most values): printable, plain unless reserved or resolved
            // as another type, not a number (one pass here instead of the general checks' four).
            if (quoting.needToQuoteWord(text)) {
                doubleQuoted(text);
            } else {
                out.append(text);
            }
            out.append('\n');
            return true;
        }
        if (!printableAscii(text, false)) {
            return false;
        }
        if (quoting.needToQuoteValue(text) || plainNumber(text)) {
            doubleQuoted(text);
        } else {
            plainOrSingleQuoted(text);
        }
        out.append('\n');
        return true;
    }

    /**
     * Jackson asks for plain; the emitter keeps it where its analysis allows a plain scalar, else (for one line
     * of printable ASCII) single-quotes it, doubling the quotes in it: {@code '"3f2a"'}, {@code '- a'}.
     */
    private void plainOrSingleQuoted(String text) {
        if (simplePlain(text) || Analysis.of(text).allowBlockPlain) {
            out.append(text);
            return;
        }
        out.append('\'');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == '\'') {
                out.append('\'');
            }
        }
        out.append('\'');
    }

    /**
     * Multi-line text, for which Jackson asks for a literal block: the emitter writes one ({@code |-} without a
     * final line break, {@code |} with one, an indentation hint when the text starts with a space or a break)
     * unless the text has a space before a break or at its end, which a block cannot keep: then the text is
     * double-quoted on one line, breaks as {@code \n}. Texts ending in two breaks (a keep hint) go to Jackson.
     */
    private boolean literal(String text, int indent) {
        // One pass for both questions: printable ASCII and breaks only, and the emitter's allowBlock (no space
        // before a break, none at the end), which is all of its analysis that a literal block needs.
        boolean spaceBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                spaceBreak |= i > 0 && text.charAt(i - 1) == ' ';
            } else if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        if (spaceBreak || text.charAt(text.length() - 1) == ' ') {
            out.append(' ');
            doubleQuoted(text);
            out.append('\n');
            return true;
        }
        boolean finalBreak = text.charAt(text.length() - 1) == '\n';
        if (finalBreak && (text.length() == 1 || text.charAt(text.length() - 2) == '\n')) {
            return false;
        }
        char first = text.charAt(0);
        out.append(" |").append(first == ' ' || first == '\n' ? "2" : "").append(finalBreak ? "\n" : "-\n");
        int end = finalBreak ? text.length() - 1 : text.length();
        int start = 0;
        while (start <= end) {
            int lineEnd = text.indexOf('\n', start);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            if (lineEnd > start) {
                indent(indent);
                out.append(text, start, lineEnd);
            }
            out.append('\n');
            start = lineEnd + 1;
        }
        return true;
    }

    /** Printable ASCII and line breaks only, as callers checked: the emitter escapes {@code "}, {@code \}, breaks. */
    private void doubleQuoted(String text) {
        // Runs between escapes appended at once: a char at a time, a long description cost the builder's checks
        // per char.
        out.append('"');
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '"' || c == '\\') {
                out.append(text, start, i).append('\\').append(c == '\n' ? 'n' : c);
                start = i + 1;
            }
        }
        out.append(text, start, text.length()).append('"');
    }

    /**
     * Jackson's {@code YAMLGenerator.PLAIN_NUMBER_P}, {@code [+-]?[0-9]*(\.[0-9]*)?}, without a regex (every
     * value of every exported document is tested): Jackson double-quotes such texts.
     */
    static boolean plainNumber(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
        }
        return i == n;
    }

    /**
     * Names, words and paths such as {@code rate-limit}, {@code x_team.v2}, {@code /api/v1}: a letter, digit or
     * slash first and no space or indicator anywhere, which the emitter's analysis always allows plain.
     */
    private static boolean simplePlain(String text) {
        char first = text.charAt(0);
        if (!(Character.isLetterOrDigit(first) && first < 0x80 || first == '/')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    private void indent(int n) {
        for (int i = 0; i < n; i++) {
            out.append(' ');
        }
    }

    private static boolean printableAscii(String text, boolean breaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7E) && !(breaks && c == '\n')) {
                return false;
            }
        }
        return true;
    }

    /**
     * SnakeYAML Engine's {@code Emitter.analyzeScalar}, for texts of printable ASCII and line breaks only
     * (which have no special characters and are one char per code point): whether the emitter allows a plain
     * scalar ({@link #literal} answers the block style's own question in its pass).
     */
    record Analysis(boolean allowBlockPlain) {

        static Analysis of(String scalar) {
            boolean blockIndicators = scalar.startsWith("---") || scalar.startsWith("...");
            boolean lineBreaks = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean precededByWhitespace = true;
            boolean followedByWhitespace = scalar.length() == 1 || " \t\n\r\0".indexOf(scalar.charAt(1)) >= 0;
            boolean previousSpace = false;
            boolean previousBreak = false;
            int last = scalar.length() - 1;
            for (int index = 0; index <= last; index++) {
                char c = scalar.charAt(index);
                if (index == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                        blockIndicators = true;
                    }
                    if ((c == '?' || c == ':' || c == '-') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else if (c == ':' && followedByWhitespace || c == '#' && precededByWhitespace) {
                    blockIndicators = true;
                }
                boolean isLineBreak = c == '\n';
                lineBreaks |= isLineBreak;
                if (c == ' ') {
                    leadingSpace |= index == 0;
                    trailingSpace |= index == last;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (isLineBreak) {
                    leadingBreak |= index == 0;
                    trailingBreak |= index == last;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = c == ' ' || c == '\t' || c == '\0' || isLineBreak;
                followedByWhitespace = true;
                if (index + 2 <= last) {
                    char next = scalar.charAt(index + 2);
                    followedByWhitespace = next == ' ' || next == '\t' || next == '\0' || isLineBreak;
                }
            }
            boolean allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace
                    || spaceBreak || blockIndicators);
            return new Analysis(allowBlockPlain && !lineBreaks);
        }
    }
}
