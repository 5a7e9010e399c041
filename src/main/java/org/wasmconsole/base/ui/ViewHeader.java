package org.wasmconsole.base.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The header row of a list page, alike on every list: its title, the count it shows, its actions at the right end. */
public final class ViewHeader {

    private ViewHeader() {
    }

    /** @param count the match count, which the page keeps up to date */
    public static HorizontalLayout of(String title, Span count, Component... actions) {
        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        HorizontalLayout header = new HorizontalLayout(new H2(title), count, spacer);
        header.add(actions);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("view-header");
        return header;
    }

    /** The page's main action, creating or adding what it lists: a primary button with a plus. */
    public static Button createButton(String label, ComponentEventListener<ClickEvent<Button>> onClick) {
        Button button = new Button(label, VaadinIcon.PLUS.create(), onClick);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }
}
