package org.wasmconsole.attachment;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Judges an Istio document as the Kubernetes API server would with Istio's own CRDs
 * ({@code src/main/resources/istio/extensions-crds.yaml}, copied unchanged from istio/api): the
 * OpenAPI v3 schema with networknt's JSON Schema validator (OpenAPI 3.0 dialect, so {@code nullable}
 * is understood), the list types of structural schemas ({@code x-kubernetes-list-type: map} keys and
 * {@code set} items are unique: "Duplicate value"), the {@code x-kubernetes-validations} CEL rules with
 * {@link KubernetesCel}, and the ObjectMeta rules for name and namespace. Paths are the document's:
 * {@code spec.vmConfig.env[1].name}; every problem is reported, not only the first.
 */
public final class IstioSchema {

    public static final String API_VERSION = "extensions.istio.io/v1alpha1";
    private static final String CRDS = "/istio/extensions-crds.yaml";

    private record Crd(JsonNode openApi, Schema schema) {
    }

    private static final Map<String, Crd> BY_KIND = load();

    private IstioSchema() {
    }

    /** The kinds whose schema is known: {@code WasmPlugin}, {@code TrafficExtension}. */
    public static java.util.Set<String> kinds() {
        return BY_KIND.keySet();
    }

    /** Every problem the API server would report for the document; empty when it would accept it. */
    public static List<Violation> validate(JsonNode document) {
        List<Violation> v = new ArrayList<>();
        if (document == null || !document.isObject()) {
            v.add(new Violation("", "is not an object"));
            return v;
        }
        String apiVersion = document.path("apiVersion").asString("");
        String kind = document.path("kind").asString("");
        Crd crd = BY_KIND.get(kind);
        if (!API_VERSION.equals(apiVersion)) {
            v.add(new Violation("apiVersion", "is '" + apiVersion + "'; Istio's extensions need " + API_VERSION));
        }
        if (crd == null) {
            v.add(new Violation("kind", "'" + kind + "' is not one of " + BY_KIND.keySet()));
            return v;
        }
        checkMetadata(document.path("metadata"), v);
        for (Error e : crd.schema().validate(document)) {
            String path = path(e.getInstanceLocation());
            // The schema does not describe metadata (the API server checks it itself, as above).
            if (!path.equals("metadata") && !path.startsWith("metadata.")) {
                v.add(new Violation(path, message(e)));
            }
        }
        walk(crd.openApi(), document, "", v);
        return v;
    }

    private static void checkMetadata(JsonNode metadata, List<Violation> v) {
        Names.checkDnsSubdomain(metadata.path("name").asString(null))
                .ifPresent(m -> v.add(new Violation("metadata.name", m)));
        JsonNode namespace = metadata.path("namespace");
        if (!namespace.isMissingNode()) {
            Names.checkDnsLabel(namespace.asString(null)).ifPresent(m -> v.add(new Violation("metadata.namespace", m)));
        }
    }

    /** What JSON Schema cannot say: list types and CEL rules, at every level where the schema has them. */
    private static void walk(JsonNode schema, JsonNode node, String path, List<Violation> v) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            Optional<String> failed = KubernetesCel.check(rule.path("rule").asString(), node);
            failed.ifPresent(detail -> v.add(new Violation(path, rule.path("message").asString("failed rule: "
                    + rule.path("rule").asString()))));
        }
        if (node.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            node.properties().forEach(e -> {
                JsonNode child = properties.path(e.getKey());
                if (!child.isMissingNode()) {
                    walk(child, e.getValue(), join(path, e.getKey()), v);
                } else if (additional.isObject()) {
                    walk(additional, e.getValue(), path + "[" + e.getKey() + "]", v);
                }
            });
        } else if (node.isArray()) {
            checkListType(schema, node, path, v);
            JsonNode items = schema.path("items");
            for (int i = 0; i < node.size(); i++) {
                walk(items, node.get(i), path + "[" + i + "]", v);
            }
        }
    }

    /** Structural schemas: the items of a {@code map} list are unique by their keys, those of a {@code set} list. */
    private static void checkListType(JsonNode schema, JsonNode list, String path, List<Violation> v) {
        String type = schema.path("x-kubernetes-list-type").asString("atomic");
        if (!type.equals("map") && !type.equals("set")) {
            return;
        }
        List<String> keys = new ArrayList<>();
        schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asString()));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String key = type.equals("set") ? item.toString() : keys.stream()
                    .map(k -> k + "=" + item.path(k).toString()).collect(Collectors.joining(","));
            Integer earlier = seen.putIfAbsent(key, i);
            if (earlier != null) {
                String shown = type.equals("set") ? item.toString() : "{" + keys.stream()
                        .map(k -> "\"" + k + "\":" + item.path(k).toString()).collect(Collectors.joining(",")) + "}";
                v.add(new Violation(path + "[" + i + "]", "Duplicate value: " + shown + " (also at " + path + "["
                        + earlier + "])"));
            }
        }
    }

    private static String message(Error e) {
        // networknt writes "$.spec.url: must be at least 1 characters long"; the path is ours to write.
        String text = e.getMessage();
        int colon = text.indexOf(": ");
        return text.startsWith("$") && colon > 0 ? text.substring(colon + 2) : text;
    }

    private static String path(NodePath location) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                s.append('[').append(index).append(']');
            } else {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(element);
            }
        }
        return s.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static Map<String, Crd> load() {
        // Kubernetes' structural-schema keywords: checked by walk(), not by JSON Schema.
        Dialect kubernetes = Dialect.builder(Dialects.getOpenApi30()).keywords(java.util.stream.Stream.of(
                        "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string")
                .map(NonValidationKeyword::new).toList()).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(kubernetes);
        Map<String, Crd> crds = new LinkedHashMap<>();
        try (InputStream in = IstioSchema.class.getResourceAsStream(CRDS)) {
            if (in == null) {
                throw new IllegalStateException(CRDS + " is missing from the classpath");
            }
            MappingIterator<JsonNode> documents = YAMLMapper.builder().build().readerFor(JsonNode.class)
                    .readValues(in);
            while (documents.hasNext()) {
                JsonNode crd = documents.next();
                String kind = crd.path("spec").path("names").path("kind").asString();
                JsonNode openApi = crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
                crds.put(kind, new Crd(openApi, registry.getSchema(openApi)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(crds);
    }
}
