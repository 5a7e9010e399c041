package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionUsage;
import org.wasmconsole.extension.ModuleCheckParts;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.Notify;

/**
 * Creates ({@code extensions/new}) or edits ({@code extensions/<name>/edit}) an extension, with
 * the form or as YAML, beside a live preview of the exact document that will be saved. Every
 * check is the service's; saving and the questions it may raise are {@link ExtensionSaving}'s.
 */
@Route("extensions/new")
@RouteAlias("extensions/:name/edit")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/where-used.css")
public class ExtensionEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Below this window width the preview goes under the editor. */
    private static final int PHONE_WIDTH = 800;

    private final ExtensionService service;
    private final ExtensionSaving saving;
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
        this.organization = organization.name();
        this.tenants = tenantService.list(this.organization);
        this.form = new ExtensionForm(this.organization, tenants);
        form.addBelowUrl(moduleCheck.urlCheck(() -> form.currentDefinition().url()));
        this.yamlPane = new ExtensionYamlPane(this.organization, service::check);
        this.saving = new ExtensionSaving(service, usage, this.organization, this::showRefused,
                theirs -> original = theirs);
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
        saving.save(original, definition);
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
