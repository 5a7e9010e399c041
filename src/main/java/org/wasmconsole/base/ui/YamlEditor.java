package org.wasmconsole.base.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasPlaceholder;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.List;
import java.util.Optional;

/**
 * A YAML editor, or with {@code setReadOnly(true)} a viewer: CodeMirror 5 with line numbers,
 * syntax colours, markers from the server's validation in a gutter, light and dark like Lumo.
 * Used for the live preview beside the form, "Edit as YAML", the plugin {@code config} field and
 * the details view's YAML tab.
 *
 * <p>The browser side is {@code frontend/yaml-editor.js}, a plain custom element loaded with
 * {@code @JavaScript}: {@code @JsModule}/{@code @NpmPackage} would make Vaadin rebuild its
 * frontend bundle, which cannot be done on our build machines (docs: STACK.md). CodeMirror
 * itself comes from the codemirror WebJar under {@code /webjars}, which Spring Security serves
 * to signed-in users only: use the editor behind the login.
 *
 * <p>Value: set from the server it is shown without an event coming back; the user's edits
 * reach the server 300 ms after the last keystroke and at once when the editor loses focus, as
 * a normal {@code ValueChangeEvent} (from the client). Markers are independent of the value:
 * callers replace them after each validation, or {@link #clearMarkers()}.
 *
 * <p>Size: the editor fills the height it is given ({@link #setHeight}, flex, CSS) and scrolls
 * inside, never growing with the text; it is at least {@code --yaml-editor-min-height} (8rem)
 * high (set that custom property for a smaller one). No label inside:
 * callers wrap it, and name it with {@link #setAriaLabel} or {@link #setAriaLabelledBy}.
 */
@Tag("yaml-editor")
@JavaScript("context://frontend/yaml-editor.js")
@StyleSheet("context://themes/console/yaml-editor.css")
public class YamlEditor extends AbstractSinglePropertyField<YamlEditor, String>
        implements HasSize, HasAriaLabel, HasPlaceholder {

    // The accessible name belongs on CodeMirror's input element, not on the host (a generic
    // element, where screen readers ignore or repeat it): the element forwards these properties.
    private static final String ACCESSIBLE_NAME = "accessibleName";
    private static final String ACCESSIBLE_NAME_REF = "accessibleNameRef";

    /** An empty, editable editor. */
    public YamlEditor() {
        // "value" in the element, synchronised on its "value-changed" event; null is not a value.
        super("value", "", false);
    }

    /** An editor showing the given text. */
    public YamlEditor(String value) {
        this();
        setValue(value);
    }

    /*
     * setReadOnly comes from HasValueAndElement: it sets the element's "readonly" property, which
     * the element passes to CodeMirror (readOnly: text selectable and copyable, no cursor).
     */

    /** Shows these markers in the gutter instead of the ones shown so far. */
    public void setMarkers(List<EditorMarker> markers) {
        getElement().setPropertyList("markers", markers.stream().map(EditorMarker::toJson).toList());
    }

    /** Removes all markers, e.g. once the text is valid again. */
    public void clearMarkers() {
        setMarkers(List.of());
    }

    /** Moves the keyboard focus into the editor. */
    public void focus() {
        getElement().callJsFunction("focus");
    }

    @Override
    public void setAriaLabel(String ariaLabel) {
        setTextProperty(ACCESSIBLE_NAME, ariaLabel);
    }

    @Override
    public Optional<String> getAriaLabel() {
        return textProperty(ACCESSIBLE_NAME);
    }

    /** Ids of the elements that name the editor (in the same document, as for any aria-labelledby). */
    @Override
    public void setAriaLabelledBy(String labelledBy) {
        setTextProperty(ACCESSIBLE_NAME_REF, labelledBy);
    }

    @Override
    public Optional<String> getAriaLabelledBy() {
        return textProperty(ACCESSIBLE_NAME_REF);
    }

    /** Sets a text property of the element; null clears it. */
    private void setTextProperty(String name, String value) {
        getElement().setProperty(name, value == null ? "" : value);
    }

    /** A text property of the element; empty when it is not set or empty. */
    private Optional<String> textProperty(String name) {
        return Optional.ofNullable(getElement().getProperty(name)).filter(s -> !s.isEmpty());
    }
}
