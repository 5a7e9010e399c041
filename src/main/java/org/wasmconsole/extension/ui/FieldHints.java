package org.wasmconsole.extension.ui;

import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PullPolicy;

/** Helper texts that explain a value as the user types it. */
final class FieldHints {

    static final String URL_HELP = "oci://registry/repository[:tag][@sha256:…], http(s)://host/path.wasm"
            + " or file:///absolute/path.wasm";

    private FieldHints() {
    }

    /** What the url points at: for oci:// its registry, repository, tag and digest. */
    static String url(String url) {
        if (url == null || url.isBlank()) {
            return URL_HELP;
        }
        String read = OciReference.withScheme(url.strip());
        String hint = OciReference.fromUrl(read).map(FieldHints::oci).orElse(URL_HELP);
        // Without a scheme TSB and Istio read oci://; the console saves it so and says it here.
        return read.equals(url.strip()) ? hint : "No scheme: saved as " + read + " · " + hint;
    }

    private static String oci(OciReference ref) {
        StringBuilder s = new StringBuilder("Registry ").append(ref.registry())
                .append(" · repository ").append(ref.repository())
                .append(" · tag ").append(ref.tag() == null ? "(none: latest)" : ref.tag());
        if (ref.digest() != null) {
            s.append(" · digest ").append(ref.digest(), 0, "sha256:".length() + 12).append('…');
        }
        return s.toString();
    }

    /** The policy the proxy will apply for this url and choice, and why. */
    static String pullPolicy(PullPolicy chosen, String url) {
        String u = url == null ? "" : url.strip();
        PullPolicy effective = (chosen == null ? PullPolicy.UNSPECIFIED_POLICY : chosen)
                .effectiveFor(OciReference.withScheme(u));
        String why;
        var oci = OciReference.fromUrl(OciReference.withScheme(u));
        if (oci.isPresent() && oci.get().digest() != null) {
            why = "the image is pinned by digest, so it never changes";
        } else if (chosen != null && chosen != PullPolicy.UNSPECIFIED_POLICY) {
            why = "as chosen";
        } else if (oci.isPresent()) {
            // Istio's Wasm cache: Always only for an OCI url ending in :latest (see PullPolicy.effectiveFor).
            why = effective == PullPolicy.ALWAYS ? "Istio's default for an image tagged latest"
                    : oci.get().tag() == null ? "Istio's default for an untagged image" : "Istio's default for a tagged image";
        } else {
            why = "the default";
        }
        return "Effective: " + effective.wireName() + " (" + why + ")";
    }
}
