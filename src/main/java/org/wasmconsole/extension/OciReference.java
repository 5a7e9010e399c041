package org.wasmconsole.extension;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image reference {@code registry/repository[:tag][@sha256:<64 hex>]}, as written after
 * {@code oci://}. The registry is required: a host name with a dot, {@code localhost}, an IPv6
 * literal in brackets ({@code [::1]:5000}), or anything with a port (1–65535). The repository path is
 * at most 255 characters (the distribution spec's limit for a name).
 */
public record OciReference(String registry, String repository, String tag, String digest) {

    public static final String SCHEME = "oci://";
    public static final int MAX_REPOSITORY_LENGTH = 255;

    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*", Pattern.DOTALL);

    private static final String HOST_COMPONENT = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<registry>(?:" + HOST_COMPONENT + "(?:\\." + HOST_COMPONENT + ")*|\\[(?<ipv6>[0-9A-Fa-f:.]+)])"
                    + "(?::[0-9]{1,5})?)"
                    + "/(?<repository>" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*)"
                    + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
                    + "(?:@(?<digest>sha256:[a-f0-9]{64}))?");

    /** Parses the part after {@code oci://}; empty when it is not a valid reference. */
    public static Optional<OciReference> parse(String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            return Optional.empty();
        }
        String registry = m.group("registry");
        if (m.group("repository").length() > MAX_REPOSITORY_LENGTH) {
            return Optional.empty();
        }
        if (m.group("ipv6") != null && !isIpv6(m.group("ipv6"))) {
            return Optional.empty();
        }
        int colon = registry.lastIndexOf(':');
        if (m.group("ipv6") != null && colon < registry.indexOf(']')) {
            colon = -1;
        }
        String host = colon < 0 ? registry : registry.substring(0, colon);
        // As in Docker: only a host with a dot, exactly "localhost", an IP literal or a port marks a registry;
        // otherwise the first component is a repository path (e.g. localhostfoo/repo) and the registry is missing.
        boolean looksLikeRegistry = colon >= 0 || host.contains(".") || host.equals("localhost")
                || m.group("ipv6") != null;
        if (!looksLikeRegistry) {
            return Optional.empty();
        }
        if (colon >= 0) {
            int port = Integer.parseInt(registry.substring(colon + 1));
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
        }
        return Optional.of(new OciReference(registry, m.group("repository"), m.group("tag"), m.group("digest")));
    }

    /** Whether the url starts with a scheme ({@code oci://}, {@code https://}, ...). */
    public static boolean hasScheme(String url) {
        return url != null && HAS_SCHEME.matcher(url).matches();
    }

    /**
     * The url as TSB and Istio read it: without a scheme it means {@code oci://} (Istio's
     * {@code pilot/pkg/model/extensions.go}: "when no scheme is given, default to oci://"). A blank
     * url is left as it is, for the validator to report.
     */
    public static String withScheme(String url) {
        return url == null || url.isBlank() || hasScheme(url) ? url : SCHEME + url;
    }

    /** An IPv6 address: hex groups of up to 4 digits, at most one '::', an optional IPv4 tail. */
    public static boolean isIpv6(String text) {
        if (text == null || text.isEmpty() || !text.contains(":")) {
            return false;
        }
        String s = text;
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        if (tail.contains(".")) {
            // An IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
            if (!isIpv4(tail)) {
                return false;
            }
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        int groups = 0;
        for (String p : s.split(":", -1)) {
            if (p.isEmpty()) {
                if (doubleColon < 0) {
                    return false;
                }
                continue;
            }
            if (p.length() > 4 || !p.matches("[0-9A-Fa-f]+")) {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.matches("[0-9]+") || (p.length() > 1 && p.startsWith("0"))
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The reference of an {@code oci://} url; empty for other schemes or an invalid reference. */
    public static Optional<OciReference> fromUrl(String url) {
        if (url == null || !url.startsWith(SCHEME)) {
            return Optional.empty();
        }
        return parse(url.substring(SCHEME.length()));
    }

    /** A short form for lists: {@code registry/repository:tag}, digest shortened to 12 hex digits. */
    public String shortForm() {
        StringBuilder s = new StringBuilder(registry).append('/').append(repository);
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append('@').append(digest, 0, "sha256:".length() + 12).append('…');
        }
        return s.toString();
    }
}
