package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.resource.ConfigText;
import tools.jackson.databind.JsonNode;

/**
 * {@code spec.config} in the form: YAML or JSON typed into the editor, read as the user types;
 * a text that does not read is marked on its line and keeps the form from saving.
 */
class ConfigEditor extends Div {

    private final YamlEditor editor = new YamlEditor();
    private final Div error = new Div();
    private ConfigText.Parsed parsed = ConfigText.parse("");

    ConfigEditor(Runnable onUserChange) {
        addClassName("config-block");
        Div label = new Div("Config (YAML or JSON)");
        label.addClassName("config-label");
        Div help = new Div("Optional mapping handed to the plugin; at most 64 KiB");
        help.addClassName("config-help");
        editor.setAriaLabel("Config (YAML or JSON)");
        editor.setPlaceholder("key: value");
        editor.setHeight("10rem");
        error.addClassName("config-error");
        editor.addValueChangeListener(e -> {
            parsed = ConfigText.parse(e.getValue());
            onUserChange.run();
        });
        add(new Div(label, help), editor, error);
        showError(null);
    }

    void setConfig(JsonNode config) {
        editor.setValue(ConfigText.format(config));
        parsed = ConfigText.parse(editor.getValue());
    }

    boolean readable() {
        return parsed.ok();
    }

    /** The config as read, or {@code fallback} while the text does not read. */
    JsonNode valueOr(JsonNode fallback) {
        return parsed.ok() ? parsed.value() : fallback;
    }

    /**
     * Shows why the config cannot be saved: its own parse error (also marked on its line) first,
     * else the service's violation of {@code spec.config}, if any; nothing when {@code visible} is false.
     */
    void showErrors(String violation, boolean visible) {
        String message = violation;
        if (!parsed.ok()) {
            message = "Line " + parsed.line() + ": " + parsed.error();
            editor.setMarkers(List.of(EditorMarker.error(parsed.line(), parsed.column(), parsed.error())));
        } else {
            editor.clearMarkers();
        }
        showError(visible ? message : null);
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }
}
