package org.wasmconsole.artifact.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.Supplier;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.base.ui.Notify;

/**
 * "Pin N to digests" for the catalogue's selection: asks, then pins each selected tag url to the digest
 * found behind it in the background (each its own edit in the history) and says which were pinned and
 * why the others were not.
 */
public class BulkPin extends Composite<Button> {

    private final ModuleService modules;
    private final String organization;
    private final Supplier<List<String>> selected;
    private final Runnable done;

    /**
     * @param selected the names selected now
     * @param done     called after the pins (the catalogue reloads its rows)
     */
    public BulkPin(ModuleService modules, String organization, Supplier<List<String>> selected, Runnable done) {
        this.modules = modules;
        this.organization = organization;
        this.selected = selected;
        this.done = done;
        Button button = getContent();
        button.setIcon(VaadinIcon.PIN.create());
        button.addClassName("bulk-pin-button");
        button.addClickListener(e -> confirm());
        selectionChanged(0);
    }

    public void selectionChanged(int count) {
        getContent().setEnabled(count > 0);
        getContent().setText(count == 0 ? "Pin" : "Pin " + count);
    }

    private void confirm() {
        List<String> names = selected.get();
        if (names.isEmpty()) {
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("bulk-pin-dialog");
        dialog.setHeader(names.size() == 1 ? "Pin " + names.getFirst() + " to its digest?"
                : "Pin " + names.size() + " extensions to their digests?");
        dialog.setText(new Div(new Paragraph("Each oci:// tag url is resolved now and becomes tag@sha256:…, so"
                + " proxies run exactly that module whatever the tag names later. Each is an edit of its own in the"
                + " history."), new Paragraph("Urls already pinned, http(s) and file:// urls, and tags that cannot"
                + " be resolved are left as they are.")));
        dialog.setCancelable(true);
        dialog.setConfirmText(names.size() == 1 ? "Pin" : "Pin " + names.size());
        dialog.addConfirmListener(e -> pin(names));
        dialog.open();
    }

    private void pin(List<String> names) {
        UI ui = UI.getCurrent();
        Button button = getContent();
        button.setEnabled(false);
        button.setText("Pinning " + names.size() + "…");
        ui.setPollInterval(500);
        modules.pinAllInBackground(organization, names).whenComplete((results, error) -> {
            try {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    if (error != null) {
                        Notify.error("The pins did not finish; the catalogue shows what was pinned.");
                    } else {
                        List<ModuleService.PinResult> failed = results.stream().filter(r -> r.problem() != null)
                                .toList();
                        int pinned = results.size() - failed.size();
                        if (failed.isEmpty()) {
                            Notify.success(pinned == 1 ? "Pinned " + results.getFirst().name() + "."
                                    : "Pinned " + pinned + " extensions.");
                        } else {
                            Notify.error("Pinned " + pinned + " of " + results.size() + ". Not pinned: "
                                    + String.join("; ", failed.stream().map(r -> r.name() + " (" + r.problem() + ")")
                                    .toList()));
                        }
                    }
                    done.run();
                });
            } catch (UIDetachedException gone) {
                // the user left the catalogue; the pins are saved
            }
        });
    }
}
