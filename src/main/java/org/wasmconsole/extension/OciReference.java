package org.wasmconsole.extension;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image reference {@code registry/repository[:tag][@sha256:<64 hex>]}, as written after
 * {@code oci://}. The registry is required: a host name with a dot, {@code localhost}, or a port (1–65535).
 */
public record OciReference(String registry, String repository, String tag, String digest) {

    public static final String SCHEME = "oci://";

    private static final String HOST_COMPONENT = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?<registry>" + HOST_COMPONENT + "(?:\\." + HOST_COMPONENT + ")*(?::[0-9]{1,5})?)"
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
        int colon = registry.indexOf(':');
        String host = colon < 0 ? registry : registry.substring(0, colon);
        // As in Docker: only a host with a dot, exactly "localhost", or a port marks a registry;
        // otherwise the first component is a repository path (e.g. localhostfoo/repo) and the registry is missing.
        boolean looksLikeRegistry = colon >= 0 || host.contains(".") || host.equals("localhost");
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
