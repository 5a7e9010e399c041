package org.wasmconsole.extension.ui.config;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.tabs.TabsVariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.yaml.ConfigText;
import tools.jackson.databind.JsonNode;

/**
 * A plugin config as the user edits it: YAML (or JSON) in the editor, and, when the extension has a
 * config schema, a form generated from it (the default view); both edit the same value. Errors are
 * the service's, by path: under their fields in the form, on their lines in the YAML. Used by the
 * extension's form and by the attachment dialog for overrides: the one screen part exposed to another
 * module (named interface {@code config-field}).
 */
@NamedInterface("config-field")
public class ConfigField extends Div {

    private final YamlEditor editor = new YamlEditor();
    private final Div error = new Div();
    private final Tab formTab = new Tab("Fields");
    private final Tab yamlTab = new Tab("YAML");
    private final Tabs modes = new Tabs(formTab, yamlTab);
    private final Div body = new Div();
    private final Runnable onUserChange;
    private SchemaForm form;
    private ConfigText.Parsed parsed = ConfigText.parse("");
    private Map<String, String> violations = Map.of();
    private boolean errorsVisible;

    /** @param onUserChange called after each edit, in either view */
    public ConfigField(String ariaLabel, Runnable onUserChange) {
        this.onUserChange = onUserChange;
        addClassName("config-field");
        editor.setAriaLabel(ariaLabel);
        editor.setHeight("10rem");
        editor.addValueChangeListener(e -> {
            parsed = ConfigText.parse(e.getValue());
            onUserChange.run();
        });
        error.addClassName("config-error");
        modes.addThemeVariants(TabsVariant.LUMO_SMALL);
        modes.addClassName("config-modes");
        modes.setVisible(false);
        modes.addSelectedChangeListener(e -> switchMode());
        body.add(editor);
        add(modes, body, error);
        showError(null);
    }

    public YamlEditor editor() {
        return editor;
    }

    /**
     * Shows the form generated from {@code schema} (none: the YAML editor alone). {@code inherited}: for
     * an override, the extension's own config, shown beside each field. {@code fillDefaults}: an empty
     * config starts from the schema's defaults.
     */
    public void setSchema(JsonNode schema, JsonNode inherited, boolean fillDefaults) {
        if (schema == null) {
            form = null;
            modes.setVisible(false);
            body.removeAll();
            body.add(editor);
            return;
        }
        form = new SchemaForm(schema, this::formEdited);
        form.setInherited(inherited);
        form.setValue(parsed.ok() ? parsed.value() : null, fillDefaults);
        if (fillDefaults && !form.getValue().isEmpty() && (parsed.value() == null)) {
            formEdited();
        }
        modes.setVisible(true);
        modes.setSelectedTab(formTab);
        switchMode();
    }

    public void setConfig(JsonNode config) {
        editor.setValue(ConfigText.format(config));
        parsed = ConfigText.parse(editor.getValue());
        if (form != null) {
            form.setValue(config, false);
        }
    }

    public boolean readable() {
        return parsed.ok();
    }

    /** The config as read, or {@code fallback} while the text does not read. */
    public JsonNode valueOr(JsonNode fallback) {
        return parsed.ok() ? parsed.value() : fallback;
    }

    public boolean showingForm() {
        return form != null && modes.getSelectedTab() == formTab;
    }

    /**
     * Shows why the config cannot be saved: its own parse error first (marked on its line), else the
     * service's violations, keyed by their path relative to the config ({@code ""} for the config
     * itself, {@code routes[2].timeout}); nothing while {@code visible} is false.
     */
    public void showViolations(Map<String, String> byRelativePath, boolean visible) {
        violations = new LinkedHashMap<>(byRelativePath);
        errorsVisible = visible;
        List<EditorMarker> markers = new ArrayList<>();
        String message = null;
        if (!parsed.ok()) {
            message = "Line " + parsed.line() + ": " + parsed.error();
            markers.add(EditorMarker.error(parsed.line(), parsed.column(), parsed.error()));
        } else if (!violations.isEmpty()) {
            List<String> lines = new ArrayList<>();
            violations.forEach((path, text) -> {
                String shown = path.isEmpty() ? "config" : path;
                lines.add(shown + ": " + text);
                if (visible) {
                    markers.add(EditorMarker.error(ConfigText.lineOf(editor.getValue(), path), 1, shown + ": " + text));
                }
            });
            message = String.join("\n", lines);
        }
        if (markers.isEmpty()) {
            editor.clearMarkers();
        } else {
            editor.setMarkers(markers);
        }
        if (form != null) {
            form.showErrors(visible ? violations : Map.of());
        }
        // In the form the fields show their own errors; the list is for the YAML view.
        showError(visible && !(showingForm() && parsed.ok()) ? message : null);
    }

    private void formEdited() {
        // Fires the editor's listener when the text changes: parsed again, then onUserChange.
        editor.setValue(ConfigText.format(form.getValue()));
    }

    private void switchMode() {
        body.removeAll();
        if (form != null && modes.getSelectedTab() == formTab) {
            if (!parsed.ok() || (parsed.value() != null && !parsed.value().isObject())) {
                Notify.info("Fix the YAML first: the form can only show a readable mapping");
                modes.setSelectedTab(yamlTab);
                return;
            }
            form.setValue(parsed.value(), false);
            body.add(form);
        } else {
            body.add(editor);
        }
        showViolations(violations, errorsVisible);
    }

    private void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }
}
