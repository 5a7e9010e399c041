package org.wasmconsole.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.Tooltip;

/**
 * Copy to the clipboard with the browser's {@code navigator.clipboard}, and say so. The browser
 * may refuse (an insecure origin, a denied permission): the user is then told to copy by hand.
 */
public final class Clipboard {

    private Clipboard() {
    }

    /** A small icon button "Copy {what}" that copies the text. */
    public static Button iconButton(String what, String text) {
        Button button = new Button(VaadinIcon.COPY_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        button.addClassName("copy-button");
        button.setAriaLabel("Copy " + what);
        Tooltip.forComponent(button).setText("Copy " + what);
        button.addClickListener(e -> copy(button, text, what));
        return button;
    }

    /** A labelled "Copy" button for a bigger block of text. */
    public static Button textButton(String what, String text) {
        Button button = new Button("Copy", VaadinIcon.COPY_O.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setAriaLabel("Copy " + what);
        button.addClickListener(e -> copy(button, text, what));
        return button;
    }

    public static void copy(Component source, String text, String what) {
        source.getElement()
                .executeJs("if (!navigator.clipboard) { throw new Error('no clipboard'); }"
                        + " return navigator.clipboard.writeText($0);", text)
                .then(Void.class, ok -> Notify.success("Copied the " + what + " to the clipboard"),
                        error -> Notify.warning("The browser did not allow copying: select the " + what
                                + " and copy it by hand"));
    }
}
