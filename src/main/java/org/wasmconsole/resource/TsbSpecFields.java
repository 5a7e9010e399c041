package org.wasmconsole.resource;

import java.util.Map;
import java.util.Set;
import org.wasmconsole.attachment.TargetKind;

/**
 * The spec fields of TSB's gateway and security setting documents that the console does not manage
 * but keeps verbatim, so that a TSB export imports, and exports again, whole (TSB API reference,
 * {@code tsb/gateway/v2} and {@code tsb/security/v2}). Their content is TSB's business and is not
 * checked here; any other field is still refused with its path, as a typo must not be dropped.
 */
final class TsbSpecFields {

    /** Every TSB config resource carries these two. */
    private static final Set<String> COMMON = Set.of("description", "configGenerationMetadata");

    private static final Map<TargetKind, Set<String>> KEPT = Map.of(
            TargetKind.INGRESS_GATEWAY, Set.of("http", "tcp", "tlsPassthrough", "waf"),
            TargetKind.EGRESS_GATEWAY, Set.of("authorization"),
            TargetKind.TIER1_GATEWAY, Set.of("externalServers", "passthroughServers", "tcpExternalServers", "waf"),
            TargetKind.SECURITY_SETTING, Set.of("authentication", "authenticationSettings", "authorization",
                    "propagationStrategy", "waf"),
            TargetKind.GATEWAY, Set.of("http", "tcp", "tls", "waf"));

    private TsbSpecFields() {
    }

    /** Whether {@code spec.<field>} of this kind is one of TSB's that the console keeps as it is. */
    static boolean kept(TargetKind kind, String field) {
        return COMMON.contains(field) || KEPT.getOrDefault(kind, Set.of()).contains(field);
    }

    /** The kept fields of a kind, for the message that lists a document's known fields. */
    static Set<String> of(TargetKind kind) {
        java.util.Set<String> all = new java.util.TreeSet<>(COMMON);
        all.addAll(KEPT.getOrDefault(kind, Set.of()));
        return all;
    }
}
