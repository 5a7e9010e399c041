package org.wasmconsole.extension.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plugin config edited through a form generated from the extension's config schema (issue #19):
 * one typed field per property (text, number with its bounds, a switch, a select for an enum),
 * lists with add and remove, nested objects as sections; the schema's titles and descriptions as
 * labels and helper texts; defaults shown and marked. Keys the schema does not describe are kept
 * as they are (the form never drops what it cannot show). Errors come from the service, by path.
 */
@StyleSheet("context://themes/console/config-schema.css")
public class SchemaForm extends Div {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode schema;
    private final Runnable onChange;
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final Div unplaced = new Div();
    private ObjectNode value = NODES.objectNode();
    private JsonNode inherited;
    /** True while an override is not written yet and the fields show the extension's own config. */
    private boolean showingInherited;

    /** @param onChange called after every edit by the user, with {@link #getValue()} already updated */
    public SchemaForm(JsonNode schema, Runnable onChange) {
        this.schema = schema;
        this.onChange = onChange;
        addClassName("schema-form");
        unplaced.addClassName("schema-form-errors");
    }

    /**
     * Shows the config. {@code fillDefaults}: a config not written yet starts from the schema's
     * defaults (marked as such); an existing one is shown as it is, defaults only as hints.
     */
    public void setValue(JsonNode config, boolean fillDefaults) {
        value = config != null && config.isObject() ? ((ObjectNode) config).deepCopy() : NODES.objectNode();
        showingInherited = config == null && inherited != null && inherited.isObject();
        if (showingInherited) {
            // No override yet: the fields show the extension's config; the first edit makes it the override.
            value = ((ObjectNode) inherited).deepCopy();
        }
        if (fillDefaults && (config == null || config.isEmpty())) {
            SchemaDefaults.fill(schema, schema, value);
        }
        render();
    }

    /** For an attachment's override: the extension's own config, shown beside each field as inherited. */
    public void setInherited(JsonNode config) {
        inherited = config;
        render();
    }

    public ObjectNode getValue() {
        return value;
    }

    /** Marks each field with the service's violation of its path (relative to the config: {@code routes[2].timeout}). */
    public void showErrors(Map<String, String> byRelativePath) {
        fields.forEach((path, field) -> {
            String message = byRelativePath.get(path);
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        });
        StringBuilder rest = new StringBuilder();
        byRelativePath.forEach((path, message) -> {
            if (!fields.containsKey(path)) {
                rest.append(rest.isEmpty() ? "" : "\n").append(path.isEmpty() ? "config" : path).append(": ")
                        .append(message);
            }
        });
        unplaced.setText(rest.toString());
        unplaced.setVisible(!rest.isEmpty());
    }

    private void render() {
        removeAll();
        fields.clear();
        add(unplaced);
        unplaced.setVisible(false);
        if (showingInherited) {
            Div note = new Div("Showing the extension's own config (inherited). Changing a field makes it this"
                    + " attachment's override, which replaces the whole config.");
            note.addClassName("schema-inherited-note");
            add(note);
        }
        addProperties(this, schema, value, "", inherited, () -> { });
    }

    /** Every property of an object schema as a field or section, in the schema's order. */
    /**
     * @param attach puts {@code target} into its parent once something is written in it: a section the
     *               user never touches adds nothing to the config
     */
    private void addProperties(Div into, JsonNode objectSchema, ObjectNode target, String path, JsonNode inheritedHere,
                               Runnable attach) {
        JsonNode properties = objectSchema.get("properties");
        if (properties == null || !properties.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            String key = p.getKey();
            JsonNode property = SchemaNodes.resolve(schema, p.getValue());
            String at = path.isEmpty() ? key : path + "." + key;
            boolean required = SchemaNodes.required(objectSchema, key);
            JsonNode inheritedValue = inheritedHere == null ? null : inheritedHere.get(key);
            into.add(propertyComponent(key, property, target, at, required, inheritedValue, attach));
        }
    }

