package org.wasmconsole.extension.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ui.TableHeads;
import org.wasmconsole.extension.yaml.ConfigText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An extension's config schema as documentation for the details page (issue #19): every field with
 * its path, type and rules, default, examples and description, and an example config assembled from
 * the schema's examples and defaults.
 */
@StyleSheet("context://themes/console/config-schema.css")
public class SchemaDocumentation extends Div {

    private static final int MAX_ROWS = 200;
    private final JsonNode root;
    private final NativeTableBody rows = new NativeTableBody();
    private int count;

    public SchemaDocumentation(JsonNode schema) {
        this.root = schema;
        addClassName("schema-doc");
        NativeTableHeader head = TableHeads.of("Field", "Type and rules", "Default", "Example", "Description");
        describe(schema, "");
        NativeTable table = new NativeTable(head, rows);
        table.getElement().setAttribute("aria-label", "Config fields");
        add(table);
        ObjectNode example = example(schema);
        if (!example.isEmpty()) {
            Span title = new Span("Example config (from the schema's examples and defaults)");
            title.addClassName("schema-section-title");
            Pre block = new Pre(ConfigText.format(example));
            block.addClassName("code-block");
            block.getElement().setAttribute("aria-label", "Example config as YAML");
            add(title, block);
        }
    }

    private void describe(JsonNode objectSchema, String path) {
        JsonNode properties = objectSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (++count > MAX_ROWS) {
                return;
            }
            JsonNode property = SchemaNodes.resolve(root, p.getValue());
            String at = path.isEmpty() ? p.getKey() : path + "." + p.getKey();
            rows.add(row(at, property, SchemaNodes.required(objectSchema, p.getKey())));
            String type = SchemaNodes.type(property);
            if (type.equals("object")) {
                describe(property, at);
            } else if (type.equals("array")) {
                JsonNode items = SchemaNodes.resolve(root, property.path("items"));
                if (SchemaNodes.type(items).equals("object")) {
                    describe(items, at + "[]");
                }
            }
        }
    }

    private NativeTableRow row(String path, JsonNode property, boolean required) {
        Div field = new Div(code(path));
        if (required) {
            Span mark = new Span("required");
            mark.addClassName("schema-required");
            field.add(new Span(" "), mark);
        }
        String title = SchemaNodes.text(property, "title", null);
        if (title != null) {
            field.add(new Div(title));
        }
        JsonNode example = property.path("examples").path(0);
        return new NativeTableRow(cell("Field", field), cell("Type", new Span(rules(property))),
                property.has("default") ? cell("Default", code(SchemaNodes.show(property.get("default")))) : empty(),
                example.isMissingNode() ? empty() : cell("Example", code(SchemaNodes.show(example))),
                cell("Description", new Span(SchemaNodes.text(property, "description", ""))));
    }

    /** A cell with its column's name, which a phone shows before the value (the rows stack there). */
    private static NativeTableCell cell(String column, Component content) {
        NativeTableCell cell = new NativeTableCell(content);
        cell.getElement().setAttribute("data-label", column);
        return cell;
    }

    private static NativeTableCell empty() {
        NativeTableCell cell = new NativeTableCell();
        cell.addClassName("schema-doc-empty");
        return cell;
    }

    /** The type and its rules in words: "integer, 1 to 100000", "one of: a, b", "text matching ^/". */
    static String rules(JsonNode s) {
        List<String> parts = new ArrayList<>();
        String type = SchemaNodes.type(s);
        if (type.equals("enum")) {
            List<String> choices = new ArrayList<>();
            s.get("enum").forEach(c -> choices.add(SchemaNodes.show(c)));
            parts.add("one of: " + String.join(", ", choices));
        } else {
            parts.add(switch (type) {
                case "string" -> "text";
                case "integer" -> "whole number";
                case "boolean" -> "true or false";
                case "array" -> "list" + (s.path("items").has("type") ? " of " + switch (s.path("items").get("type")
                        .asString()) {
                    case "string" -> "texts";
                    case "integer" -> "whole numbers";
                    case "object" -> "mappings";
                    case "boolean" -> "true or false";
                    default -> s.path("items").get("type").asString() + "s";
                } : "");
                case "object" -> s.has("properties") ? "mapping" : "mapping of names to values";
                case "" -> "any value";
                default -> type;
            });
        }
        range(s, "minimum", "maximum", "").ifPresent(parts::add);
        range(s, "minLength", "maxLength", " characters").ifPresent(parts::add);
        range(s, "minItems", "maxItems", " items").ifPresent(parts::add);
        if (s.has("exclusiveMinimum")) {
            parts.add("more than " + s.get("exclusiveMinimum"));
        }
        if (s.has("exclusiveMaximum")) {
            parts.add("less than " + s.get("exclusiveMaximum"));
        }
        if (s.has("pattern")) {
            parts.add("matching " + s.get("pattern").asString());
        }
        if (s.has("format")) {
            parts.add("format " + s.get("format").asString());
        }
        if (SchemaNodes.flag(s, "uniqueItems")) {
            parts.add("no duplicates");
        }
        if (SchemaNodes.flag(s, "readOnly")) {
            parts.add("read-only");
        }
        if (SchemaNodes.flag(s, "writeOnly")) {
            parts.add("secret (write-only)");
        }
        return String.join(", ", parts);
    }

    private static java.util.Optional<String> range(JsonNode s, String min, String max, String unit) {
        boolean hasMin = s.has(min);
        boolean hasMax = s.has(max);
        if (hasMin && hasMax) {
            return java.util.Optional.of(s.get(min) + " to " + s.get(max) + unit);
        }
        if (hasMin) {
            return java.util.Optional.of("at least " + s.get(min) + unit);
        }
        return hasMax ? java.util.Optional.of("at most " + s.get(max) + unit) : java.util.Optional.empty();
    }

    /** Each property's first example, else its default; nested mappings likewise. */
    private ObjectNode example(JsonNode objectSchema) {
        ObjectNode example = JsonNodeFactory.instance.objectNode();
        JsonNode properties = objectSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return example;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            JsonNode property = SchemaNodes.resolve(root, p.getValue());
            JsonNode first = property.path("examples").path(0);
            if (!first.isMissingNode()) {
                example.set(p.getKey(), first.deepCopy());
            } else if (property.has("default")) {
                example.set(p.getKey(), property.get("default").deepCopy());
            } else if (SchemaNodes.type(property).equals("object")) {
                ObjectNode child = example(property);
                if (!child.isEmpty()) {
                    example.set(p.getKey(), child);
                }
            }
        }
        return example;
    }

    private static Component code(String text) {
        return new com.vaadin.flow.component.html.Code(text);
    }
}
