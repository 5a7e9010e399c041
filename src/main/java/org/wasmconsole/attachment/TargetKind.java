package org.wasmconsole.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The TSB resources an extension can be attached in (spec §5). */
public enum TargetKind {
    INGRESS_GATEWAY("Ingress Gateway", "IngressGateway", "ingressgateways", GroupKind.GATEWAY),
    EGRESS_GATEWAY("Egress Gateway", "EgressGateway", "egressgateways", GroupKind.GATEWAY),
    TIER1_GATEWAY("Tier-1 Gateway", "Tier1Gateway", "tier1gateways", GroupKind.GATEWAY),
    SECURITY_SETTING("Security Setting", "SecuritySetting", "settings", GroupKind.SECURITY),
    /** TSB's unified gateway (Ingress and Tier-1 in one); its attachments are under {@code spec.wasmPlugins}. */
    GATEWAY("Gateway", "Gateway", "gateways", GroupKind.GATEWAY);

    private final String label;
    private final String documentKind;
    private final String pathSegment;
    private final GroupKind groupKind;

    TargetKind(String label, String documentKind, String pathSegment, GroupKind groupKind) {
        this.label = label;
        this.documentKind = documentKind;
        this.pathSegment = pathSegment;
        this.groupKind = groupKind;
    }

    public String label() {
        return label;
    }

    /** The document's {@code kind}: {@code IngressGateway}. */
    public String documentKind() {
        return documentKind;
    }

    /** As in an FQN or an API path: {@code ingressgateways}. */
    public String pathSegment() {
        return pathSegment;
    }

    /** The kind of group this kind of target lives in. */
    public GroupKind groupKind() {
        return groupKind;
    }

    /**
     * The spec field that holds the attachments in this kind's TSB document: {@code extension}, or
     * {@code wasmPlugins} on the unified Gateway.
     */
    public String attachmentsField() {
        return this == GATEWAY ? "wasmPlugins" : "extension";
    }

    /** A rule's path about the attachments ({@code spec.extension[0].fqn}) as this kind's document spells it. */
    public String documentPath(String path) {
        return this == GATEWAY && path != null && path.startsWith("spec.extension")
                ? "spec.wasmPlugins" + path.substring("spec.extension".length()) : path;
    }

    public boolean isGateway() {
        return groupKind == GroupKind.GATEWAY;
    }

    public static Optional<TargetKind> ofDocumentKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.documentKind.equals(kind)).findFirst();
    }

    public static Optional<TargetKind> ofPathSegment(String segment) {
        return Arrays.stream(values()).filter(k -> k.pathSegment.equals(segment)).findFirst();
    }
}