    private Component propertyComponent(String key, JsonNode property, ObjectNode target, String path,
                                        boolean required, JsonNode inheritedValue, Runnable attach) {
        String type = SchemaNodes.type(property);
        // A map (additionalProperties only) has no fields to show: it is edited as a JSON value.
        if (type.equals("object") && property.has("properties")) {
            Div section = section(SchemaNodes.label(key, property) + (required ? " *" : ""), property, path);
            JsonNode existing = target.get(key);
            ObjectNode child = existing != null && existing.isObject() ? (ObjectNode) existing : NODES.objectNode();
            addProperties(section, property, child, path, inheritedValue, () -> {
                attach.run();
                if (target.get(key) != child) {
                    target.set(key, child);
                }
            });
            return section;
        }
        if (type.equals("array")) {
            return list(key, property, target, path, required, attach);
        }
        SchemaFieldFactory.Field field = SchemaFieldFactory.scalar(SchemaNodes.label(key, property), property,
                required, target.get(key), inheritedNote(inheritedValue), v -> {
                    showingInherited = false;
                    attach.run();
                    if (v == null) {
                        target.remove(key);
                    } else {
                        target.set(key, v);
                    }
                    onChange.run();
                });
        fields.put(path, field.validation());
        return field.component();
    }

    /** Beside a field of an override: where its value comes from, or what the extension itself has. */
    private String inheritedNote(JsonNode inheritedValue) {
        if (inherited == null) {
            return null;
        }
        if (showingInherited) {
            return inheritedValue == null ? null : "Inherited from the extension";
        }
        return "The extension's own: " + (inheritedValue == null ? "not set" : SchemaNodes.show(inheritedValue))
                + " (replaced by this override)";
    }

    private Div section(String title, JsonNode property, String path) {
        Div section = new Div();
        section.addClassName("schema-section");
        Span heading = new Span(title);
        heading.addClassName("schema-section-title");
        section.add(heading);
        String description = SchemaNodes.text(property, "description", null);
        if (description != null) {
            Span help = new Span(description);
            help.addClassName("schema-section-help");
            section.add(help);
        }
        section.getElement().setAttribute("data-path", path);
        return section;
    }

    /** A list: each item a field (scalars) or a section (objects), removable; "Add" appends one. */
    private Component list(String key, JsonNode property, ObjectNode target, String path, boolean required,
                           Runnable attach) {
        Div section = section(SchemaNodes.label(key, property) + (required ? " *" : ""), property, path);
        JsonNode items = SchemaNodes.resolve(schema, property.path("items"));
        JsonNode existing = target.get(key);
        ArrayNode array = existing != null && existing.isArray() ? (ArrayNode) existing : NODES.arrayNode();
        Div rows = new Div();
        rows.addClassName("schema-list");
        Runnable[] redraw = new Runnable[1];
        redraw[0] = () -> {
            rows.removeAll();
            fields.keySet().removeIf(p -> p.startsWith(path + "["));
            if (array.isEmpty()) {
                Span empty = new Span("No items yet.");
                empty.addClassName("schema-empty");
                rows.add(empty);
            }
            for (int i = 0; i < array.size(); i++) {
                rows.add(item(items, array, i, path + "[" + i + "]", () -> redraw[0].run()));
            }
        };
        redraw[0].run();
        Button add = new Button("Add " + SchemaNodes.text(items, "title", "item"), VaadinIcon.PLUS.create(), e -> {
            array.add(SchemaDefaults.initial(schema, items));
            attach.run();
            if (target.get(key) != array) {
                target.set(key, array);
            }
            redraw[0].run();
            onChange.run();
        });
        add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        section.add(rows, add);
        return section;
    }

    private Component item(JsonNode items, ArrayNode array, int index, String path, Runnable redraw) {
        Div row = new Div();
        row.addClassName("schema-list-item");
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            array.remove(index);
            redraw.run();
            onChange.run();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove item " + (index + 1));
        if (SchemaNodes.type(items).equals("object")) {
            Div section = section("Item " + (index + 1), items, path);
            ObjectNode child = array.get(index).isObject() ? (ObjectNode) array.get(index) : NODES.objectNode();
            array.set(index, child);
            addProperties(section, items, child, path, null, () -> { });
            row.add(section, remove);
            return row;
        }
        SchemaFieldFactory.Field field = SchemaFieldFactory.scalar("Item " + (index + 1), items, true,
                array.get(index), null, v -> {
                    showingInherited = false;
                    array.set(index, v == null ? NODES.nullNode() : v);
                    onChange.run();
                });
        fields.put(path, field.validation());
        row.add(field.component(), remove);
        return row;
    }
}
