package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.wasmconsole.base.YamlText;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.ui.config.ConfigField;

/**
 * An attachment's config override beside the extension's own config, which applies while the
 * override is empty and can be copied into it to start from. The override is YAML, or a form
 * generated from the extension's config schema (#19) that shows what is inherited.
 */
class ConfigOverride extends Div {

    private final ConfigField config = new ConfigField("Config override (YAML or JSON)", () -> { });
    private final YamlEditor extensionConfig = new YamlEditor();
    private final Span extensionConfigNote = new Span();
    private ExtensionDefinition chosen;

    ConfigOverride() {
        Div configLabel = new Div("Config override (YAML or JSON)");
        configLabel.addClassName("config-label");
        configLabel.setId("attach-config-label");
        Div configHelp = new Div("Replaces the extension's config for this attachment. Leave empty to use the"
                + " extension's; write {} for no config at all.");
        configHelp.addClassName("config-help");
        config.editor().setPlaceholder("empty: the extension's config");
        config.editor().addClassName("attach-config");
        Div override = new Div(configLabel, configHelp, config);
        override.addClassName("attach-config-column");

        Div hintLabel = new Div("The extension's config");
        hintLabel.addClassName("config-label");
        extensionConfigNote.addClassName("config-help");
        extensionConfig.setReadOnly(true);
        extensionConfig.setAriaLabel("The extension's config");
        extensionConfig.addClassName("attach-extension-config");
        Button copy = new Button("Start from it", VaadinIcon.COPY_O.create(), e -> {
            config.setConfig(chosen == null ? null : chosen.config());
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.addClassName("attach-copy-config");
        copy.setTooltipText("Copy the extension's config into the override to change it");
        Div hint = new Div(hintLabel, extensionConfigNote, extensionConfig, copy);
        hint.addClassName("attach-config-column");
        hint.addClassName("attach-config-hint");
        add(override, hint);
        addClassName("attach-config-columns");
    }

    /** The override as the user edits it. */
    ConfigField field() {
        return config;
    }

    /**
     * Shows the extension's config as what applies without an override; null when none is chosen
     * yet, or (when {@code editing}) when the attached extension cannot be read.
     */
    void show(StoredExtension stored, boolean editing) {
        chosen = stored == null ? null : stored.definition();
        // With a schema, the override is edited in fields that show what is inherited from the extension.
        config.setSchema(stored == null ? null : stored.configSchema(), chosen == null ? null : chosen.config(), false);
        String text = chosen == null ? "" : YamlText.config(chosen.config()).stripTrailing();
        extensionConfig.setValue(text);
        if (chosen == null) {
            extensionConfigNote.setText(editing ? "The extension cannot be read."
                    : "Choose an extension to see its config.");
        } else {
            extensionConfigNote.setText(text.isEmpty() ? chosen.name() + " has no config: without an override the"
                    + " plugin gets none." : "Used when the override is empty.");
        }
    }
}
