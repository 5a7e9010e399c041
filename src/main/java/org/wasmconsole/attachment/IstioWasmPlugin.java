package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import org.wasmconsole.base.Violation;
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
 * The Istio resource that TSB generates for one attachment (spec §6), for the console's Istio
 * preview: a {@code WasmPlugin}, or Istio 1.30's {@code TrafficExtension} with the same content and
 * the Wasm fields under {@code spec.wasm}. Spec fields are written in the order of Istio's reference
 * documentation.
 *
 * <p>Zero values follow what TSB's protobuf-to-Kubernetes translation writes: an enum left at its
 * zero value is not written, so an unspecified phase and {@code imagePullPolicy: UNSPECIFIED_POLICY}
 * are omitted (Istio reads the absence as exactly those values; the effective policy is Istio's to
 * derive from the url, see {@link PullPolicy#effectiveFor}). {@code priority} is a wrapper type in
 * Istio, so TSB always sets it, 0 included. Env entries always carry {@code valueFrom}, as the
 * extension's own document does. A match selector is always written with its mode: an omitted one
 * as {@code CLIENT_AND_SERVER}, which is what Istio reads for it.
 *
 * <p>{@code metadata} carries the label {@code app.kubernetes.io/managed-by: wasm-console} (so that
 * {@code kubectl apply --prune -l app.kubernetes.io/managed-by=wasm-console} removes what the console
 * no longer generates) and the FQNs of the target and the extension as annotations.
 */
public final class IstioWasmPlugin {

    public static final String API_VERSION = IstioSchema.API_VERSION;
    public static final String KIND = IstioKind.WASM_PLUGIN.kind();
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "wasm-console";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private IstioWasmPlugin() {
    }

    /** The YAML text of the WasmPlugin {@link #document}, written the console's way (starts with {@code ---}). */
    public static String yaml(ExtensionDefinition extension, Attachment attachment, GatewayTarget target) {
        return YamlText.write(document(extension, attachment, target));
    }

    /** The WasmPlugin of the attachment. */
    public static ObjectNode document(ExtensionDefinition extension, Attachment attachment, GatewayTarget target) {
        return document(IstioKind.WASM_PLUGIN, extension, attachment, target);
    }

    /**
     * The resource of the given kind and every problem that keeps it from being applied as it is.
     *
     * @throws IllegalArgumentException when the attachment names another extension
     */
    public static IstioPreview preview(IstioKind kind, ExtensionDefinition extension, Attachment attachment,
                                       GatewayTarget target) {
        ObjectNode doc = document(kind, extension, attachment, target);
        List<Violation> problems = new ArrayList<>(IstioSchema.validate(doc));
        problems.addAll(semantics(doc.path("spec"), target));
        return new IstioPreview(kind, doc, problems);
    }

    /**
     * Expects an attachment that passed {@link AttachmentValidator}; what Istio would refuse or
     * misread is for {@link #preview} to say.
     *
     * @throws IllegalArgumentException when the attachment names another extension
     */
    public static ObjectNode document(IstioKind kind, ExtensionDefinition extension, Attachment attachment,
                                      GatewayTarget target) {
        if (!extension.fqn().equals(attachment.fqn())) {
            throw new IllegalArgumentException("the attachment names " + attachment.fqn() + ", not "
                    + extension.fqn());
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", kind.kind());
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("name", WasmPluginNames.resourceName(target, extension));
        metadata.put("namespace", target.namespace());
        metadata.putObject("labels").put(MANAGED_BY_LABEL, MANAGED_BY);
        ObjectNode annotations = metadata.putObject("annotations");
        annotations.put(MANAGED_BY + "/target", target.ref().fqn());
        annotations.put(MANAGED_BY + "/extension", extension.fqn());
        ObjectNode spec = doc.putObject("spec");
        // No labels would mean every workload of the namespace: preview() reports it, the target's rules refuse it.
        if (!target.labels().isEmpty()) {
            ObjectNode labels = spec.putObject("selector").putObject("matchLabels");
            target.labels().forEach(labels::put);
        }
        if (kind == IstioKind.WASM_PLUGIN) {
            writeModule(spec, extension, attachment);
            writePhase(spec, extension.phase(), extension.phase().name());
            spec.put("priority", extension.priority());
            writeEnv(spec, extension);
            writeMatch(spec, extension, attachment);
        } else {
            // TrafficExtension names the phases without the _PHASE suffix (its CRD's enum).
            writePhase(spec, extension.phase(), extension.phase().name().replace("_PHASE", ""));
            spec.put("priority", extension.priority());
            writeMatch(spec, extension, attachment);
            ObjectNode wasm = spec.putObject("wasm");
            writeModule(wasm, extension, attachment);
            writeEnv(wasm, extension);
        }
        return doc;
    }

    private static void writePhase(ObjectNode spec, PluginPhase phase, String written) {
        if (phase != PluginPhase.UNSPECIFIED_PHASE) {
            spec.put("phase", written);
        }
    }

    /** url, pull policy and secret, config and plugin name: the Wasm module and what it is given. */
    private static void writeModule(ObjectNode into, ExtensionDefinition extension, Attachment attachment) {
        into.put("url", extension.url());
        // The policy as chosen, not the effective one: Istio derives that itself from the url.
        if (extension.imagePullPolicy() != PullPolicy.UNSPECIFIED_POLICY) {
            into.put("imagePullPolicy", extension.imagePullPolicy().wireName());
        }
        if (extension.imagePullSecret() != null) {
            into.put("imagePullSecret", extension.imagePullSecret());
        }
        JsonNode config = attachment.overridesConfig() ? attachment.config() : extension.config();
        if (config != null && !config.isNull()) {
            into.set("pluginConfig", config.deepCopy());
        }
        into.put("pluginName", WasmPluginNames.pluginName(extension));
    }

    private static void writeEnv(ObjectNode into, ExtensionDefinition extension) {
        if (extension.env().isEmpty()) {
            return;
        }
        ArrayNode env = into.putObject("vmConfig").putArray("env");
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
                item.put("mode", selector.effectiveMode().name());
                if (!selector.ports().isEmpty()) {
                    ArrayNode ports = item.putArray("ports");
                    selector.ports().forEach(port -> ports.addObject().put("number", port));
                }
            }
        } else if (extension.matchMode() != WorkloadMode.UNDEFINED) {
            spec.putArray("match").addObject().put("mode", extension.matchMode().name());
        }
    }

    /** What Istio accepts but would not do as the admin means it. */
    private static List<Violation> semantics(JsonNode spec, GatewayTarget target) {
        List<Violation> v = new ArrayList<>();
        if (spec.path("selector").isMissingNode()) {
            v.add(new Violation("spec.selector", "is missing because " + target.kind().label() + " '" + target.name()
                    + "' has no workload labels: the plugin would run in every workload of namespace "
                    + target.namespace() + " (in Istio's root namespace, of the whole mesh); give it workload labels"));
        }
        if (target.kind().isGateway()) {
            JsonNode match = spec.path("match");
            for (int j = 0; j < match.size(); j++) {
                if (WorkloadMode.SERVER.name().equals(match.get(j).path("mode").asString())) {
                    v.add(new Violation("spec.match[" + j + "].mode", "is SERVER, which never matches the traffic of"
                            + " a gateway (Istio matches a gateway's listeners as CLIENT); use CLIENT or"
                            + " CLIENT_AND_SERVER in the attachment's match"));
                }
            }
        }
        return v;
    }
}
