package org.wasmconsole.base;

import java.util.Optional;
import java.util.regex.Pattern;

/** Naming rules shared by organizations, tenants, extensions and Kubernetes secrets (spec §3). */
public final class Names {

    public static final int MAX_LABEL_LENGTH = 63;
    public static final int MAX_SUBDOMAIN_LENGTH = 253;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    /** Checks a DNS-1123 label; returns the message to show when it is not one. */
    public static Optional<String> checkDnsLabel(String value) {
        return checkName(value, MAX_LABEL_LENGTH, DNS_LABEL, "is required: 1 to 63 lowercase letters, digits or '-'",
                "is not a DNS label: use lowercase letters a-z, digits 0-9 and '-', starting and ending with a letter"
                        + " or digit (e.g. wasm-auth)");
    }

    /** Checks a DNS-1123 subdomain (a Kubernetes Secret name). */
    public static Optional<String> checkDnsSubdomain(String value) {
        return checkName(value, MAX_SUBDOMAIN_LENGTH, DNS_SUBDOMAIN,
                "is required: 1 to 253 lowercase letters, digits, '-' or '.' (e.g. regcred)",
                "is not a valid Kubernetes Secret name: use lowercase letters, digits, '-' and '.', starting and"
                        + " ending with a letter or digit (e.g. regcred)");
    }

    /** A required name of at most {@code max} characters matching {@code pattern}; the message names what is wrong. */
    private static Optional<String> checkName(String value, int max, Pattern pattern, String required,
                                              String mismatch) {
        if (value == null || value.isEmpty()) {
            return Optional.of(required);
        }
        if (value.length() > max) {
            return Optional.of("is " + value.length() + " characters long; use at most " + max);
        }
        if (!pattern.matcher(value).matches()) {
            return Optional.of("'" + value + "' " + mismatch);
        }
        return Optional.empty();
    }

    /** Checks an optional display name: at most 256 characters on a single line. */
    public static Optional<String> checkDisplayName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > MAX_DISPLAY_NAME_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; use at most " + MAX_DISPLAY_NAME_LENGTH);
        }
        if (value.contains("\n") || value.contains("\r")) {
            return Optional.of("must be a single line; remove the line breaks");
        }
        return checkCharacters(value, false);
    }

    /**
     * Refuses characters that text must not hold: control characters (NUL, BEL, ESC, ...; the
     * database cannot even store NUL) and the bidirectional embeddings, overrides and isolates
     * (U+202A to U+202E, U+2066 to U+2069), which make text display in another order than it is
     * stored. Tabs pass; multi-line text may hold line breaks too.
     */
    public static Optional<String> checkCharacters(String value, boolean multiLine) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == '\t' || multiLine && (c == '\n' || c == '\r');
            if (!allowed && (Character.getType(c) == Character.CONTROL || isBidiControl(c))) {
                return Optional.of(String.format("contains %s U+%04X at character %d; remove it",
                        isBidiControl(c) ? "the text-direction control" : "the control character", c,
                        value.codePointCount(0, i) + 1));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** The bidirectional embeddings, overrides and isolates (not the harmless LRM/RLM marks). */
    public static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }
}
