package org.wasmconsole.extension;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The regular expressions of a config schema ({@code pattern}, {@code patternProperties},
 * {@code format: regex}), run by the JDK's engine under a time budget. A schema is written by an
 * admin but checked on every save: a pattern with catastrophic backtracking such as {@code ^(.*a){20}$}
 * would otherwise hold a request thread for hours on a 40-character string.
 * <p>
 * Why a budget and not a list of forbidden constructs: telling safe from catastrophic patterns is
 * undecidable in general (nested quantifiers, overlapping alternations, back-references all can
 * and need not explode), so any list refuses good schemas and lets some bad ones through. A match
 * that reads its input through {@link Deadline} fails after {@link #BUDGET_NANOS} whatever the
 * pattern, because the engine reads a character on every step. Patterns are also limited in length,
 * and the inputs are bounded by the config's own 64 KiB limit.
 */
final class BoundedRegexFactory implements RegularExpressionFactory {

    static final int MAX_PATTERN_LENGTH = 1024;
    /** Per match: generous for any sane pattern on a 64 KiB config, short enough to keep a save snappy. */
    static final long BUDGET_NANOS = 100_000_000L;

    static final BoundedRegexFactory INSTANCE = new BoundedRegexFactory();

    private BoundedRegexFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("pattern longer than " + MAX_PATTERN_LENGTH + " characters");
        }
        Pattern pattern = Pattern.compile(regex);
        return value -> pattern.matcher(new Deadline(value, System.nanoTime() + BUDGET_NANOS, regex)).find();
    }

    /** Thrown out of a match that ran out of time; the validation reports it at the value's path. */
    static final class PatternTimeout extends RuntimeException {
        final String pattern;

        PatternTimeout(String pattern) {
            super("pattern " + pattern + " took too long", null, false, false);
            this.pattern = pattern;
        }
    }

    /** The input, checking the clock every few thousand reads (System.nanoTime is cheap, but not free). */
    private static final class Deadline implements CharSequence {
        private final CharSequence text;
        private final long deadline;
        private final String pattern;
        private int reads;

        Deadline(CharSequence text, long deadline, String pattern) {
            this.text = text;
            this.deadline = deadline;
            this.pattern = pattern;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadline) {
                throw new PatternTimeout(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), deadline, pattern);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
