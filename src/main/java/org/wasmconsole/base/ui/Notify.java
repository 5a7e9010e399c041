package org.wasmconsole.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The console's notifications, the same on every screen: a short green one at the bottom for a
 * change that worked; a neutral one in the middle for a hint about what to do first; an amber
 * warning and a red error in the middle, which screen readers announce at once (assertive) and
 * which stay longer. Every one stays at least long enough to read its text (about 50 ms a
 * character on top of a base), so a long message does not vanish half read.
 */
public final class Notify {

    static final int SUCCESS_MS = 4000;
    static final int INFO_MS = 6000;
    static final int WARNING_MS = 8000;
    static final int ERROR_MS = 8000;
    /** Reading time per character beyond the base, and the longest a notification stays. */
    static final int MS_PER_CHARACTER = 50;
    static final int MAX_MS = 20000;

    private Notify() {
    }

    /** A change that worked: "Saved x", "Deleted y", "Copied the fqn to the clipboard". */
    public static Notification success(String message) {
        return show(message, SUCCESS_MS, Notification.Position.BOTTOM_START, NotificationVariant.LUMO_SUCCESS, false);
    }

    /** What to do first before an action can go on ("Fix the YAML first ..."): nothing went wrong. */
    public static Notification info(String message) {
        return show(message, INFO_MS, Notification.Position.MIDDLE, NotificationVariant.LUMO_CONTRAST, false);
    }

    /** Something the user should know although nothing failed (someone else's change, a refused copy). */
    public static Notification warning(String message) {
        return show(message, WARNING_MS, Notification.Position.MIDDLE, NotificationVariant.LUMO_WARNING, true);
    }

    /** A change that did not happen, and why. */
    public static Notification error(String message) {
        return show(message, ERROR_MS, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR, true);
    }

    /** How long a message stays: the base, or its reading time when longer, at most {@link #MAX_MS}. */
    static int duration(String message, int base) {
        int reading = 2000 + MS_PER_CHARACTER * (message == null ? 0 : message.length());
        return Math.min(MAX_MS, Math.max(base, reading));
    }

    private static Notification show(String message, int base, Notification.Position position,
                                     NotificationVariant variant, boolean assertive) {
        Notification notification = new Notification(message, duration(message, base), position, assertive);
        notification.addThemeVariants(variant);
        notification.open();
        return notification;
    }
}
