package org.wasmconsole.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The console's two notifications: a short green one at the bottom for a change that worked, and a
 * longer red one in the middle for one that did not (read it before it goes).
 */
public final class Notify {

    private Notify() {
    }

    public static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
