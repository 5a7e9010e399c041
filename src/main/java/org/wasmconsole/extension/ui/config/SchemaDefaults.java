package org.wasmconsole.extension.ui.config;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The schema's defaults as a starting config, for a config not written yet (a new list item included). */
final class SchemaDefaults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaDefaults() {
    }

    /** Writes each property's default into {@code target}, nested objects included; existing keys are kept. */
    static void fill(JsonNode root, JsonNode objectSchema, ObjectNode target) {
        JsonNode properties = objectSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode property = SchemaNodes.resolve(root, p.getValue());
            if (target.has(p.getKey())) {
                continue;
            }
            if (property.has("default")) {
                target.set(p.getKey(), property.get("default").deepCopy());
            } else if (SchemaNodes.type(property).equals("object")) {
                ObjectNode child = NODES.objectNode();
                fill(root, property, child);
                if (!child.isEmpty()) {
                    target.set(p.getKey(), child);
                }
            }
        }
    }

    /** A new list item: its default, an object with its properties' defaults, or an empty value of its type. */
    static JsonNode initial(JsonNode root, JsonNode items) {
        if (items.has("default")) {
            return items.get("default").deepCopy();
        }
        if (SchemaNodes.type(items).equals("object")) {
            ObjectNode item = NODES.objectNode();
            fill(root, items, item);
            return item;
        }
        return switch (SchemaNodes.type(items)) {
            case "integer", "number" -> NODES.numberNode(items.path("minimum").asInt(0));
            case "boolean" -> NODES.booleanNode(false);
            case "enum" -> items.get("enum").get(0).deepCopy();
            default -> NODES.stringNode("");
        };
    }
}
