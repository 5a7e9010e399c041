package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionUsage;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.StoredExtension;

/**
 * Saves what the editor holds, with the questions a save may raise: detach where a narrowed
 * {@code allowedIn} no longer allows it, and on a stale etag reload or overwrite. A refusal goes
 * back to the editor to mark; a saved extension opens its page.
 */
final class ExtensionSaving {

    private final ExtensionService service;
    private final ExtensionUsage usage;
    private final String organization;
    private final Consumer<List<Violation>> refused;
    private final Consumer<StoredExtension> rebased;

    /**
     * @param refused what the service refused, for the editor to mark
     * @param rebased the stored version the editor now edits on top of (an overwrite after a conflict)
     */
    ExtensionSaving(ExtensionService service, ExtensionUsage usage, String organization,
                    Consumer<List<Violation>> refused, Consumer<StoredExtension> rebased) {
        this.service = service;
        this.usage = usage;
        this.organization = organization;
        this.refused = refused;
        this.rebased = rebased;
    }

    /** Creates ({@code original} null) or updates {@code original} to the definition. */
    void save(@Nullable StoredExtension original, ExtensionDefinition definition) {
        write(original, definition, original == null ? null : original.etag());
    }

    /**
     * Saves; an update whose {@code allowedIn} would leave attachments in tenants it no longer allows
     * first shows them and asks: detach them as it saves, or go back to the form with nothing saved.
     */
    private void write(@Nullable StoredExtension original, ExtensionDefinition definition, @Nullable String etag) {
        if (original != null && !original.definition().allowedIn().equals(definition.allowedIn())) {
            List<ExtensionUsage.Place> invalidated;
            try {
                invalidated = usage.invalidatedBy(original.fqn(), definition.allowedIn());
            } catch (NotFoundException e) {
                invalidated = List.of();
            }
            if (!invalidated.isEmpty()) {
                confirmDetach(original, definition, etag, invalidated);
                return;
            }
        }
        write(original, definition, etag, InUse.REFUSE);
    }

    private void confirmDetach(StoredExtension original, ExtensionDefinition definition, @Nullable String etag,
                               List<ExtensionUsage.Place> invalidated) {
        String name = definition.name();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassNames("in-use-dialog", "narrowing-dialog");
        dialog.setHeader("Detach " + name + " where it is no longer allowed?");
        dialog.setWidth(UsageList.DIALOG_WIDTH);
        List<String> leftOut = invalidated.stream().map(u -> u.tenant()).distinct().toList();
        dialog.setText(new Div(
                new Paragraph("The new allowed tenants leave out " + String.join(", ", leftOut) + ", where " + name
                        + " is attached in " + UsageList.places(invalidated.size()) + ":"),
                new UsageList(invalidated, false),
                new Paragraph("Saving detaches it there in the same step: those proxies stop running it."
                        + " Cancel to go back to the form; nothing is saved.")));
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmText("Detach and save");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> write(original, definition, etag, InUse.DETACH));
        dialog.open();
    }

    private void write(@Nullable StoredExtension original, ExtensionDefinition definition, @Nullable String etag,
                       InUse inUse) {
        try {
            StoredExtension saved = original == null ? service.create(definition)
                    : service.update(definition, etag, inUse);
            Notify.success("Saved " + saved.definition().name());
            UI.getCurrent().navigate("extensions/" + saved.definition().name());
        } catch (ValidationException e) {
            refused.accept(e.violations());
        } catch (ExtensionInUseException e) {
            // Attached in a left-out tenant by someone else since the question: nothing was saved.
            Notify.error("Nothing was saved: " + e.getMessage() + ".");
        } catch (ConflictException e) {
            if ("metadata.name".equals(e.path()) || original == null) {
                refused.accept(List.of(new Violation(e.path(), e.getMessage())));
            } else {
                offerReloadOrOverwrite(original, definition);
            }
        } catch (NotFoundException e) {
            Notify.error(e.getMessage() + ": it was deleted by someone else. Create it again to keep your"
                    + " changes.");
        }
    }

    private void offerReloadOrOverwrite(StoredExtension original, ExtensionDefinition mine) {
        StoredExtension theirs = service.find(organization, mine.name()).orElse(null);
        if (theirs == null) {
            Notify.error(mine.name() + " was deleted by someone else. Create it again to keep your changes.");
            return;
        }
        ChangeReview.conflict(original.definition(), theirs.definition(), theirs.updatedBy(),
                () -> UI.getCurrent().getPage().reload(), () -> {
                    rebased.accept(theirs);
                    write(theirs, mine, theirs.etag());
                }).open();
    }
}
