package org.wasmconsole.extension.ui.config;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ConfigText;
import tools.jackson.databind.JsonNode;

/**
 * The details page's "Config schema" tab: the schema as documentation, and for admins the schema
 * pasted in (YAML or JSON), checked as they type (each problem on its line: the schema's own, and
 * the configs it would break), saved or removed (after a confirmation).
 */
@StyleSheet("context://themes/console/config-schema.css")
public class ConfigSchemaPanel extends Div {

    private static final String PREFIX = ConfigSchemaService.SCHEMA_PATH;
    private static final String EXAMPLE = "type: object\nrequired: [limit]\nproperties:\n"
            + "  limit: {type: integer, minimum: 1, title: Requests per second, default: 10}";

    private final ConfigSchemaService schemas;
    private final StoredExtension stored;
    private final Consumer<StoredExtension> onSaved;
    private final YamlEditor editor = new YamlEditor();
    private final Div problems = new Div();
    private final Button save = new Button("Save schema", VaadinIcon.CHECK.create());

    public ConfigSchemaPanel(ConfigSchemaService schemas, StoredExtension stored, boolean admin,
                             Consumer<StoredExtension> onSaved) {
        this.schemas = schemas;
        this.stored = stored;
        this.onSaved = onSaved;
        addClassName("config-schema-panel");
        JsonNode schema = stored.configSchema();
        if (schema != null) {
            add(new SchemaDocumentation(schema));
        } else {
            Paragraph none = new Paragraph("No config schema: " + stored.definition().name() + "'s config is"
                    + " free-form, and nothing checks it before it reaches the proxy.");
            none.addClassName("schema-empty");
            add(none);
        }
        if (admin) {
            addEditor(schema);
        }
    }

    private void addEditor(JsonNode schema) {
        Div label = new Div(schema == null ? "Add a config schema (JSON Schema draft 2020-12, YAML or JSON)"
                : "Edit the config schema (JSON Schema draft 2020-12, YAML or JSON)");
        label.addClassName("config-label");
        Div help = new Div("Every config of the extension, its own and each attachment's override, must follow it."
                + " Only references inside the schema (#/$defs/…); at most 64 KiB.");
        help.addClassName("config-help");
        editor.setAriaLabel("Config schema");
        editor.setPlaceholder(EXAMPLE);
        editor.setHeight("18rem");
        editor.setValue(ConfigText.format(schema));
        editor.addValueChangeListener(e -> check());
        problems.addClassName("config-error");
        problems.getStyle().set("white-space", "pre-line");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Div actions = new Div(save);
        actions.addClassName("schema-actions");
        if (schema != null) {
            Button remove = new Button("Remove schema", VaadinIcon.TRASH.create(), e -> confirmRemove());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(remove);
        }
        add(label, help, editor, problems, actions);
        check();
    }

    /** The schema as typed, or null (with its problem shown) when the text does not read as a mapping. */
    private JsonNode typed() {
        ConfigText.Parsed parsed = ConfigText.parse(editor.getValue());
        if (!parsed.ok()) {
            show(List.of(EditorMarker.error(parsed.line(), parsed.column(), parsed.error())),
                    "Line " + parsed.line() + ": " + parsed.error());
            return null;
        }
        return parsed.value();
    }

    private void check() {
        JsonNode schema = typed();
        if (schema == null && !editor.getValue().isBlank()) {
            save.setEnabled(false);
            return;
        }
        if (schema == null) {
            show(List.of(), null);
            save.setEnabled(false);
            return;
        }
        List<Violation> found = schemas.check(stored.definition().organization(), stored.definition().name(), schema);
        showViolations(found);
        save.setEnabled(found.isEmpty() && !schema.equals(stored.configSchema()));
    }

    private void showViolations(List<Violation> found) {
        List<EditorMarker> markers = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Violation v : found) {
            String relative = v.path().equals(PREFIX) ? "" : v.path().substring(PREFIX.length() + 1);
            int line = ConfigText.lineOf(editor.getValue(), relative);
            markers.add(EditorMarker.error(line, 1, v.message()));
            lines.add("Line " + line + (relative.isEmpty() ? "" : ", " + relative) + ": " + v.message());
        }
        show(markers, lines.isEmpty() ? null : String.join("\n", lines));
    }

    private void show(List<EditorMarker> markers, String text) {
        if (markers.isEmpty()) {
            editor.clearMarkers();
        } else {
            editor.setMarkers(markers);
        }
        problems.setText(text == null ? "" : text);
        problems.setVisible(text != null);
    }

    private void save() {
        JsonNode schema = typed();
        if (schema == null) {
            return;
        }
        try {
            StoredExtension saved = schemas.set(stored.definition().organization(), stored.definition().name(),
                    schema, stored.etag());
            Notify.success("Saved the config schema of " + stored.definition().name());
            onSaved.accept(saved);
        } catch (ValidationException e) {
            showViolations(e.violations());
        } catch (ConflictException e) {
            Notify.error(e.getMessage());
        }
    }

    private void confirmRemove() {
        ConfirmDialog dialog = new ConfirmDialog("Remove the config schema?", "Configs of "
                + stored.definition().name() + " will no longer be checked, and its forms go back to plain YAML.",
                "Remove", e -> {
                    try {
                        schemas.remove(stored.definition().organization(), stored.definition().name(), stored.etag());
                        Notify.success("Removed the config schema of " + stored.definition().name());
                        onSaved.accept(null);
                    } catch (ConflictException x) {
                        Notify.error(x.getMessage());
                    }
                });
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.open();
    }
}
