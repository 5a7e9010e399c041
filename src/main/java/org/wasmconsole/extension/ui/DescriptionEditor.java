package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.wasmconsole.extension.MarkdownRenderer;

/** The description's Markdown with a preview below it, rendered and sanitised as the details page shows it. */
class DescriptionEditor extends Div {

    private final TextArea description = new TextArea("Description (Markdown)");
    private final Div preview = new Div();

    DescriptionEditor() {
        description.setHelperText("Optional; the long text of the details page, e.g. the README (spec.description);"
                + " at most 64 KiB");
        description.setMinHeight("8rem");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setWidthFull();
        description.addValueChangeListener(e -> render(e.getValue()));
        preview.addClassName("markdown-body");
        Details details = new Details("Preview of the description", preview);
        details.addClassName("description-preview");
        add(description, details);
        addClassName("description-block");
    }

    /** The text area, for the form's binder. */
    TextArea field() {
        return description;
    }

    void render(String markdown) {
        String html = MarkdownRenderer.toSafeHtml(markdown, 4);
        // Safe: MarkdownRenderer's output is cleaned against an allow-list (no scripts, no handlers).
        preview.getElement().setProperty("innerHTML", html.isEmpty() ? "<p><em>Nothing to show yet.</em></p>" : html);
    }
}
