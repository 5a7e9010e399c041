package org.wasmconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * {@link YamlQuoting} asks SnakeYAML Engine's core-schema resolver only about texts whose first character has
 * patterns of its own; this compares it with asking the resolver about every text, as it did before.
 */
class YamlQuotingTest {

    private static final CoreScalarResolver RESOLVER = new CoreScalarResolver(false);
    private static final StringQuotingChecker JACKSON = StringQuotingChecker.Default.instance();
    private final YamlQuoting quoting = new YamlQuoting();

    /** The check before issue #23's third round: the resolver asked about every text. */
    private static boolean quotedBefore(String text) {
        if (JACKSON.needToQuoteValue(text)) {
            return true;
        }
        boolean whitespace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
                return true;
            }
            whitespace |= Character.isWhitespace(c);
        }
        if (text.isEmpty() || !RESOLVER.resolve(text, true).equals(Tag.STR) || text.equals("<<") || text.equals("=")) {
            return true;
        }
        char first = text.charAt(0);
        boolean numberLike = Character.isDigit(first) || first == '+' || first == '-' || first == '.';
        return numberLike && !whitespace;
    }

    @Test
    void everyFirstCharacterIsQuotedAsWhenTheResolverSawEveryText() {
        List<String> suffixes = List.of("", "0", "1.5", "e3", "rue", "alse", "ull", "x1F", "o17", "inf", "nan",
                "{FOO}", "{FOO:-bar}", " a", "abc", ".5", "_1", ":20", "ULL", "ull ", "NULL", "a#b", " #c", "\t#c", ":",
                ": x", ":\tx", "a:b", ",", "a]", "[", "}", "#");
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (char first = 0; first < Character.MAX_VALUE; first++) {
            for (String suffix : suffixes) {
                String text = first + suffix;
                checked++;
                if (quoting.needToQuoteValue(text) != quotedBefore(text)) {
                    differ.add(text);
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000_000);
        assertThat(differ).isEmpty();
    }

    /** The block writer's shortcut for words (letters, digits, - _ . /, a letter or / first) answers alike. */
    @Test
    void wordsAreQuotedAsAnyOtherValue() {
        java.util.Random random = new java.util.Random(23);
        String firsts = "abcdefnotyzABFNOTYZ/";
        String rest = "abcdefilnorstuxyzAEFLNORSTUY0123456789-_./";
        List<String> words = new ArrayList<>(List.of("true", "no", "Off", "y", "N", "null", "NULL", "nan", "y2",
                "false", "True", "ON", "yes", "Yes", "x000123-rate", "organizations/tse/tenants/team-01", "/api/v1"));
        for (int i = 0; i < 200_000; i++) {
            StringBuilder word = new StringBuilder().append(firsts.charAt(random.nextInt(firsts.length())));
            int length = random.nextInt(0, 6);
            for (int k = 0; k < length; k++) {
                word.append(rest.charAt(random.nextInt(rest.length())));
            }
            words.add(word.toString());
        }
        for (String word : words) {
            assertThat(quoting.needToQuoteWord(word)).as(word).isEqualTo(quoting.needToQuoteValue(word))
                    .isEqualTo(quotedBefore(word));
        }
    }

    @Test
    void theTextsThatResolveToAnotherTypeAreStillQuoted() {
        for (String text : List.of("true", "False", "null", "1e3", "0x10", "0o17", ".inf", "-.INF", ".nan", "12",
                "+1", "${HOME}", "", "<<", "=", "~", "Null", " ")) {
            assertThat(quoting.needToQuoteValue(text)).as(text).isTrue();
            assertThat(quoting.needToQuoteName(text)).as(text).isTrue();
        }
        for (String text : List.of("rate-limit", "name", "tenant", "apiVersion", "nulls", "tru", "x00004")) {
            assertThat(quoting.needToQuoteValue(text)).as(text).isFalse();
        }
    }
}
