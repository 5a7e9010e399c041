package org.wasmconsole.artifact;

import java.util.Optional;
import org.wasmconsole.extension.OciReference;

/**
 * Pinning rewrites {@code oci://registry/repo:tag} to {@code oci://registry/repo:tag@sha256:…}: the digest
 * decides what runs (Istio and Docker read a reference with both by its digest), and the tag stays in
 * the url, so a pinned url still says where it came from.
 */
final class Pinning {

    private Pinning() {
    }

    static boolean pinnable(String url) {
        return OciReference.fromUrl(url).map(r -> r.digest() == null).orElse(false);
    }

    static Optional<String> pinned(String url, String digest) {
        return OciReference.fromUrl(url).filter(r -> r.digest() == null).map(r -> OciReference.SCHEME + r.registry()
                + "/" + r.repository() + ":" + (r.tag() == null ? "latest" : r.tag()) + "@" + digest);
    }
}
