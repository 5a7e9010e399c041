package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.wasmconsole.base.ui.DiffPanel;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditDetails;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.audit.Reattachment;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.base.ui.Notify;

/**
 * One record of a resource change: the document before and after, side by side, and for admins
 * "Restore this version" (the document after the change; for a delete, the one before it: the
 * deleted extension is created again).
 */
class RecordDialog extends Dialog {

    RecordDialog(AuditService audit, ExtensionService extensions, AuditDetails details, Runnable onRestored) {
        AuditEntry entry = details.entry();
        addClassName("record-dialog");
        setHeaderTitle(entry.action().label() + " " + HistoryFormat.resource(entry));
        setWidth("min(96vw, 84rem)");
        setMaxHeight("92vh");

        Paragraph who = new Paragraph(HistoryFormat.when(entry.time()) + " by " + entry.username()
                + (entry.summary() == null ? "" : ": " + entry.summary()));
        who.addClassName("record-who");
        add(who, new DiffPanel(title("Before", details.before() == null ? "(none: created here)" : null),
                nullToEmpty(details.before()),
                title("After", details.after() == null ? "(none: deleted here)" : null),
                nullToEmpty(details.after())));

        Button close = new Button("Close", e -> close());
        Button restore = null;
        if (entry.resourceType() == org.wasmconsole.audit.AuditResourceType.EXTENSION) {
            String name = entry.shortName();
            StoredExtension current = extensions.find(entry.organization(), name).orElse(null);
            if (current != null) {
                Anchor open = new Anchor("extensions/" + name, "Open " + name);
                open.addClassName("record-open");
                getFooter().add(open);
            }
            boolean isCurrent = current != null && current.etag().equals(details.etag());
            if (isCurrent) {
                Span note = new Span("This is the current version.");
                note.addClassName("record-current");
                getFooter().add(note);
            } else if (details.version() != null) {
                boolean deleted = current == null;
                restore = new Button(deleted ? "Restore the deleted extension" : "Restore this version",
                        VaadinIcon.ROTATE_LEFT.create(), e -> confirm(audit, details, current, onRestored));
                restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                restore.addClassName("restore-button");
            }
        }
        getFooter().add(close);
        if (restore != null) {
            getFooter().add(restore);
        }
    }

    private void confirm(AuditService audit, AuditDetails details, StoredExtension current, Runnable onRestored) {
        AuditEntry entry = details.entry();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("restore-dialog");
        boolean fromDelete = entry.action() == AuditAction.DELETE;
        dialog.setHeader((current == null ? "Create " + entry.shortName() + " again" : "Restore " + entry.shortName())
                + " as of " + HistoryFormat.when(entry.time()) + "?");
        Div text = new Div(new Paragraph((fromDelete ? "The definition deleted then" : "The version saved then")
                + (current == null ? " is created again." : " replaces the current one.")
                + " Every rule is checked again, and the restore is added to the history."));
        // What a restore does not bring back by itself: the places its deletion detached it from.
        List<String> places = current == null && fromDelete ? audit.detachedByDeletion(entry.id()).places() : List.of();
        Checkbox reattach = new Checkbox("Attach it there again (with its own config and match; a config or"
                + " match set only there was not kept)", true);
        if (!places.isEmpty()) {
            Div list = new Div();
            list.addClassName("restore-places");
            places.forEach(p -> list.add(new Div(new Span(p))));
            text.add(new Paragraph("When it was deleted it was detached from " + (places.size() == 1 ? "1 place"
                    : places.size() + " places") + ":"), list, reattach);
        } else if (current == null) {
            text.add(new Paragraph("It was not attached anywhere when it was deleted."));
        }
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText("Restore");
        dialog.addConfirmListener(e -> {
            Reattachment result;
            try {
                result = current == null && fromDelete ? audit.restoreAndReattach(entry.id(), reattach.getValue())
                        : null;
                if (result == null) {
                    audit.restore(entry.id(), current == null ? null : current.etag());
                }
            } catch (ConflictException | NotFoundException ex) {
                Notify.error("Not restored: " + ex.getMessage());
                return;
            } catch (ValidationException ex) {
                Notify.error("Not restored: this version breaks today's rules: "
                        + String.join("; ", ex.violations().stream().map(v -> v.path() + " " + v.message()).toList()));
                return;
            }
            String done = "Restored " + entry.shortName() + " as of " + HistoryFormat.when(entry.time()) + ".";
            if (result != null && !result.places().isEmpty()) {
                done += result.reattached().isEmpty() ? " It is not attached anywhere."
                        : " Attached again in " + result.reattached().size() + " of " + result.places().size() + " places.";
                if (!result.skipped().isEmpty()) {
                    done += " Not in: " + String.join("; ", result.skipped()) + ".";
                }
            }
            Notify.success(done);
            close();
            onRestored.run();
        });
        dialog.open();
    }

    private static Component title(String text, String note) {
        Span title = new Span(text);
        title.addClassName("diff-head-title");
        Div head = new Div(title);
        if (note != null) {
            Span n = new Span(note);
            n.addClassName("diff-head-note");
            head.add(n);
        }
        Div wrapper = new Div(head);
        head.addClassName("diff-head-text");
        return wrapper;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
