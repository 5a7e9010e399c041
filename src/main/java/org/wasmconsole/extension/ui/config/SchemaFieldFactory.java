package org.wasmconsole.extension.ui.config;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One field for one scalar property of a config schema: a select for an enum, a switch for a
 * boolean, a number field with the schema's bounds, a text field (a password field for
 * {@code writeOnly}); anything else as a JSON value. The helper text carries the description, the
 * default ("Default: 100", and "(default)" while the value is it) and, for an attachment's
 * override, where the value comes from (inherited) or what the extension itself has.
 */
final class SchemaFieldFactory {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The component to add and the part of it that shows an error. */
    record Field(Component component, HasValidation validation) {
    }

    private SchemaFieldFactory() {
    }

    /** @param onValue receives the new value, or null when the field was cleared (the key is then left out) */
    static Field scalar(String label, JsonNode schema, boolean required, JsonNode current, String inheritedNote,
                        Consumer<JsonNode> onValue) {
        String type = SchemaNodes.type(schema);
        Field field = switch (type) {
            case "enum" -> select(label, schema, required, current, onValue);
            case "boolean" -> toggle(label, current, schema, onValue);
            case "integer" -> integer(label, schema, current, onValue);
            case "number" -> number(label, schema, current, onValue);
            case "string" -> text(label, schema, current, onValue);
            default -> json(label, current, onValue);
        };
        decorate(field.component(), schema, required, current, inheritedNote);
        return field;
    }

