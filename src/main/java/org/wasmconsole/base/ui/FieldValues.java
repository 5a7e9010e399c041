package org.wasmconsole.base.ui;

import com.vaadin.flow.component.html.Span;

/** The value cells of a details page's fact rows, styled by the theme's field-* classes. */
public final class FieldValues {

    private FieldValues() {
    }

    public static Span text(String text) {
        return span(text, "field-value");
    }

    /** A value in monospace that may break anywhere (URLs, digests, FQNs, etags). */
    public static Span code(String text) {
        return span(text, "field-value", "field-code");
    }

    /** Muted explanatory text under a value. */
    public static Span note(String text) {
        return span(text, "field-note");
    }

    /** A muted placeholder for an absent value ("None", "Not set"). */
    public static Span none(String text) {
        return span(text, "field-value", "field-none");
    }

    private static Span span(String text, String... classNames) {
        Span span = new Span(text);
        span.addClassNames(classNames);
        return span;
    }
}
