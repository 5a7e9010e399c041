package org.wasmconsole.extension;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The trigrams of the catalogue's text filter on H2 (see {@link ExtensionSearch}): every run of three
 * characters (UTF-16 units) of an extension's lower-cased search text, as one number each
 * ({@code c0 << 32 | c1 << 16 | c2}, exact: no two trigrams share a number). A text contains a query
 * only if it contains every trigram of the query, so the extensions having all of them are a
 * superset of the matches; the exact {@code LIKE} is still checked on them.
 */
final class SearchGrams {

    /** Queries shorter than this have no trigram: they are answered by the plain {@code LIKE}. */
    static final int MIN_QUERY = 3;

    private SearchGrams() {
    }

    /** The distinct trigrams of a (lower-cased) search text, in ascending order; none for texts under 3 chars. */
    static Set<Long> of(String text) {
        Set<Long> grams = new TreeSet<>();
        if (text == null) {
            return grams;
        }
        for (int i = 0; i + 3 <= text.length(); i++) {
            grams.add(code(text.charAt(i), text.charAt(i + 1), text.charAt(i + 2)));
        }
        return grams;
    }

    /** The filter's text as the filter matches it: stripped and lower-cased as the search text is. */
    static String normalizedQuery(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static long code(char a, char b, char c) {
        return (long) a << 32 | (long) b << 16 | c;
    }
}
