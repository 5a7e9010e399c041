package org.wasmconsole.base;

/**
 * The console's one etag form: a quoted opaque string, {@code "3f2a…"} (spec §1), the same in the
 * {@code ETag} header and in {@code spec.etag}. What a client sends back, in a header or a document,
 * is read in any of the forms it may have kept: quoted, weak ({@code W/"…"}) or bare (an export of
 * an older console wrote gateway etags without quotes).
 */
public final class Etags {

    private Etags() {
    }

    /** The etag in the console's form, or null for null or blank. */
    public static String quoted(String etag) {
        if (etag == null || etag.isBlank()) {
            return null;
        }
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e : '"' + e + '"';
    }
}
