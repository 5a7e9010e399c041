package org.wasmconsole.attachment;

import org.wasmconsole.base.YamlText;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Istio {@code WasmPlugin} that TSB generates for one attachment (spec §6), for the console's
 * Istio preview. Spec fields are written in the order of Istio's reference documentation.
 *
 * <p>Zero values follow what TSB's protobuf-to-Kubernetes translation writes: an enum left at its
 * zero value is not written, so {@code phase: UNSPECIFIED_PHASE} and
 * {@code imagePullPolicy: UNSPECIFIED_POLICY} are omitted (Istio reads the absence as exactly
 * those values). {@code priority} is a wrapper type in Istio, so TSB always sets it, 0 included
 * (spec §6). Env entries always carry {@code valueFrom}, as the extension's own document does.
 */
public final class IstioWasmPlugin {

    public static final String API_VERSION = "extensions.istio.io/v1alpha1";
    public static final String KIND = "WasmPlugin";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IstioWasmPlugin() {
    }

    /** The YAML text of {@link #document}, written the console's way (starts with {@code ---}). */
    public static String yaml(ExtensionDefinition extension, Attachment attachment, GatewayTarget target) {
        return YamlText.write(document(extension, attachment, target));
    }

    /**
     * Expects an attachment that passed {@link AttachmentValidator} (a selector without a mode has
     * no WasmPlugin form).
     *
     * @throws IllegalArgumentException when the attachment names another extension
     */
    public static ObjectNode document(ExtensionDefinition extension, Attachment attachment, GatewayTarget target) {
        if (!extension.fqn().equals(attachment.fqn())) {
            throw new IllegalArgumentException("the attachment names " + attachment.fqn() + ", not "
                    + extension.fqn());
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", KIND);
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", WasmPluginNames.resourceName(target, extension));
        metadata.put("namespace", target.namespace());
        ObjectNode spec = doc.putObject("spec");
        // No labels: Istio then applies the plugin to every workload of the namespace.
        if (!target.labels().isEmpty()) {
            ObjectNode labels = spec.putObject("selector").putObject("matchLabels");
            target.labels().forEach(labels::put);
        }
        spec.put("url", extension.url());
        // The policy as chosen, not the effective one: Istio derives that itself from the url.
        if (extension.imagePullPolicy() != PullPolicy.UNSPECIFIED_POLICY) {
            spec.put("imagePullPolicy", extension.imagePullPolicy().wireName());
        }
        if (extension.imagePullSecret() != null) {
            spec.put("imagePullSecret", extension.imagePullSecret());
        }
        JsonNode config = attachment.overridesConfig() ? attachment.config() : extension.config();
        if (config != null && !config.isNull()) {
            spec.set("pluginConfig", config.deepCopy());
        }
        spec.put("pluginName", WasmPluginNames.pluginName(extension));
        if (extension.phase() != PluginPhase.UNSPECIFIED_PHASE) {
            spec.put("phase", extension.phase().name());
        }
        spec.put("priority", extension.priority());
        writeEnv(spec, extension);
        writeMatch(spec, extension, attachment);
        return doc;
    }

    private static void writeEnv(ObjectNode spec, ExtensionDefinition extension) {
        if (extension.env().isEmpty()) {
            return;
        }
        ArrayNode env = spec.putObject("vmConfig").putArray("env");
        for (EnvVar e : extension.env()) {
            ObjectNode item = env.addObject();
            item.put("name", e.name());
            item.put("valueFrom", e.valueFrom().name());
            // Istio only takes a value with INLINE; with HOST the proxy's own variable is used.
            if (e.valueFrom() == EnvValueSource.INLINE && e.value() != null) {
                item.put("value", e.value());
            }
        }
    }

    /**
     * The attachment's selectors replace the extension's mode entirely (spec §5); without them the
     * extension's mode becomes a single selector, and UNDEFINED none at all (every traffic).
     */
    private static void writeMatch(ObjectNode spec, ExtensionDefinition extension, Attachment attachment) {
        if (attachment.overridesMatch()) {
            ArrayNode match = spec.putArray("match");
            for (MatchSelector selector : attachment.match()) {
                ObjectNode item = match.addObject();
                item.put("mode", selector.mode().name());
                if (!selector.ports().isEmpty()) {
                    ArrayNode ports = item.putArray("ports");
                    selector.ports().forEach(port -> ports.addObject().put("number", port));
                }
            }
        } else if (extension.matchMode() != WorkloadMode.UNDEFINED) {
            spec.putArray("match").addObject().put("mode", extension.matchMode().name());
        }
    }
}
