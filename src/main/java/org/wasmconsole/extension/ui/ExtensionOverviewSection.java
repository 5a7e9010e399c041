package org.wasmconsole.extension.ui;

import static org.wasmconsole.base.ui.FieldValues.code;
import static org.wasmconsole.base.ui.FieldValues.none;
import static org.wasmconsole.base.ui.FieldValues.note;
import static org.wasmconsole.base.ui.FieldValues.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;

/**
 * One card of the Overview tab: a titled section holding a list of term / value rows, or any
 * other content. Small helpers build the usual values: plain text, code, a muted note.
 */
class ExtensionOverviewSection extends Composite<Section> {

    private final DescriptionList fields = new DescriptionList();

    ExtensionOverviewSection(String title, String className) {
        Section section = getContent();
        section.addClassNames("details-card", className);
        H3 heading = new H3(title);
        heading.addClassName("details-card-title");
        section.add(heading);
        section.getElement().setAttribute("aria-label", title);
        fields.addClassName("details-fields");
    }

    /** Adds a row; the value may be several components (text, notes, a copy button). */
    ExtensionOverviewSection row(String term, Component... value) {
        if (fields.getParent().isEmpty()) {
            getContent().add(fields);
        }
        DescriptionList.Term dt = new DescriptionList.Term(term);
        DescriptionList.Description dd = new DescriptionList.Description(value);
        Div pair = new Div(dt, dd);
        pair.addClassName("details-field");
        pair.getElement().setAttribute("data-field", term);
        fields.add(pair);
        return this;
    }

    ExtensionOverviewSection row(String term, String text) {
        return row(term, text(text));
    }

    /** Free content below the rows (a table, a code block, rendered Markdown). */
    ExtensionOverviewSection body(Component... content) {
        getContent().add(content);
        return this;
    }

    ExtensionOverviewSection wide() {
        getContent().addClassName("wide");
        return this;
    }




}
