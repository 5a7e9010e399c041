package org.wasmconsole.attachment;

/** The two kinds of group in a workspace (TSB's gateway.tsb.tetrate.io and security.tsb.tetrate.io Group). */
public enum GroupKind {
    GATEWAY("Gateway group", "gatewaygroups", "gateway.tsb.tetrate.io/v2"),
    SECURITY("Security group", "securitygroups", "security.tsb.tetrate.io/v2");

    private final String label;
    private final String pathSegment;
    private final String apiVersion;

    GroupKind(String label, String pathSegment, String apiVersion) {
        this.label = label;
        this.pathSegment = pathSegment;
        this.apiVersion = apiVersion;
    }

    public String label() {
        return label;
    }

    /** As in an FQN or an API path: {@code gatewaygroups}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The apiVersion of the group's documents and of the targets in it. */
    public String apiVersion() {
        return apiVersion;
    }
}
