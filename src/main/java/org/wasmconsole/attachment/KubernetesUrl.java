package org.wasmconsole.attachment;

import java.util.Locale;

/**
 * A URL as Kubernetes' CEL library reads it: {@code isURL(s)} and {@code url(s)} accept exactly what
 * Go's {@code net/url.ParseRequestURI} accepts (k8s.io/apiserver {@code pkg/cel/library/urls.go}), and
 * {@code getScheme()}, {@code getHost()} ... answer what Go's {@code url.URL} holds. This is a port of
 * the parts of Go's parser those answers depend on, so that Istio's CRD rules (e.g. "url must have
 * schema one of [http, https, file, oci]") judge a url exactly as the API server does:
 * {@code "test"} is not a URL but {@code "http://test"} is; {@code "localhost:5000/repo"} is an opaque
 * URL of scheme {@code localhost}; {@code "#%blah$#@"} is not a URL, not even after {@code http://}.
 *
 * @param scheme lowercase, empty when there is none
 * @param opaque the part after {@code scheme:} when it does not start with '/'
 * @param host   host and port as written ({@code [::1]:5000}), unescaped
 * @param path   the path, unescaped
 * @param query  the raw query, without '?'
 */
public record KubernetesUrl(String scheme, String opaque, String host, String path, String query) {

    /** Thrown with Go's message when the text is not a request URI. */
    public static final class InvalidUrlException extends IllegalArgumentException {
        InvalidUrlException(String message) {
            super(message);
        }
    }

    /** Kubernetes' {@code isURL(string)}. */
    public static boolean isUrl(String text) {
        try {
            parseRequestUri(text);
            return true;
        } catch (InvalidUrlException e) {
            return false;
        }
    }

    /** Go's {@code url.ParseRequestURI}: an absolute URI or an absolute path, no fragment handling. */
    public static KubernetesUrl parseRequestUri(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidUrlException("net/url: invalid control character in URL");
            }
        }
        if (raw.isEmpty()) {
            throw new InvalidUrlException("empty url");
        }
        if (raw.equals("*")) {
            return new KubernetesUrl("", "", "", "*", "");
        }
        String[] schemeAndRest = scheme(raw);
        String scheme = schemeAndRest[0].toLowerCase(Locale.ROOT);
        String rest = schemeAndRest[1];
        String query = "";
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                return new KubernetesUrl(scheme, rest, "", "", query);
            }
            throw new InvalidUrlException("invalid URI for request");
        }
        String host = "";
        if (!scheme.isEmpty() && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            authority = slash < 0 ? authority : authority.substring(0, slash);
            host = authority(authority);
        }
        return new KubernetesUrl(scheme, "", host, unescape(rest, false), query);
    }

    /** The host without port and brackets ({@code getHostname()}). */
    public String hostname() {
        if (host.startsWith("[")) {
            int end = host.lastIndexOf(']');
            return end < 0 ? host.substring(1) : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** The port as written, empty when none ({@code getPort()}). */
    public String port() {
        int end = host.startsWith("[") ? host.lastIndexOf(']') : -1;
        int colon = host.lastIndexOf(':');
        return colon > end ? host.substring(colon + 1) : "";
    }

    /** Go's getScheme: letters, then letters, digits, '+', '-', '.', up to ':'. */
    private static String[] scheme(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                continue;
            }
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return new String[]{"", raw};
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new InvalidUrlException("missing protocol scheme");
                }
                return new String[]{raw.substring(0, i), raw.substring(i + 1)};
            }
            return new String[]{"", raw};
        }
        return new String[]{"", raw};
    }

    /** Go's parseAuthority: optional userinfo before the last '@', then the host. */
    private static String authority(String authority) {
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return host(authority);
        }
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 0x80 || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new InvalidUrlException("net/url: invalid userinfo");
            }
        }
        unescape(userinfo, false);
        return host(authority.substring(at + 1));
    }

    /** Go's parseHost: an IP literal in brackets with an optional port, or a name with an optional port. */
    private static String host(String host) {
        if (host.startsWith("[")) {
            int end = host.lastIndexOf(']');
            if (end < 0) {
                throw new InvalidUrlException("missing ']' in host");
            }
            String colonPort = host.substring(end + 1);
            if (!validOptionalPort(colonPort)) {
                throw new InvalidUrlException("invalid port \"" + colonPort + "\" after host");
            }
            String literal = host.substring(1, end);
            int zone = literal.indexOf("%25");
            String address = zone < 0 ? literal : literal.substring(0, zone);
            if (!isIpv6(address)) {
                throw new InvalidUrlException("invalid IP-literal");
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                throw new InvalidUrlException("invalid port \"" + host.substring(colon) + "\" after host");
            }
        }
        return unescape(host, true);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 address as Go's netip reads one. */
    static boolean isIpv6(String text) {
        return org.wasmconsole.extension.OciReference.isIpv6(text);
    }

    /** Go's unescape: '%' needs two hex digits; in a host only the characters Go allows there. */
    private static String unescape(String s, boolean hostMode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new InvalidUrlException("invalid URL escape \"" + s.substring(i) + "\"");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new InvalidUrlException("invalid URL escape \"" + s.substring(i, i + 3) + "\"");
                }
                if (hostMode && hi < 8 && !s.startsWith("%25", i)) {
                    throw new InvalidUrlException("invalid URL escape \"" + s.substring(i, i + 3) + "\"");
                }
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                if (hostMode && c < 0x80 && !allowedInHost(c)) {
                    throw new InvalidUrlException("invalid character \"" + c + "\" in host name");
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean allowedInHost(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) >= 0;
    }
}