    private static Field select(String label, JsonNode schema, boolean required, JsonNode current,
                                Consumer<JsonNode> onValue) {
        List<JsonNode> choices = new ArrayList<>();
        schema.get("enum").forEach(choices::add);
        Select<JsonNode> select = new Select<>();
        select.setLabel(label);
        select.setItems(choices);
        select.setItemLabelGenerator(SchemaNodes::show);
        select.setEmptySelectionAllowed(!required);
        select.setEmptySelectionCaption("(not set)");
        if (current != null && choices.contains(current)) {
            select.setValue(current);
        }
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onValue.accept(e.getValue());
            }
        });
        return new Field(select, select);
    }

    private static Field toggle(String label, JsonNode current, JsonNode schema, Consumer<JsonNode> onValue) {
        Checkbox box = new Checkbox(label);
        box.addClassName("schema-switch");
        boolean on = current != null ? current.asBoolean() : SchemaNodes.flag(schema, "default");
        box.setValue(on);
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onValue.accept(NODES.booleanNode(e.getValue()));
            }
        });
        return new Field(box, box);
    }

    private static Field integer(String label, JsonNode schema, JsonNode current, Consumer<JsonNode> onValue) {
        IntegerField field = new IntegerField(label);
        field.setStepButtonsVisible(false);
        bound(schema, "minimum", "exclusiveMinimum", 1).ifPresent(m -> field.setMin((int) Math.ceil(m)));
        bound(schema, "maximum", "exclusiveMaximum", -1).ifPresent(m -> field.setMax((int) Math.floor(m)));
        if (current != null && current.canConvertToInt()) {
            field.setValue(current.asInt());
        }
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onValue.accept(e.getValue() == null ? null : NODES.numberNode(e.getValue()));
            }
        });
        return new Field(field, field);
    }

    private static Field number(String label, JsonNode schema, JsonNode current, Consumer<JsonNode> onValue) {
        NumberField field = new NumberField(label);
        bound(schema, "minimum", "exclusiveMinimum", 0).ifPresent(field::setMin);
        bound(schema, "maximum", "exclusiveMaximum", 0).ifPresent(field::setMax);
        if (current != null && current.isNumber()) {
            field.setValue(current.asDouble());
        }
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                Double v = e.getValue();
                onValue.accept(v == null ? null : v == Math.rint(v) && Math.abs(v) < 1e15
                        ? NODES.numberNode(v.longValue()) : NODES.numberNode(v));
            }
        });
        return new Field(field, field);
    }

    /** The bound the field can show: inclusive, or exclusive moved by {@code step} (whole numbers). */
    private static java.util.Optional<Double> bound(JsonNode schema, String inclusive, String exclusive, int step) {
        if (schema.has(inclusive) && schema.get(inclusive).isNumber()) {
            return java.util.Optional.of(schema.get(inclusive).asDouble());
        }
        if (step != 0 && schema.has(exclusive) && schema.get(exclusive).isNumber()) {
            return java.util.Optional.of(schema.get(exclusive).asDouble() + step);
        }
        return java.util.Optional.empty();
    }

    private static Field text(String label, JsonNode schema, JsonNode current, Consumer<JsonNode> onValue) {
        TextFieldBase<?, String> field = SchemaNodes.flag(schema, "writeOnly") ? new PasswordField(label)
                : new TextField(label);
        if (current != null) {
            field.setValue(current.isString() ? current.asString() : current.toString());
        }
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onValue.accept(e.getValue().isEmpty() ? null : NODES.stringNode(e.getValue()));
            }
        });
        return new Field(field, field);
    }

    /** A property the form has no field for (a map, a union of types): its value as JSON. */
    private static Field json(String label, JsonNode current, Consumer<JsonNode> onValue) {
        TextField field = new TextField(label + " (JSON)");
        field.addClassName("schema-json");
        if (current != null) {
            field.setValue(current.toString());
        }
        field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            String text = e.getValue().strip();
            if (text.isEmpty()) {
                onValue.accept(null);
                return;
            }
            try {
                onValue.accept(JSON.readTree(text));
            } catch (RuntimeException notJson) {
                onValue.accept(NODES.stringNode(text));
            }
        });
        return new Field(field, field);
    }

    /** Required mark, read-only, and the helper text: description, format, default, inherited value. */
    private static void decorate(Component component, JsonNode schema, boolean required, JsonNode current,
                                 String inheritedNote) {
        List<String> help = new ArrayList<>();
        String description = SchemaNodes.text(schema, "description", null);
        if (description != null) {
            help.add(description);
        }
        String format = SchemaNodes.text(schema, "format", null);
        if (format != null) {
            help.add("Format: " + format);
        }
        String pattern = SchemaNodes.text(schema, "pattern", null);
        if (pattern != null) {
            help.add("Pattern: " + pattern);
        }
        JsonNode example = schema.path("examples").path(0);
        if (!example.isMissingNode() && current == null) {
            help.add("e.g. " + SchemaNodes.show(example));
        }
        JsonNode defaultValue = schema.get("default");
        if (defaultValue != null) {
            help.add(defaultValue.equals(current) ? "(default)" : "Default: " + SchemaNodes.show(defaultValue));
        }
        if (inheritedNote != null) {
            help.add(inheritedNote);
        }
        String placeholder = defaultValue != null ? SchemaNodes.show(defaultValue) : null;
        if (component instanceof TextFieldBase<?, ?> text) {
            text.setRequiredIndicatorVisible(required);
            text.setReadOnly(SchemaNodes.flag(schema, "readOnly"));
            if (placeholder != null && current == null) {
                text.setPlaceholder(placeholder);
            }
            text.setHelperText(String.join(" · ", help));
        } else if (component instanceof Select<?> select) {
            select.setRequiredIndicatorVisible(required);
            select.setReadOnly(SchemaNodes.flag(schema, "readOnly"));
            select.setHelperText(String.join(" · ", help));
            if (placeholder != null && current == null) {
                select.setPlaceholder(placeholder);
            }
        } else if (component instanceof Checkbox box) {
            box.setReadOnly(SchemaNodes.flag(schema, "readOnly"));
            box.setHelperText(String.join(" · ", help));
        }
        component.getElement().setAttribute("data-default", String.valueOf(defaultValue != null
                && defaultValue.equals(current)));
    }
}
