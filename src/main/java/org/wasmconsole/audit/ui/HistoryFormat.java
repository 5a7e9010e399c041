package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditEntry;

/** How the history screens write times, actions and resources. */
final class HistoryFormat {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private HistoryFormat() {
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** The action as a small coloured label: green for additions, red for removals and refusals. */
    static Span action(AuditAction action) {
        Span badge = new Span(action.label());
        badge.addClassNames("action-badge", "action-" + tone(action));
        return badge;
    }

    private static String tone(AuditAction action) {
        return switch (action) {
            case CREATE, RESTORE, ENABLE, LOGIN -> "good";
            case DELETE, DISABLE, LOGIN_FAILED, ACCESS_DENIED -> "bad";
            default -> "neutral";
        };
    }

    /** "extension wasm-auth", "tenant payments", "user alice", "page /users". */
    static String resource(AuditEntry entry) {
        return entry.resourceType().label().toLowerCase(Locale.ROOT) + " " + entry.shortName();
    }
}
