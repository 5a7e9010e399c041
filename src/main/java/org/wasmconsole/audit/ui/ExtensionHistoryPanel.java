package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wasmconsole.base.ui.DiffPanel;
import org.wasmconsole.audit.AuditDetails;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.base.ui.Notify;

/**
 * The History tab of an extension: every recorded version, newest first; tick two to compare them
 * side by side (the two newest are compared at first), and, for admins, restore an older version
 * (confirmed first; an update with the current etag, so every rule applies and the restore is
 * recorded too).
 */
@StyleSheet("context://themes/console/history.css")
public class ExtensionHistoryPanel extends Composite<Div> {

    /** Whether a click on a row landed on its checkbox (which handles it itself). */
    private static final String ON_BOX = "event.target.closest('vaadin-checkbox') !== null";

    private final AuditService audit;
    private final String currentEtag;
    private final boolean admin;
    private final Consumer<StoredExtension> onRestored;
    private final List<AuditEntry> versions;
    /** The ticked versions, in the order they were ticked (at most two). */
    private final List<AuditEntry> picked = new ArrayList<>();
    private final Map<Long, Checkbox> boxes = new LinkedHashMap<>();
    private final Div comparison = new Div();
    private boolean updating;

    /**
     * @param onRestored called with the extension as restored, to show it again
     */
    public ExtensionHistoryPanel(AuditService audit, String organization, String name, String currentEtag,
                                 boolean admin, Consumer<StoredExtension> onRestored) {
        this.audit = audit;
        this.currentEtag = currentEtag;
        this.admin = admin;
        this.onRestored = onRestored;
        this.versions = audit.extensionHistory(organization, name);
        Div root = getContent();
        root.addClassName("extension-history");

        if (versions.isEmpty()) {
            Div empty = new Div(VaadinIcon.TIME_BACKWARD.create(), new H3("No history recorded"),
                    new Paragraph("Changes are recorded from now on: the next edit of " + name + " will show here."));
            empty.addClassNames("empty-state", "history-empty");
            root.add(empty);
            return;
        }
        Span hint = new Span(versions.size() == 1 ? "One version so far."
                : versions.size() + " versions, newest first. Tick two to compare them.");
        hint.addClassName("field-note");
        Div list = new Div();
        list.addClassName("version-list");
        list.getElement().setAttribute("role", "list");
        list.getElement().setAttribute("aria-label", "Versions of " + name);
        for (int i = 0; i < versions.size(); i++) {
            list.add(versionRow(versions.get(i), i == 0));
        }
        comparison.addClassName("history-comparison");
        root.add(hint, list, comparison);

        // At first: the newest version against the one before it. The newest is ticked last, so that
        // ticking another version replaces the one before it and keeps the newest in the comparison.
        if (versions.size() > 1) {
            picked.add(versions.get(1));
        }
        picked.add(versions.getFirst());
        showPicked();
    }

