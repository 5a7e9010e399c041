package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;

/** The error box of the topology dialogs (notifications: {@link org.wasmconsole.base.ui.Notify}). */
final class Feedback {

    private Feedback() {
    }

    /** The box at the top of a dialog for problems no field stands for; hidden while empty. */
    static Div errorBox() {
        Div box = new Div();
        box.addClassName("topology-dialog-error");
        box.getElement().setAttribute("role", "alert");
        box.setVisible(false);
        return box;
    }

    static void show(Div box, List<String> messages) {
        box.removeAll();
        messages.forEach(m -> box.add(new Div(m)));
        box.setVisible(!messages.isEmpty());
    }
}
