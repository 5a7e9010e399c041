package org.wasmconsole.extension;

import java.util.Arrays;
import java.util.Optional;

/** Image pull policy, mirroring Kubernetes; written in documents by its wire name. */
public enum PullPolicy {
    UNSPECIFIED_POLICY("UNSPECIFIED_POLICY",
            "IfNotPresent, except Always for an OCI image tagged latest."),
    IF_NOT_PRESENT("IfNotPresent", "Use a previously pulled version if present, else pull."),
    ALWAYS("Always", "Pull the latest version every time the extension (or its attachment) changes.");

    private final String wireName;
    private final String meaning;

    PullPolicy(String wireName, String meaning) {
        this.wireName = wireName;
        this.meaning = meaning;
    }

    public String wireName() {
        return wireName;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<PullPolicy> fromWireName(String value) {
        return Arrays.stream(values()).filter(p -> p.wireName.equals(value)).findFirst();
    }

    /**
     * The policy the proxy actually applies (spec §2), as Istio's Wasm cache decides it
     * (istio/istio {@code pkg/wasm/cache.go}: an unspecified policy is {@code Always} only when
     * {@code u.Scheme == "oci" && strings.HasSuffix(u.Path, ":latest")}, else {@code IfNotPresent}).
     * So an untagged OCI image and every http(s) or file url default to IfNotPresent. A
     * digest-pinned OCI image can never change, so it is never pulled again whatever the choice.
     */
    public PullPolicy effectiveFor(String url) {
        Optional<OciReference> oci = OciReference.fromUrl(url);
        if (oci.isPresent() && oci.get().digest() != null) {
            return IF_NOT_PRESENT;
        }
        if (this != UNSPECIFIED_POLICY) {
            return this;
        }
        return url != null && url.startsWith(OciReference.SCHEME) && url.endsWith(":latest") ? ALWAYS : IF_NOT_PRESENT;
    }

    /**
     * Why the effective policy of {@code url} differs from this chosen one, or empty when they are
     * the same: pinned by digest, or Istio's default for the url.
     */
    public Optional<String> reasonFor(String url) {
        PullPolicy effective = effectiveFor(url);
        if (effective == this) {
            return Optional.empty();
        }
        if (OciReference.fromUrl(url).map(o -> o.digest() != null).orElse(false)) {
            return Optional.of("Pinned by digest: the image cannot change, so a pulled copy is always reused.");
        }
        if (effective == ALWAYS) {
            return Optional.of("Istio's default for an OCI image tagged latest.");
        }
        return Optional.of("Istio's default when no policy is chosen (Always only for an OCI image tagged latest).");
    }
}
