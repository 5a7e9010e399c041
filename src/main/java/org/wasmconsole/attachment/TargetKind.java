package org.wasmconsole.attachment;

/** The TSB resources an extension can be attached in (spec §5). */
public enum TargetKind {
    INGRESS_GATEWAY("Ingress Gateway"),
    EGRESS_GATEWAY("Egress Gateway"),
    TIER1_GATEWAY("Tier-1 Gateway"),
    SECURITY_SETTING("Security Setting");

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
