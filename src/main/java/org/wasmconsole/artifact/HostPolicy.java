package org.wasmconsole.artifact;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which hosts the console may fetch from. Admins type the urls, and the console fetches them from
 * inside the network: a url must not become a way to reach the console's own machine, link-local
 * services or a cloud metadata service. Those are refused unless the host (or host:port) is in
 * {@code console.modules.allowed-hosts}. Checked for every request, redirects included.
 */
final class HostPolicy {

    /** Cloud metadata services outside the link-local range (AWS IPv6, Alibaba Cloud). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata");

    private final List<String> allowed;

    HostPolicy(List<String> allowed) {
        this.allowed = allowed;
    }

    /** Throws when the console must not fetch from this url's host. */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ModuleFetchException("the console fetches only http and https urls, not " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ModuleFetchException(uri + " has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (isAllowed(host, bare, port)) {
            return;
        }
        if (METADATA_NAMES.contains(bare)) {
            throw refused(host, port, host + " is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new ModuleFetchException("the host " + host + " is unknown (DNS found no address); check the url");
        }
        for (InetAddress address : addresses) {
            String why = forbidden(address);
            if (why != null) {
                throw refused(host, port, host + (bare.equals(address.getHostAddress()) ? "" : " resolves to "
                        + address.getHostAddress() + ",") + " " + why);
            }
        }
    }

    private boolean isAllowed(String host, String bare, int port) {
        return allowed.contains(host) || allowed.contains(bare) || allowed.contains(host + ":" + port)
                || allowed.contains("[" + bare + "]:" + port);
    }

    private static String forbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where cloud metadata services live)";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet6Address && METADATA_ADDRESSES.contains(address.getHostAddress())
                || METADATA_ADDRESSES.contains(address.getHostAddress())) {
            return "a cloud metadata service";
        }
        return null;
    }

    private static ModuleFetchException refused(String host, int port, String why) {
        return new ModuleFetchException("refused to fetch from " + host + ":" + port + ": " + why
                + ". The console does not fetch from loopback, link-local or metadata-service addresses; an admin"
                + " can allow this host with console.modules.allowed-hosts (CONSOLE_MODULES_ALLOWED_HOSTS)");
    }

    /** The host part of {@code host[:port]} (IPv6 literals in brackets kept whole). */
    static String hostOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }
}
