package org.wasmconsole.base.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import java.util.List;

/** Placeholder until the CodeMirror-based editor lands (being written alongside). */
@Tag("yaml-editor")
public class YamlEditor extends AbstractSinglePropertyField<YamlEditor, String> implements HasSize {

    public YamlEditor() {
        super("value", "", false);
    }

    public void setMarkers(List<EditorMarker> markers) {
    }

    public void clearMarkers() {
    }

    public void setPlaceholder(String placeholder) {
    }

    public void setAriaLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }
}
