package org.wasmconsole.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the screens. Vaadin's pre-compiled bundle needs inline scripts and
 * styles and {@code eval} (Flow runs server-sent JavaScript with {@code new Function}), so scripts
 * cannot be limited further without a frontend build; what the policy does limit: everything loads
 * from the console itself; images also from {@code data:} and the configured hosts
 * ({@code console.security.image-hosts}), so that a Markdown description cannot load images from
 * anywhere (and track who reads it); no plugins, no framing by other sites, forms post only here,
 * and scripts can connect only to the console.
 */
final class ContentSecurityPolicy {

    /** A scheme and host, optionally a port, a leading '*.' wildcard: nothing that could end a directive. */
    private static final Pattern HOST = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private ContentSecurityPolicy() {
    }

    static String policy(List<String> configured) {
        List<String> imageHosts = configured.stream().map(String::strip).filter(h -> !h.isEmpty()).toList();
        for (String host : imageHosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("console.security.image-hosts: '" + host + "' is not a"
                        + " scheme and host such as https://img.shields.io");
            }
        }
        String images = imageHosts.isEmpty() ? "" : " " + String.join(" ", imageHosts);
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:" + images + "; font-src 'self' data:; connect-src 'self';"
                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }
}
