package org.wasmconsole.artifact.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.wasmconsole.artifact.ModuleReport;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.artifact.Problem;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.extension.StoredExtension;

/**
 * The Module tab of an extension: what the console last found behind its url (status, problems,
 * digest, ABI, exports, size, drift), "Check now" with progress (the check runs in the background and
 * the page polls for its answer), and for admins "Pin to digest" and "Accept new digest".
 */
@StyleSheet("context://themes/console/module.css")
public class ModulePanel extends Composite<Div> {

    private final ModuleService modules;
    private final StoredExtension extension;
    private final boolean admin;
    private final Consumer<StoredExtension> onPinned;
    private final String organization;
    private final String name;
    private final Div body = new Div();
    private final Button check = new Button("Check now", VaadinIcon.REFRESH.create());
    private final Div progress = new Div();

    /** @param onPinned called with the extension as saved after a pin (the page shows the new version) */
    public ModulePanel(ModuleService modules, StoredExtension extension, boolean admin,
                       Consumer<StoredExtension> onPinned) {
        this.modules = modules;
        this.extension = extension;
        this.admin = admin;
        this.onPinned = onPinned;
        this.organization = extension.definition().organization();
        this.name = extension.definition().name();
        getContent().addClassName("module-panel");
        check.addClassName("module-check-button");
        check.addClickListener(e -> checkNow());
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", "Checking the module");
        progress.addClassName("module-progress");
        progress.add(new Span("Fetching and inspecting the module (at most "
                + modules.checkTimeout().toSeconds() + " s)…"), bar);
        progress.setVisible(false);
        getContent().add(body);
        show(modules.report(organization, name));
    }

    private void show(ModuleReport report) {
        body.removeAll();
        Div head = new Div(ModuleStatusBadge.of(report));
        head.addClassName("module-head");
        if (report.tagMoved()) {
            head.add(ModuleStatusBadge.moved(report));
        }
        Div actions = new Div();
        actions.addClassName("module-actions");
        if (!report.url().startsWith("file://")) {
            actions.add(check);
        }
        if (admin && report.tagMoved()) {
            Button accept = new Button("Accept new digest", e -> accept());
            accept.addClassName("module-accept-button");
            actions.add(accept);
        }
        if (admin && report.pinnable()) {
            Button pin = new Button("Pin to digest", VaadinIcon.PIN.create(), e -> confirmPin(report));
            pin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            pin.addClassName("module-pin-button");
            actions.add(pin);
        }
        head.add(actions);
        body.add(head, progress, new Paragraph(ModuleStatusBadge.explanation(report)));
        if (!report.problems().isEmpty()) {
            body.add(problems(report));
        }
        if (report.checkedAt() != null) {
            Div cards = new Div(ModuleFacts.artifact(report), ModuleFacts.module(report));
            cards.addClassName("details-overview");
            body.add(cards);
        }
    }

    private static UnorderedList problems(ModuleReport report) {
        UnorderedList list = new UnorderedList();
        list.addClassName("module-problems");
        list.getElement().setAttribute("aria-label", "Problems");
        for (Problem p : report.problems()) {
            ListItem item = new ListItem(p.severity() == Problem.Severity.ERROR
                    ? VaadinIcon.CLOSE_CIRCLE.create() : VaadinIcon.WARNING.create(), new Span(p.message()));
            item.addClassName(p.severity() == Problem.Severity.ERROR ? "problem-error" : "problem-warning");
            list.add(item);
        }
        return list;
    }

    private void checkNow() {
        UI ui = UI.getCurrent();
        try {
            var running = modules.checkInBackground(organization, name);
            check.setEnabled(false);
            progress.setVisible(true);
            ui.setPollInterval(500);
            running.whenComplete((report, error) -> {
                try {
                    ui.access(() -> {
                        ui.setPollInterval(-1);
                        check.setEnabled(true);
                        progress.setVisible(false);
                        if (error != null) {
                            Notify.error("The check did not finish: " + rootMessage(error));
                        } else {
                            show(report);
                        }
                    });
                } catch (UIDetachedException gone) {
                    // the user left the page; the result is stored and shows next time
                }
            });
        } catch (NotFoundException e) {
            Notify.error(name + " no longer exists, or you may no longer see it.");
        }
    }

    private void confirmPin(ModuleReport report) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("module-pin-dialog");
        dialog.setHeader("Pin " + name + " to its digest?");
        Div text = new Div();
        if (report.digest() == null) {
            text.add(new Paragraph("The console checks the url first, then pins it to the digest it finds."));
        } else {
            Paragraph url = new Paragraph(report.url() + "@" + report.digest());
            url.addClassName("module-pin-url");
            text.add(new Paragraph("The url becomes"), url);
        }
        text.add(new Paragraph("Proxies then run exactly this module, whatever the tag names later. The change is"
                + " recorded in the history like any edit."));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText("Pin");
        dialog.addConfirmListener(e -> pin());
        dialog.open();
    }

    private void pin() {
        try {
            StoredExtension pinned = modules.pin(organization, name, extension.etag());
            Notify.success("Pinned " + name + " to its digest.");
            onPinned.accept(pinned);
        } catch (ConflictException e) {
            Notify.error("Not pinned: " + name + " was changed by someone else since you opened it; reload the page.");
        } catch (ValidationException e) {
            Notify.error("Not pinned: " + e.getMessage());
        } catch (NotFoundException e) {
            Notify.error(name + " no longer exists.");
        } catch (AccessDeniedException e) {
            Notify.error("Only platform admins can pin extensions.");
        }
    }

    private void accept() {
        try {
            show(modules.acceptDigest(organization, name));
            Notify.success("The new digest is now the one later checks compare with.");
        } catch (NotFoundException | AccessDeniedException e) {
            Notify.error("Not accepted: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
