package org.wasmconsole.extension.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionValidator;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between WasmExtension documents (spec §1) and {@link ExtensionDefinition}s. Reading
 * checks the document's shape (kind, known fields, types, enum names); the rules about the
 * values themselves are the service's, through {@code ExtensionValidator}.
 */
public final class ExtensionDocuments {

    public static final String API_VERSION = "extension.tsb.tetrate.io/v2";
    public static final String KIND = "WasmExtension";

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = Set.of("organization", "name", "displayName", "description",
            "resourceVersion", "labels", "annotations");
    private static final Set<String> SPEC = Set.of("displayName", "allowedIn", "url", "image", "source", "description", "phase",
            "priority", "config", "imagePullPolicy", "imagePullSecret", "vmConfig", "match", "fqn", "etag");
    private static final Set<String> VM_CONFIG = Set.of("env");
    private static final Set<String> ENV = Set.of("name", "valueFrom", "value");
    private static final Set<String> MATCH = Set.of("mode");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExtensionDocuments() {
    }

    /**
     * Reads one document; throws {@link ExtensionDocumentException} listing every shape problem found (with
     * what could be read), or {@link DocumentException} when the document is not even a mapping.
     */
    public static ParsedExtension read(SourceDocument document) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbDocument.mapping(r, document);
        checkKind(r, root);
        r.onlyKnown(root, "", TOP);
        JsonNode metadata = r.object(root, "", "metadata");
        JsonNode spec = r.object(root, "", "spec");
        // A section of the wrong type was reported by r.object; only a missing one is reported here.
        if (metadata != null) {
            r.onlyKnown(metadata, "metadata", METADATA);
        } else if (FieldReader.present(root, "metadata") == null) {
            r.problem("metadata", "is required: give at least metadata.organization and metadata.name");
        }
        if (spec != null) {
            r.onlyKnown(spec, "spec", SPEC);
        } else if (FieldReader.present(root, "spec") == null) {
            r.problem("spec", "is required: give at least spec.url");
        }
        List<String> warnings = new ArrayList<>();
        ExtensionDefinition.Builder b = ExtensionDefinition.builder()
                .organization(r.string(metadata, "metadata", "organization"))
                .name(r.string(metadata, "metadata", "name"))
                .displayName(TsbDocument.displayName(r, metadata, spec))
                .meta(TsbDocument.objectMeta(r, metadata))
                .summary(r.string(metadata, "metadata", "description"))
                .url(url(r, spec, warnings))
                .source(r.string(spec, "spec", "source"))
                .description(r.string(spec, "spec", "description"))
                .phase(r.enumValue(spec, "spec", "phase", PluginPhase.values(), Enum::name))
                .imagePullPolicy(r.enumValue(spec, "spec", "imagePullPolicy", PullPolicy.values(),
                        PullPolicy::wireName))
                .imagePullSecret(r.string(spec, "spec", "imagePullSecret"))
                .config(FieldReader.present(spec, "config"))
                .env(env(r, spec))
                .matchMode(matchMode(r, spec))
                .allowedIn(allowedIn(r, spec));
        Integer priority = r.int32(spec, "spec", "priority");
        b.priority(priority == null ? 0 : priority);
        ExtensionDefinition definition = b.build();
        String etag = TsbDocument.etag(r, metadata, spec);
        checkFqn(r, spec, definition);
        if (!r.problems().isEmpty()) {
            boolean isExtension = r.problems().stream().noneMatch(p -> p.path().equals("apiVersion")
                    || p.path().equals("kind"));
            throw new ExtensionDocumentException(r.problems(), isExtension
                    ? List.of(new ParsedExtension(document, definition, etag, warnings)) : List.of());
        }
        return new ParsedExtension(document, definition, etag, warnings);
    }

    private static void checkKind(FieldReader r, JsonNode root) {
        String apiVersion = r.string(root, "", "apiVersion");
        String kind = r.string(root, "", "kind");
        if (!API_VERSION.equals(apiVersion)) {
            r.problem("apiVersion", (apiVersion == null ? "is required" : "'" + apiVersion + "' is not supported")
                    + ": write apiVersion: " + API_VERSION);
        }
        if (!KIND.equals(kind)) {
            r.problem("kind", (kind == null ? "is required" : "'" + kind + "' is not supported here")
                    + ": write kind: " + KIND);
        }
    }

    /** spec.url, or the deprecated spec.image when url is absent (oci:// added when it has no scheme). */
    private static String url(FieldReader r, JsonNode spec, List<String> warnings) {
        String url = r.string(spec, "spec", "url");
        String image = r.string(spec, "spec", "image");
        if (url != null || image == null) {
            if (url != null && image != null) {
                warnings.add("spec.image is deprecated and was ignored because spec.url is set; remove it");
            }
            ExtensionValidator.urlWarning(url).ifPresent(warnings::add);
            return OciReference.withScheme(url);
        }
        String converted = OciReference.withScheme(image);
        warnings.add("spec.image is deprecated: read as spec.url: " + converted + "; write url instead");
        return converted;
    }

    private static List<EnvVar> env(FieldReader r, JsonNode spec) {
        JsonNode vmConfig = r.object(spec, "spec", "vmConfig");
        if (vmConfig == null) {
            return List.of();
        }
        r.onlyKnown(vmConfig, "spec.vmConfig", VM_CONFIG);
        JsonNode list = r.array(vmConfig, "spec.vmConfig", "env");
        if (list == null) {
            return List.of();
        }
        List<EnvVar> env = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "spec.vmConfig.env[" + i + "]";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                r.problem(path, "must be a mapping with name, valueFrom and value, not " + FieldReader.describe(item));
                continue;
            }
            r.onlyKnown(item, path, ENV);
            EnvValueSource from = r.enumValue(item, path, "valueFrom", EnvValueSource.values(), Enum::name);
            JsonNode value = FieldReader.present(item, "value");
            // Whole numbers and booleans are accepted as their text, as env values always are; a
            // floating-point number is not, as its text could change (1e3 would become 1000.0).
            String text = value == null ? null : value.isIntegralNumber() || value.isBoolean() ? value.asString()
                    : r.string(value, path + ".value");
            env.add(new EnvVar(r.string(item, path, "name"), from, text));
        }
        return env;
    }

    private static WorkloadMode matchMode(FieldReader r, JsonNode spec) {
        JsonNode match = r.object(spec, "spec", "match");
        if (match == null) {
            return null;
        }
        r.onlyKnown(match, "spec.match", MATCH);
        return r.enumValue(match, "spec.match", "mode", WorkloadMode.values(), Enum::name);
    }

    private static List<String> allowedIn(FieldReader r, JsonNode spec) {
        JsonNode list = r.array(spec, "spec", "allowedIn");
        if (list == null) {
            return List.of();
        }
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String fqn = r.string(list.get(i), "spec.allowedIn[" + i + "]");
            if (fqn != null) {
                tenants.add(fqn);
            }
        }
        return tenants;
    }

    private static void checkFqn(FieldReader r, JsonNode spec, ExtensionDefinition d) {
        String fqn = r.string(spec, "spec", "fqn");
        if (fqn != null && d.organization() != null && d.name() != null && !fqn.equals(d.fqn())) {
            r.problem("spec.fqn", "'" + fqn + "' does not match metadata (" + d.fqn()
                    + "); remove spec.fqn, it is managed by the server");
        }
    }

    /** The document of an extension, fields in the order of spec §1; fqn and etag when etag is given. */
    public static ObjectNode write(ExtensionDefinition d, String etag) {
        ObjectNode doc = NODES.objectNode();
        ObjectNode metadata = TsbDocument.organizationHeader(doc, API_VERSION, KIND, d.organization());
        metadata.put("name", d.name());
        putIfPresent(metadata, "description", d.summary());
        d.meta().writeTo(metadata);
        ObjectNode spec = doc.putObject("spec");
        putIfPresent(spec, "displayName", d.displayName());
        if (!d.allowedIn().isEmpty()) {
            ArrayNode allowed = spec.putArray("allowedIn");
            d.allowedIn().forEach(allowed::add);
        }
        spec.put("url", d.url());
        putIfPresent(spec, "source", d.source());
        putIfPresent(spec, "description", d.description());
        spec.put("phase", d.phase().name());
        spec.put("priority", d.priority());
        if (d.imagePullPolicy() != PullPolicy.UNSPECIFIED_POLICY) {
            spec.put("imagePullPolicy", d.imagePullPolicy().wireName());
        }
        putIfPresent(spec, "imagePullSecret", d.imagePullSecret());
        if (d.config() != null) {
            spec.set("config", d.config().deepCopy());
        }
        if (!d.env().isEmpty()) {
            ArrayNode env = spec.putObject("vmConfig").putArray("env");
            for (EnvVar e : d.env()) {
                ObjectNode item = env.addObject();
                item.put("name", e.name());
                item.put("valueFrom", e.valueFrom().name());
                putIfPresent(item, "value", e.value());
            }
        }
        if (d.matchMode() != WorkloadMode.UNDEFINED) {
            spec.putObject("match").put("mode", d.matchMode().name());
        }
        if (etag != null) {
            spec.put("fqn", d.fqn());
            spec.put("etag", etag);
        }
        return doc;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