    private Component versionRow(AuditEntry entry, boolean newest) {
        Checkbox box = new Checkbox();
        box.setAriaLabel("Compare the version of " + HistoryFormat.when(entry.time()));
        box.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                toggled(entry, e.getValue());
            }
        });
        boxes.put(entry.id(), box);
        Span time = new Span(HistoryFormat.when(entry.time()));
        time.addClassName("version-time");
        Span user = new Span(entry.username());
        user.addClassName("version-user");
        Span summary = new Span(entry.summary() == null ? "" : entry.summary());
        summary.addClassName("version-summary");
        Div row = new Div(box, time, HistoryFormat.action(entry.action()), user, summary);
        if (newest && entry.hasDocuments() && entry.action() != org.wasmconsole.audit.AuditAction.DELETE) {
            Span current = new Span("Current");
            current.addClassName("version-current");
            row.add(current);
        }
        row.addClassName("version-row");
        // The whole row ticks its box, not only the box itself (whose own clicks it leaves alone).
        row.getElement().addEventListener("click", e -> {
            if (!e.getEventData().get(ON_BOX).asBoolean()) {
                toggled(entry, !box.getValue());
            }
        }).addEventData(ON_BOX);
        row.getElement().setAttribute("role", "listitem");
        row.getElement().setAttribute("data-id", Long.toString(entry.id()));
        return row;
    }

    private void toggled(AuditEntry entry, boolean ticked) {
        picked.removeIf(p -> p.id() == entry.id());
        if (ticked) {
            picked.add(entry);
            if (picked.size() > 2) {
                picked.removeFirst();
            }
        }
        showPicked();
    }

    private void showPicked() {
        updating = true;
        boxes.forEach((id, box) -> {
            boolean on = picked.stream().anyMatch(p -> p.id() == id);
            box.setValue(on);
            box.getParent().ifPresent(row -> row.getElement().getClassList().set("picked", on));
        });
        updating = false;
        comparison.removeAll();
        if (picked.size() < 2) {
            Paragraph note = new Paragraph(versions.size() == 1
                    ? "There is nothing to compare yet: this is the only recorded version."
                    : "Tick a second version to compare.");
            note.addClassName("history-note");
            comparison.add(note);
            if (picked.size() == 1) {
                comparison.add(single(picked.getFirst()));
            }
            return;
        }
        // Older on the left, newer on the right, whatever the order of ticking.
        AuditEntry older = versions.indexOf(picked.get(0)) > versions.indexOf(picked.get(1)) ? picked.get(0) : picked.get(1);
        AuditEntry newer = older == picked.get(0) ? picked.get(1) : picked.get(0);
        AuditDetails left = audit.find(older.id()).orElseThrow();
        AuditDetails right = audit.find(newer.id()).orElseThrow();
        comparison.add(new DiffPanel(head(older, left), text(left), head(newer, right), text(right)));
    }

    /** One version alone: its heading and its document. */
    private Component single(AuditEntry entry) {
        AuditDetails details = audit.find(entry.id()).orElseThrow();
        Component head = head(entry, details);
        head.addClassName("diff-head");
        com.vaadin.flow.component.html.Pre document = new com.vaadin.flow.component.html.Pre(text(details));
        document.addClassName("version-document");
        Div box = new Div(head, document);
        box.addClassName("version-single");
        return box;
    }

    /** The document of a version: the one after its change (none after a delete). */
    private static String text(AuditDetails details) {
        return details.after() == null ? "" : details.after();
    }

    private Component head(AuditEntry entry, AuditDetails details) {
        Span title = new Span(HistoryFormat.when(entry.time()));
        title.addClassName("diff-head-title");
        Span by = new Span(entry.action().label() + " by " + entry.username()
                + (details.after() == null ? " (no document after a delete)" : ""));
        by.addClassName("diff-head-note");
        Div text = new Div(title, by);
        text.addClassName("diff-head-text");
        Div head = new Div(text);
        boolean current = currentEtag != null && currentEtag.equals(details.etag());
        if (current) {
            Span badge = new Span("Current");
            badge.addClassName("version-current");
            head.add(badge);
        } else if (admin && details.after() != null) {
            Button restore = new Button("Restore this version", VaadinIcon.ROTATE_LEFT.create(),
                    e -> confirmRestore(entry));
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
            restore.setAriaLabel("Restore the version of " + HistoryFormat.when(entry.time()));
            restore.addClassName("restore-button");
            head.add(restore);
        }
        return head;
    }

    private void confirmRestore(AuditEntry entry) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("restore-dialog");
        dialog.setHeader("Restore the version of " + HistoryFormat.when(entry.time()) + "?");
        dialog.setText("The extension is changed back to this version, as an edit would: every rule is checked"
                + " again, and the restore is added to the history. Nothing recorded is lost.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Restore");
        dialog.addConfirmListener(e -> restore(entry));
        dialog.open();
    }

    private void restore(AuditEntry entry) {
        StoredExtension restored;
        try {
            restored = audit.restore(entry.id(), currentEtag);
        } catch (ConflictException | NotFoundException e) {
            Notify.error("Not restored: " + e.getMessage());
            return;
        } catch (ValidationException e) {
            Notify.error("Not restored: this version breaks today's rules: " + String.join("; ", e.violations().stream()
                    .map(v -> v.path() + " " + v.message()).toList()));
            return;
        }
        Notify.success("Restored the version of " + HistoryFormat.when(entry.time()) + ".");
        onRestored.accept(restored);
    }
}
