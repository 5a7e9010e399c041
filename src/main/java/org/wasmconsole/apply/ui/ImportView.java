package org.wasmconsole.apply.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.wasmconsole.apply.ApplyReport;
import org.wasmconsole.apply.ApplyService;
import org.wasmconsole.apply.DocumentResult;
import org.wasmconsole.apply.ImportLimits;
import org.wasmconsole.apply.Outcome;
import org.wasmconsole.base.Utf8;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.MainLayout;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.security.Roles;

/**
 * {@code tctl apply -f} in the browser: paste or upload a YAML stream of WasmExtension, Tenant and topology
 * documents, check it (a dry run through the same service as the API), then apply it, all or nothing.
 */
@Route(value = "import", layout = MainLayout.class)
@PageTitle("Import · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/import.css")
public class ImportView extends VerticalLayout {

    private final ApplyService apply;
    private final YamlEditor editor = new YamlEditor();
    private final Span source = new Span();
    private final Button check = new Button("Check", VaadinIcon.CHECK.create());
    private final Button applyButton = new Button("Apply", VaadinIcon.UPLOAD_ALT.create());
    private final ApplyReportPanel report = new ApplyReportPanel();
    /** The text of the last clean dry run: only that text can be applied. */
    private String checkedText;
    private ApplyReport checked;

    public ImportView(ApplyService apply, ImportLimits limits) {
        this.apply = apply;
        addClassName("import-view");
        setWidthFull();

        H2 title = new H2("Import");
        Paragraph intro = new Paragraph("Apply WasmExtension, Tenant, Workspace, Group, gateway and SecuritySetting"
                + " documents like tctl apply -f. Check first: the report shows what each document would create or"
                + " change. Apply saves all of them or none.");
        intro.addClassName("view-intro");

        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            String text;
            try {
                text = Utf8.decode(data);
            } catch (Utf8.MalformedException e) {
                Notify.error(metadata.fileName() + " " + e.getMessage());
                upload.clearFileList();
                return;
            }
            editor.setValue(text);
            source.setText("Loaded " + metadata.fileName() + " (" + data.length + " bytes)");
            upload.clearFileList(); // the file is in the editor now; another one may follow
            check();
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(limits.maxBytes());
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", "application/yaml", "text/yaml", "application/json");
        upload.setDropLabel(new Span("Drop a .yaml file here, or paste the documents below"));
        upload.addFileRejectedListener(e -> Notify.error(e.getErrorMessage() + " (at most " + limits.maxBytes() / 1024
                + " KiB, .yaml, .yml or .json)"));
        upload.addClassName("import-upload");
        source.addClassName("import-source");

        editor.setAriaLabel("Documents to apply (YAML)");
        editor.addClassName("import-editor");
        editor.addValueChangeListener(e -> {
            if (!e.getValue().equals(checkedText)) {
                applyButton.setEnabled(false);
            }
        });

        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> check());
        check.setDisableOnClick(true);
        applyButton.setEnabled(false);
        applyButton.setTooltipText("Check the documents first; only a check without errors can be applied");
        applyButton.addClickListener(e -> confirmApply());
        Button clear = new Button("Clear", e -> {
            editor.setValue("");
            source.setText("");
            editor.clearMarkers();
            report.clear();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(check, applyButton, clear, source);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("import-actions");

        add(title, intro, upload, editor, actions, report);
    }

    private void check() {
        String text = editor.getValue();
        checkedText = null;
        applyButton.setEnabled(false);
        if (text.isBlank()) {
            report.clear();
            Notify.info("Paste or upload the documents to check");
            check.setEnabled(true);
            return;
        }
        try {
            ApplyReport result = apply.apply(text, true);
            show(result);
            if (!result.hasErrors()) {
                checked = result;
                checkedText = text;
                applyButton.setEnabled(!nothingToDo(result));
            }
        } catch (DocumentException e) {
            report.showUnreadable(e.problems());
            editor.setMarkers(e.problems().stream().map(p -> EditorMarker.error(Math.max(1, p.line()), 1,
                    ApplyReportPanel.atPath(p))).toList());
        } finally {
            check.setEnabled(true);
        }
    }

    private void confirmApply() {
        var counts = checked.counts();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Apply " + (counts.get(Outcome.CREATED) + counts.get(Outcome.UPDATED)) + " changes?");
        String text = counts.get(Outcome.CREATED) + " to create, " + counts.get(Outcome.UPDATED) + " to update, "
                + counts.get(Outcome.UNCHANGED) + " unchanged. All of them are saved together, or none if anything "
                + "changed since the check.";
        if (counts.get(Outcome.UPDATED) > 0) {
            // As kubectl/tctl apply of a whole document: what the document leaves out is not kept.
            text += " Each document replaces the whole resource: a field missing from it (a config, an env"
                    + " var, an allowed tenant, an attachment) is removed. The report lists every field that changes.";
        }
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText("Apply");
        dialog.addConfirmListener(e -> applyChecked());
        dialog.open();
    }

    private void applyChecked() {
        applyButton.setEnabled(false);
        try {
            ApplyReport result = apply.apply(checkedText, false);
            show(result);
            if (result.applied()) {
                var counts = result.counts();
                Notify.success("Applied: " + counts.get(Outcome.CREATED) + " created, " + counts.get(Outcome.UPDATED)
                        + " updated");
                checkedText = null;
            } else {
                Notify.error("Nothing was saved: the documents no longer apply cleanly (see the report)");
            }
        } catch (DocumentException e) {
            report.showUnreadable(e.problems());
        }
    }

    private void show(ApplyReport result) {
        report.show(result);
        List<EditorMarker> markers = new ArrayList<>();
        for (DocumentResult d : result.documents()) {
            for (DocumentProblem p : d.problems()) {
                markers.add(EditorMarker.error(Math.max(1, p.line()), 1, ApplyReportPanel.atPath(p)));
            }
            d.warnings().forEach(w -> markers.add(EditorMarker.warning(Math.max(1, d.line()), 1, w)));
        }
        editor.setMarkers(markers);
    }

    private static boolean nothingToDo(ApplyReport result) {
        return result.documents().stream().allMatch(d -> d.outcome() == Outcome.UNCHANGED);
    }
}
