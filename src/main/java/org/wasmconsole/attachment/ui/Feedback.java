package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;

/** Notifications and the error box of the topology dialogs. */
final class Feedback {

    private Feedback() {
    }

    static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
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
