package org.wasmconsole.extension.ui.config;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reading a (checked) config schema for display: local references, types, labels, defaults. */
final class SchemaNodes {

    private SchemaNodes() {
    }

    /** The schema a local {@code $ref} ({@code #/$defs/route}) points at; the node itself otherwise. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 8 && current != null && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#")) {
                return current;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }

    /** The schema's single type; "object" for one with properties, "enum" for one with choices; "" otherwise. */
    static String type(JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").isArray()) {
            return "enum";
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (type != null && type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asString()));
            types.remove("null");
            return types.size() == 1 ? types.getFirst() : "";
        }
        return schema.has("properties") ? "object" : "";
    }

    static String label(String key, JsonNode schema) {
        return text(schema, "title", key);
    }

    static String text(JsonNode schema, String field, String fallback) {
        JsonNode node = schema.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : fallback;
    }

    static boolean flag(JsonNode schema, String field) {
        JsonNode node = schema.get(field);
        return node != null && node.isBoolean() && node.asBoolean();
    }

    static boolean required(JsonNode parent, String key) {
        JsonNode required = parent.get("required");
        if (required == null || !required.isArray()) {
            return false;
        }
        for (JsonNode r : required) {
            if (r.isString() && r.asString().equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A short, readable form of a JSON value for labels: text without quotes, the rest as JSON. */
    static String show(JsonNode value) {
        return value == null ? "" : value.isString() ? value.asString() : value.toString();
    }
}
