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
        if (value == null || value.isEmpty()) {
            return Optional.of("is required: 1 to 63 lowercase letters, digits or '-'");
        }
        if (value.length() > MAX_LABEL_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; use at most 63");
        }
        if (!DNS_LABEL.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not a DNS label: use lowercase letters a-z, digits 0-9 and '-',"
                    + " starting and ending with a letter or digit (e.g. wasm-auth)");
        }
        return Optional.empty();
    }

    /** Checks a DNS-1123 subdomain (a Kubernetes Secret name). */
    public static Optional<String> checkDnsSubdomain(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("is required: 1 to 253 lowercase letters, digits, '-' or '.' (e.g. regcred)");
        }
        if (value.length() > MAX_SUBDOMAIN_LENGTH) {
            return Optional.of("is " + value.length() + " characters long; use at most 253");
        }
        if (!DNS_SUBDOMAIN.matcher(value).matches()) {
            return Optional.of("'" + value + "' is not a valid Kubernetes Secret name: use lowercase letters,"
                    + " digits, '-' and '.', starting and ending with a letter or digit (e.g. regcred)");
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
        return Optional.empty();
    }
}
