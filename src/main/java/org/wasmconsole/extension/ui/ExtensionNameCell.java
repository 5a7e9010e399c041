package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.wasmconsole.extension.ExtensionSummary;

/** An extension's name as a link to its details page, with its display name below: every grid's first cell. */
public final class ExtensionNameCell {

    private ExtensionNameCell() {
    }

    public static Component of(ExtensionSummary s) {
        Anchor name = new Anchor("extensions/" + s.name(), s.name());
        name.getElement().setAttribute("router-link", true);
        name.addClassName("extension-name");
        Div cell = new Div(name);
        cell.addClassName("name-cell");
        if (s.displayName() != null && !s.displayName().isBlank()) {
            Span display = new Span(s.displayName());
            display.addClassName("extension-display-name");
            cell.add(display);
        }
        return cell;
    }
}
