package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.wasmconsole.base.ui.DiffPanel;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionYaml;

/**
 * The dialogs of the editor that show a change as a diff of the YAML documents, as Argo CD and
 * Rancher do before a sync or a save: "review your changes, then save", and "someone else changed
 * it: this is what they changed; reload, overwrite, or keep editing".
 */
final class ChangeReview {

    private ChangeReview() {
    }

    /** The stored document against the edited one, with Save in the footer. */
    static Dialog review(ExtensionDefinition stored, ExtensionDefinition mine, Runnable save) {
        Dialog dialog = new Dialog();
        dialog.addClassName("change-review-dialog");
        dialog.setHeaderTitle("Review your changes to " + mine.name());
        dialog.setWidth("min(72rem, 96vw)");
        dialog.add(diff("Saved now", stored, "After saving", mine));
        Button keep = new Button("Keep editing", e -> dialog.close());
        Button confirm = new Button("Save", e -> {
            dialog.close();
            save.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(keep, confirm);
        return dialog;
    }

    /**
     * Someone saved the extension since it was opened: what they changed (the version this editor
     * started from against theirs). "Keep editing" has the focus: neither reload (loses my edits) nor
     * overwrite (loses theirs) may happen by pressing Enter.
     */
    static Dialog conflict(ExtensionDefinition started, ExtensionDefinition theirs, String by, Runnable reload,
                           Runnable overwrite) {
        Dialog dialog = new Dialog();
        dialog.addClassName("conflict-dialog");
        dialog.setHeaderTitle("Changed by someone else");
        dialog.setWidth("min(72rem, 96vw)");
        dialog.add(new Paragraph(theirs.name() + " was changed" + (by == null ? "" : " by " + by)
                + " since you opened it. This is what they changed. Reload to start again from their version (your"
                + " changes are lost), or overwrite it with yours (their changes are lost)."));
        dialog.add(diff("When you opened it", started, "Now (theirs)", theirs));
        Button keep = new Button("Keep editing", e -> dialog.close());
        Button reloadButton = new Button("Reload", e -> {
            dialog.close();
            reload.run();
        });
        Button overwriteButton = new Button("Overwrite", e -> {
            dialog.close();
            overwrite.run();
        });
        overwriteButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(keep, reloadButton, overwriteButton);
        dialog.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                keep.focus();
            }
        });
        return dialog;
    }

    private static Component diff(String leftTitle, ExtensionDefinition left, String rightTitle,
                                  ExtensionDefinition right) {
        return new DiffPanel(new Span(leftTitle), ExtensionYaml.write(left, null), new Span(rightTitle),
                ExtensionYaml.write(right, null));
    }
}
