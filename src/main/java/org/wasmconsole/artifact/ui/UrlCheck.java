package org.wasmconsole.artifact.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.function.Supplier;
import org.wasmconsole.artifact.ModuleReport;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.artifact.Problem;
import org.wasmconsole.base.ui.FieldValues;

/**
 * "Check module" under the url field of the editor: fetches and inspects what the typed url names,
 * before anything is saved, with progress and the check's time limit; shows the status, digest and
 * ABI, or the first reason it would not load. Nothing is remembered.
 */
@StyleSheet("context://themes/console/module.css")
public class UrlCheck extends Composite<Div> {

    private final ModuleService modules;
    private final Supplier<String> url;
    private final Button check = new Button("Check module", VaadinIcon.SEARCH.create());
    private final Div result = new Div();
    private final ProgressBar bar = new ProgressBar();

    /** @param url the url as currently typed */
    public UrlCheck(ModuleService modules, Supplier<String> url) {
        this.modules = modules;
        this.url = url;
        getContent().addClassName("url-check");
        check.addThemeVariants(ButtonVariant.LUMO_SMALL);
        check.addClassName("url-check-button");
        check.addClickListener(e -> run());
        bar.setIndeterminate(true);
        bar.setVisible(false);
        bar.getElement().setAttribute("aria-label", "Checking the module");
        result.addClassName("url-check-result");
        result.getElement().setAttribute("aria-live", "polite");
        getContent().add(check, bar, result);
    }

    private void run() {
        String typed = url.get() == null ? "" : url.get().strip();
        result.removeAll();
        if (typed.isEmpty()) {
            result.add(new Span("Type a url first."));
            return;
        }
        UI ui = UI.getCurrent();
        check.setEnabled(false);
        bar.setVisible(true);
        result.add(new Span("Fetching " + typed + " (at most " + modules.checkTimeout().toSeconds() + " s)…"));
        ui.setPollInterval(500);
        modules.inspectInBackground(typed).whenComplete((report, error) -> {
            try {
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    check.setEnabled(true);
                    bar.setVisible(false);
                    result.removeAll();
                    if (error != null) {
                        result.add(new Span("The check did not finish."));
                    } else {
                        show(report);
                    }
                });
            } catch (UIDetachedException gone) {
                // the editor was closed meanwhile
            }
        });
    }

    private void show(ModuleReport r) {
        result.add(ModuleStatusBadge.of(r));
        if (r.digest() != null) {
            Span digest = FieldValues.code(r.digest());
            digest.addClassName("url-check-digest");
            result.add(digest);
        }
        if (r.abiVersion() != null) {
            result.add(FieldValues.text("proxy-wasm " + r.abiVersion()));
        }
        r.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst()
                .or(() -> r.problems().stream().findFirst())
                .ifPresent(p -> {
                    Span problem = new Span(p.message());
                    problem.addClassName(p.severity() == Problem.Severity.ERROR ? "problem-error" : "problem-warning");
                    result.add(problem);
                });
    }
}
