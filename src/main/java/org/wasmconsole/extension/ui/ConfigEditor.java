package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wasmconsole.extension.ui.config.ConfigField;
import tools.jackson.databind.JsonNode;

/**
 * {@code spec.config} in the form: YAML or JSON typed into the editor, read as the user types, or,
 * when the extension has a config schema, a form generated from it; a text that does not read is
 * marked on its line and keeps the form from saving.
 */
class ConfigEditor extends Div {

    private static final String PATH = "spec.config";

    private final Div help = new Div("Optional mapping handed to the plugin; at most 64 KiB");
    private final ConfigField field;

    ConfigEditor(Runnable onUserChange) {
        addClassName("config-block");
        Div label = new Div("Config (YAML or JSON)");
        label.addClassName("config-label");
        help.addClassName("config-help");
        field = new ConfigField("Config (YAML or JSON)", onUserChange);
        field.editor().setPlaceholder("key: value");
        add(new Div(label, help), field);
    }

    /** The extension's config schema: a form generated from it, and its rules in the checks (service). */
    void setSchema(JsonNode schema) {
        help.setText(schema == null ? "Optional mapping handed to the plugin; at most 64 KiB"
                : "Checked against the extension's config schema; the form is generated from it");
        field.setSchema(schema, null, false);
    }

    void setConfig(JsonNode config) {
        field.setConfig(config);
    }

    boolean readable() {
        return field.readable();
    }

    /** The config as read, or {@code fallback} while the text does not read. */
    JsonNode valueOr(JsonNode fallback) {
        return field.valueOr(fallback);
    }

    /**
     * Shows why the config cannot be saved: its own parse error (also marked on its line) first,
     * else the service's violations of {@code spec.config...}; nothing when {@code visible} is false.
     */
    void showErrors(Map<String, String> violations, boolean visible) {
        Map<String, String> relative = new LinkedHashMap<>();
        violations.forEach((path, message) -> {
            if (path.equals(PATH)) {
                relative.put("", message);
            } else if (path.startsWith(PATH + ".") || path.startsWith(PATH + "[")) {
                String rest = path.substring(PATH.length());
                relative.put(rest.startsWith(".") ? rest.substring(1) : rest, message);
            }
        });
        field.showViolations(relative, visible);
    }
}
