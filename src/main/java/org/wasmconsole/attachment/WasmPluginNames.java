package org.wasmconsole.attachment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.wasmconsole.base.Names;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The names the Istio preview generates for an attachment's WasmPlugin.
 *
 * <p>{@code metadata.name} is {@code <gateway>-<extension>} (e.g. {@code ingress-wasm-auth}):
 * readable in {@code kubectl get wasmplugins}, and the same on every render, so a re-applied
 * preview updates the plugin instead of adding one. In each part, characters a DNS-1123 label does not allow
 * become {@code -}. When that is longer than 63 characters it is cut to 54 and ends with
 * {@code -} and the first 8 hex digits of the SHA-256 of {@code <gateway>/<extension>}: still
 * deterministic, and two long names that share their first 54 characters stay apart.
 *
 * <p>{@code pluginName} (Envoy's root id, which a module may use to pick its root context) is
 * {@code <organization>.<extension>}: the same for every attachment of an extension, so a module
 * sees one name wherever it runs, and distinct across organizations. It follows Istio's own
 * {@code <namespace>.<name>} shape for filter names.
 */
public final class WasmPluginNames {

    static final int HASH_LENGTH = 8;
    private static final int HEAD_LENGTH = Names.MAX_LABEL_LENGTH - HASH_LENGTH - 1;

    private WasmPluginNames() {
    }

    public static String resourceName(GatewayTarget target, ExtensionDefinition extension) {
        // Each part on its own, so that "_gw_" and "wasm-auth" give gw-wasm-auth, not gw--wasm-auth.
        String candidate = trimDashes(dnsLabel(target.name()) + "-" + dnsLabel(extension.name()));
        if (candidate.length() <= Names.MAX_LABEL_LENGTH) {
            return candidate;
        }
        String head = trimDashes(candidate.substring(0, HEAD_LENGTH));
        return head + "-" + shortHash(target.name() + "/" + extension.name());
    }

    public static String pluginName(ExtensionDefinition extension) {
        return extension.organization() + "." + extension.name();
    }

    /** Lowercase, runs of other characters as one '-', no '-' at either end. */
    private static String dnsLabel(String text) {
        return trimDashes(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-"));
    }

    private static String trimDashes(String text) {
        return text.replaceAll("^-+|-+$", "");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
