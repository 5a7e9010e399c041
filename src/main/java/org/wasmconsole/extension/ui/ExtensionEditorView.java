package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionUsage;
import org.wasmconsole.extension.ModuleCheckParts;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.Notify;

/**
 * Creates ({@code extensions/new}) or edits ({@code extensions/<name>/edit}) an extension, with
 * the form or as YAML, beside a live preview of the exact document that will be saved. Every
 * check is the service's; a stale etag is offered as "reload or overwrite".
 */
@Route("extensions/new")
@RouteAlias("extensions/:name/edit")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/where-used.css")
public class ExtensionEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Below this window width the preview goes under the editor. */
    private static final int PHONE_WIDTH = 800;

    private final ExtensionService service;
    private final ExtensionUsage usage;
    private final String organization;
    private final List<TenantInfo> tenants;
    private final ExtensionForm form;
    private final ExtensionYamlPane yamlPane;
    private final EditorPreview preview = new EditorPreview();
    private final H2 title = new H2();
    private final Tab formTab = new Tab("Form");
    private final Tab yamlTab = new Tab("Edit as YAML");
    private final Tabs mode = new Tabs(formTab, yamlTab);
    private final Div editorArea = new Div();
    private final Button save = new Button("Save");
    private final Button review = new Button("Review changes");
    private StoredExtension original;
    /** True while the tab is set back to YAML by the view itself, which must not restart the editor. */
    private boolean stayingInYaml;

    public ExtensionEditorView(ExtensionService service, ExtensionUsage usage, TenantService tenantService,
                               ModuleCheckParts moduleCheck, ConsoleOrganization organization) {
        this.service = service;
        this.usage = usage;
        this.organization = organization.name();
        this.tenants = tenantService.list(this.organization);
        this.form = new ExtensionForm(this.organization, tenants);
        form.addBelowUrl(moduleCheck.urlCheck(() -> form.currentDefinition().url()));
        this.yamlPane = new ExtensionYamlPane(this.organization, service::check);
        addClassName("extension-editor-view");
        setSizeFull();

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button("Cancel", e -> cancel());
        mode.getElement().setAttribute("aria-label", "Edit with the form or as YAML");
        mode.addSelectedChangeListener(e -> switchMode(e.getPreviousTab()));
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        review.addClickListener(e -> reviewChanges());
        review.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(title, spacer, mode, cancel, review, save);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassName("view-header");


        editorArea.addClassName("editor-area");
        editorArea.add(form);
        SplitLayout split = new SplitLayout(editorArea, preview);
        split.setSplitterPosition(58);
        split.setSizeFull();
        add(header, split);
        // A phone: the preview goes under the form instead of squeezing both into half the width.
        addAttachListener(e -> {
            var page = e.getUI().getPage();
            page.retrieveExtendedClientDetails(d -> stack(split, d.getWindowInnerWidth()));
            var resize = page.addBrowserWindowResizeListener(r -> stack(split, r.getWidth()));
            addDetachListener(d -> {
                resize.remove();
                d.unregisterListener();
            });
        });

        form.addChangeListener(e -> formChanged());
        yamlPane.addChangeListener(() -> {
            Optional<ExtensionDefinition> current = yamlPane.current();
            preview.show(current.orElse(null), current.isEmpty() ? List.of("the YAML document") : List.of(),
                    yamlPane.isSaveable());
            enableSave(yamlPane.isSaveable(), current.orElse(null));
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> name = event.getRouteParameters().get("name");
        original = null;
        if (name.isPresent()) {
            Optional<StoredExtension> found = service.find(organization, name.get());
            if (found.isEmpty()) {
                Notify.error("Extension " + name.get() + " was not found");
                event.forwardTo(ExtensionListView.class);
                return;
            }
            original = found.get();
        }
        title.setText(original == null ? "Create extension" : "Edit " + original.definition().name());
        review.setVisible(original != null);
        ExtensionDefinition start = original != null ? original.definition()
                : ExtensionDefinition.builder().organization(organization).name("").url("").build();
        form.setConfigSchema(original == null ? null : original.configSchema());
        form.read(ExtensionFormBean.of(start, tenants), original != null);
        mode.setSelectedTab(formTab);
        formChanged();
    }

    @Override
    public String getPageTitle() {
        return (original == null ? "Create extension" : "Edit " + original.definition().name())
                + " · Wasm Extension Console";
    }

    private void formChanged() {
        ExtensionDefinition current = form.currentDefinition();
        form.showViolations(service.check(current));
        preview.show(current, form.unreadableFields(), form.isSaveable());
        enableSave(form.isSaveable(), current);
    }

    private static void stack(SplitLayout split, int windowWidth) {
        split.setOrientation(windowWidth < PHONE_WIDTH ? SplitLayout.Orientation.VERTICAL
                : SplitLayout.Orientation.HORIZONTAL);
        split.setSplitterPosition(windowWidth < PHONE_WIDTH ? 65 : 58);
    }

    /** Save needs a valid document and, when editing, a change: a save that changes nothing is no version. */
    private void enableSave(boolean saveable, ExtensionDefinition current) {
        boolean unchanged = original != null && original.definition().sameContentAs(current);
        save.setEnabled(saveable && !unchanged);
        save.setTooltipText(unchanged ? "Nothing changed yet" : null);
        review.setEnabled(saveable && !unchanged);
    }

    /** The stored document against the edited one, side by side, before saving (edits only). */
    private void reviewChanges() {
        boolean yaml = mode.getSelectedTab() == yamlTab;
        ExtensionDefinition mine = yaml ? yamlPane.current().orElse(null) : form.currentDefinition();
        if (original == null || mine == null) {
            return;
        }
        ChangeReview.review(original.definition(), mine, this::save).open();
    }

    private void switchMode(Tab previous) {
        if (stayingInYaml) {
            return;
        }
        if (mode.getSelectedTab() == yamlTab) {
            yamlPane.start(form.currentDefinition(), original);
            editorArea.removeAll();
            editorArea.add(yamlPane);
        } else if (previous == yamlTab) {
            Optional<ExtensionDefinition> parsed = yamlPane.current();
            if (parsed.isEmpty()) {
                // Never discard what was typed: stay in the editor, whose problems are marked.
                Notify.info("The form can only show a document it can read: fix the problems marked in"
                        + " the YAML first");
                stayingInYaml = true;
                try {
                    mode.setSelectedTab(yamlTab);
                } finally {
                    stayingInYaml = false;
                }
                return;
            }
            boolean broken = !yamlPane.isSaveable();
            form.read(ExtensionFormBean.of(parsed.get(), tenants), original != null);
            editorArea.removeAll();
            editorArea.add(form);
            formChanged();
            if (broken) {
                form.showAllErrors();
            }
        }
    }

    private void save() {
        boolean yaml = mode.getSelectedTab() == yamlTab;
        if (yaml ? !yamlPane.isSaveable() : !form.isSaveable()) {
            if (!yaml) {
                form.showAllErrors();
            }
            Notify.error("Fix the marked fields first");
            return;
        }
        ExtensionDefinition definition = yaml ? yamlPane.current().orElseThrow() : form.currentDefinition();
        write(definition, original == null ? null : original.etag());
    }

    /**
     * Saves; an update whose {@code allowedIn} would leave attachments in tenants it no longer allows
     * first shows them and asks: detach them as it saves, or go back to the form with nothing saved.
     */
    private void write(ExtensionDefinition definition, String etag) {
        if (original != null && !original.definition().allowedIn().equals(definition.allowedIn())) {
            List<ExtensionUsage.Place> invalidated;
            try {
                invalidated = usage.invalidatedBy(original.fqn(), definition.allowedIn());
            } catch (NotFoundException e) {
                invalidated = List.of();
            }
            if (!invalidated.isEmpty()) {
                confirmDetach(definition, etag, invalidated);
                return;
            }
        }
        write(definition, etag, InUse.REFUSE);
    }

    private void confirmDetach(ExtensionDefinition definition, String etag, List<ExtensionUsage.Place> invalidated) {
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
        dialog.addConfirmListener(e -> write(definition, etag, InUse.DETACH));
        dialog.open();
    }

    private void write(ExtensionDefinition definition, String etag, InUse inUse) {
        try {
            StoredExtension saved = original == null ? service.create(definition)
                    : service.update(definition, etag, inUse);
            Notify.success("Saved " + saved.definition().name());
            UI.getCurrent().navigate("extensions/" + saved.definition().name());
        } catch (ValidationException e) {
            showRefused(e.violations());
        } catch (ExtensionInUseException e) {
            // Attached in a left-out tenant by someone else since the question: nothing was saved.
            Notify.error("Nothing was saved: " + e.getMessage() + ".");
        } catch (ConflictException e) {
            if ("metadata.name".equals(e.path())) {
                showRefused(List.of(new Violation(e.path(), e.getMessage())));
            } else {
                offerReloadOrOverwrite(definition);
            }
        } catch (NotFoundException e) {
            Notify.error(e.getMessage() + ": it was deleted by someone else. Create it again to keep your"
                    + " changes.");
        }
    }

    private void showRefused(List<Violation> violations) {
        if (mode.getSelectedTab() == yamlTab) {
            yamlPane.showViolations(violations);
        } else {
            form.showViolations(violations);
            form.showAllErrors();
        }
        save.setEnabled(false);
    }

    private void offerReloadOrOverwrite(ExtensionDefinition mine) {
        StoredExtension theirs = service.find(organization, mine.name()).orElse(null);
        if (theirs == null) {
            Notify.error(mine.name() + " was deleted by someone else. Create it again to keep your changes.");
            return;
        }
        ChangeReview.conflict(original.definition(), theirs.definition(), theirs.updatedBy(),
                () -> UI.getCurrent().getPage().reload(), () -> {
                    original = theirs;
                    write(mine, theirs.etag());
                }).open();
    }

    private void cancel() {
        ExtensionDefinition current = mode.getSelectedTab() == yamlTab
                ? yamlPane.current().orElse(null) : form.currentDefinition();
        boolean unchanged = original != null ? original.definition().equals(current)
                : current != null && current.name().isEmpty() && current.url().isEmpty();
        String back = original == null ? "" : "extensions/" + original.definition().name();
        if (unchanged) {
            UI.getCurrent().navigate(back);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog("Discard your changes?",
                "What you changed here has not been saved.", "Discard", e -> UI.getCurrent().navigate(back));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText("Keep editing");
        dialog.open();
    }
}
