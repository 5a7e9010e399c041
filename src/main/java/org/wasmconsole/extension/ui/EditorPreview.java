package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionYaml;

/**
 * The editor's preview of the document. It claims to be what will be saved only when it is: while
 * a field cannot be read it keeps its last readable state and says so; while a rule is broken it
 * says nothing can be saved yet (issue #16).
 */
class EditorPreview extends Div {

    private final YamlEditor preview = new YamlEditor();
    private final Span note = new Span();

    EditorPreview() {
        addClassName("preview-pane");
        preview.setReadOnly(true);
        preview.setAriaLabel("Preview of the YAML document");
        preview.setSizeFull();
        Span title = new Span("Preview");
        title.addClassName("pane-title");
        note.addClassName("pane-note");
        add(title, note, preview);
    }

    /**
     * @param current    the document as last read, or null to keep the one shown
     * @param unreadable the labels of what cannot be read as typed (the preview is then not current)
     * @param saveable   whether the document can be saved as it is
     */
    void show(ExtensionDefinition current, List<String> unreadable, boolean saveable) {
        if (current != null && unreadable.isEmpty()) {
            preview.setValue(ExtensionYaml.write(current, null));
        }
        removeClassNames("preview-stale", "preview-unsaveable");
        if (!unreadable.isEmpty()) {
            addClassName("preview-stale");
            note.setText("Not current: " + String.join(" and ", unreadable) + " cannot be read as typed."
                    + " This is the last readable version; fix the marked fields to update it.");
        } else if (!saveable) {
            addClassName("preview-unsaveable");
            note.setText("The document as typed; it cannot be saved until the marked problems are fixed.");
        } else {
            note.setText("Exactly what will be saved and exported; fqn and etag are added by the server.");
        }
    }
}
