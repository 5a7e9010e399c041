package org.wasmconsole.attachment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.wasmconsole.base.Names;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The names the Istio preview generates for an attachment's WasmPlugin (or TrafficExtension).
 *
 * <p>{@code metadata.name} is {@code <kind>-<target>-<extension>-<id>}, e.g.
 * {@code igw-payments-ingress-rate-limiter-3f0c9a1d2e}:
 * <ul>
 * <li>{@code <kind>} is {@code igw}, {@code egw}, {@code t1gw} or {@code sec}, and target and
 * extension are their names as DNS-label text; this readable part is cut so that the whole name
 * stays within 63 characters (a DNS-1123 label).</li>
 * <li>{@code <id>} is 10 hex digits of the SHA-256 of the attachment's full identity: target kind,
 * tenant, workspace, group, target name and extension FQN, one per line (none of them can hold a
 * line break, so two different identities never hash the same text). A plain
 * {@code <gateway>-<extension>} collided: IngressGateway {@code payments-ingress} with
 * {@code rate-limiter}, SecuritySetting {@code payments-ingress} with {@code rate-limiter} and
 * IngressGateway {@code payments} with {@code ingress-rate-limiter} all gave
 * {@code payments-ingress-rate-limiter}, and applied together each overwrote the other. Two gateways
 * of the same name in different groups or tenants can share a namespace too; the id tells them
 * apart. With 40 bits, two of a thousand attachments in one namespace share an id with a chance
 * below one in a million.</li>
 * </ul>
 * The same on every render, so a re-applied preview updates its plugin instead of adding one.
 *
 * <p>{@code pluginName} (Envoy's root id, which a module may use to pick its root context) is
 * {@code <organization>.<extension>}: the same for every attachment of an extension, so a module
 * sees one name wherever it runs. It need not be unique per attachment: Istio names each Envoy filter
 * {@code <namespace>.<metadata.name>} and passes pluginName only as its {@code root_id}
 * (istio/istio {@code pilot/pkg/model/extensions.go}: {@code Name: resourceName, RootId: plugin.PluginName}).
 */
public final class WasmPluginNames {

    static final int ID_LENGTH = 10;
    private static final int READABLE_LENGTH = Names.MAX_LABEL_LENGTH - ID_LENGTH - 1;

    private WasmPluginNames() {
    }

    public static String resourceName(GatewayTarget target, ExtensionDefinition extension) {
        // Each part on its own, so that "_gw_" and "wasm-auth" give gw-wasm-auth, not gw--wasm-auth.
        String readable = kindTag(target.kind()) + "-" + dnsLabel(target.name()) + "-" + dnsLabel(extension.name());
        if (readable.length() > READABLE_LENGTH) {
            readable = readable.substring(0, READABLE_LENGTH);
        }
        return trimDashes(readable) + "-" + id(target, extension);
    }

    public static String pluginName(ExtensionDefinition extension) {
        return extension.organization() + "." + extension.name();
    }

    /** A short tag for kubectl listings; one per kind, none a prefix of another. */
    static String kindTag(TargetKind kind) {
        return switch (kind) {
            case INGRESS_GATEWAY -> "igw";
            case EGRESS_GATEWAY -> "egw";
            case TIER1_GATEWAY -> "t1gw";
            case SECURITY_SETTING -> "sec";
            case GATEWAY -> "gw";
        };
    }

    /** The attachment's identity, one part per line, hashed. */
    static String id(GatewayTarget target, ExtensionDefinition extension) {
        String identity = String.join("\n", target.kind().name(), target.tenant(), target.workspace(),
                target.group(), target.name(), extension.fqn());
        return sha256Hex(identity).substring(0, ID_LENGTH);
    }

    /** Lowercase, runs of other characters as one '-', no '-' at either end. */
    private static String dnsLabel(String text) {
        return trimDashes(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-"));
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
