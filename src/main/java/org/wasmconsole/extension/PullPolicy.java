package org.wasmconsole.extension;

import java.util.Arrays;
import java.util.Optional;

/** Image pull policy, mirroring Kubernetes; written in documents by its wire name. */
public enum PullPolicy {
    UNSPECIFIED_POLICY("UNSPECIFIED_POLICY",
            "IfNotPresent, except Always for an OCI image tagged latest or with no tag."),
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
     * The policy the proxy actually applies (spec §2): a digest-pinned OCI image never needs a
     * new pull; an explicit choice is kept otherwise; unspecified means Always for an OCI image
     * tagged {@code latest} or untagged, and IfNotPresent for everything else.
     */
    public PullPolicy effectiveFor(String url) {
        Optional<OciReference> oci = OciReference.fromUrl(url);
        if (oci.isPresent() && oci.get().digest() != null) {
            return IF_NOT_PRESENT;
        }
        if (this != UNSPECIFIED_POLICY) {
            return this;
        }
        if (oci.isPresent() && (oci.get().tag() == null || oci.get().tag().equals("latest"))) {
            return ALWAYS;
        }
        return IF_NOT_PRESENT;
    }
}
