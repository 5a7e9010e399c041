package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TenantTopology;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.TenantAssignment;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.ExtensionNameList;
import org.wasmconsole.base.ui.Notify;

/** The organization's tenants: create, rename (display name) and delete, with what a delete affects. */
@Route("tenants")
@PageTitle("Tenants · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/tenants.css")
public class TenantListView extends VerticalLayout {

    /** How many affected extensions a delete dialog names before "and N more". */
    static final int DIALOG_LIST_LIMIT = 20;

    /** One row: the tenant and how many extensions name it in allowedIn. */
    record TenantRow(TenantInfo tenant, long assigned) {
    }

    private final TenantService tenants;
    private final TenantAssignmentService assignments;
    private final TopologyService topology;
    private final String organization;
    private final Grid<TenantRow> grid = new Grid<>(TenantRow.class, false);
    private final Span count = new Span();

    public TenantListView(TenantService tenants, TenantAssignmentService assignments, TopologyService topology,
                          ConsoleOrganization organization) {
        this.tenants = tenants;
        this.assignments = assignments;
        this.topology = topology;
        this.organization = organization.name();
        addClassName("tenant-list-view");
        setSizeFull();

        Button create = new Button("Create tenant", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        HorizontalLayout header = new HorizontalLayout(new H2("Tenants"), count, spacer, create);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("view-header");

        grid.addClassName("tenant-grid");
        grid.setAriaLabel("Tenants");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(TenantListView::nameCell))
                .setHeader("Name").setKey("name").setWidth("12rem").setFlexGrow(1);
        grid.addColumn(r -> r.tenant().displayName() == null ? "" : r.tenant().displayName())
                .setHeader("Display name").setKey("displayName").setWidth("14rem").setFlexGrow(2);
        grid.addColumn(TenantRow::assigned).setHeader("Assigned extensions").setKey("assigned")
                .setTextAlign(ColumnTextAlign.END).setWidth("11rem").setFlexGrow(0)
                .setTooltipGenerator(r -> "Extensions whose allowed tenants name " + r.tenant().name()
                        + "; those available to all tenants are not counted");
        grid.addComponentColumn(this::actions).setHeader("Actions").setKey("actions").setWidth("20rem")
                .setFlexGrow(0);
        add(header, grid);
        refresh();
    }

    private static Component nameCell(TenantRow row) {
        Anchor link = new Anchor("tenants/" + row.tenant().name(), row.tenant().name());
        link.getElement().setAttribute("router-link", true);
        link.addClassName("tenant-name");
        return link;
    }

    private Component actions(TenantRow row) {
        String name = row.tenant().name();
        Button open = new Button("Extensions", e -> getUI().ifPresent(ui -> ui.navigate("tenants/" + name)));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setAriaLabel("Extensions of " + name);
        Button rename = new Button("Rename", VaadinIcon.EDIT.create(), e -> openRename(row.tenant()));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        rename.setAriaLabel("Rename " + name);
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> confirmDelete(row.tenant()));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + name);
        HorizontalLayout actions = new HorizontalLayout(open, rename, delete);
        actions.setSpacing(false);
        actions.addClassName("tenant-actions");
        return actions;
    }

    void refresh() {
        Map<Long, Long> assigned = assignments.assignedCounts(organization);
        List<TenantRow> rows = tenants.list(organization).stream()
                .map(t -> new TenantRow(t, assigned.getOrDefault(t.id(), 0L)))
                .toList();
        grid.setItems(rows);
        count.setText(rows.size() == 1 ? "1 tenant" : rows.size() + " tenants");
    }

    private ExtensionFilter filter(TenantInfo tenant) {
        return new ExtensionFilter(organization, null, null, null, tenant.fqn());
    }

    // --- create -----------------------------------------------------------------------------------------

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.addClassName("tenant-dialog");
        dialog.setHeaderTitle("Create tenant");
        TextField name = new TextField("Name");
        name.setHelperText("Lowercase letters, digits and '-'; cannot be changed later");
        name.setRequired(true);
        name.setMaxLength(Names.MAX_LABEL_LENGTH);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> showError(name, e.getValue().isEmpty() ? java.util.Optional.empty()
                : Names.checkDnsLabel(e.getValue())));
        TextField displayName = displayNameField(null);
        name.addClassName("tenant-dialog-field");
        VerticalLayout fields = new VerticalLayout(name, displayName);
        fields.setPadding(false);
        fields.setSpacing(false);
        dialog.add(fields);
        Button create = new Button("Create", e -> {
            try {
                TenantInfo created = tenants.create(organization, name.getValue(), blankToNull(displayName.getValue()));
                dialog.close();
                refresh();
                Notify.success("Created tenant " + created.name());
            } catch (ValidationException ex) {
                showViolations(ex.violations(), name, displayName);
            } catch (ConflictException ex) {
                showViolations(List.of(new Violation(ex.path(), ex.getMessage())), name, displayName);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
        name.focus();
    }

    // --- rename -----------------------------------------------------------------------------------------

    private void openRename(TenantInfo tenant) {
        Dialog dialog = new Dialog();
        dialog.addClassName("tenant-dialog");
        dialog.setHeaderTitle("Rename " + tenant.name());
        TextField displayName = displayNameField(tenant.displayName());
        Paragraph note = new Paragraph("The name " + tenant.name() + " stays as it is: it identifies the tenant in "
                + "every extension's allowed tenants. Only the display name changes.");
        note.addClassName("tenant-dialog-note");
        dialog.add(note, displayName);
        Button save = new Button("Save", e -> {
            try {
                tenants.rename(organization, tenant.name(), displayName.getValue());
                dialog.close();
                refresh();
                Notify.success("Renamed " + tenant.name());
            } catch (ValidationException ex) {
                showViolations(ex.violations(), null, displayName);
            } catch (NotFoundException ex) {
                dialog.close();
                Notify.error(ex.getMessage() + " (deleted by someone else?)");
                refresh();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        displayName.focus();
    }

    private static TextField displayNameField(String value) {
        TextField displayName = new TextField("Display name");
        displayName.setHelperText("Optional; one line, at most " + Names.MAX_DISPLAY_NAME_LENGTH + " characters");
        displayName.setValueChangeMode(ValueChangeMode.EAGER);
        displayName.setValue(value == null ? "" : value);
        displayName.addClassName("tenant-dialog-field");
        displayName.addValueChangeListener(e -> showError(displayName, Names.checkDisplayName(e.getValue())));
        return displayName;
    }

    // --- delete -----------------------------------------------------------------------------------------

    private void confirmDelete(TenantInfo tenant) {
        ExtensionFilter filter = filter(tenant);
        long onlyCount = assignments.countForTenant(filter, TenantAssignment.ONLY_THIS_TENANT);
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("tenant-delete-dialog");
        if (onlyCount > 0) {
            List<String> only = names(assignments.listForTenant(filter, TenantAssignment.ONLY_THIS_TENANT,
                    PageRequest.of(0, DIALOG_LIST_LIMIT)));
            dialog.setHeader("Cannot delete " + tenant.name());
            dialog.setText(new Div(
                    new Paragraph(tenant.name() + " is the only allowed tenant of "
                            + (onlyCount == 1 ? "this extension:" : "these " + onlyCount + " extensions:")),
                    new ExtensionNameList(only, onlyCount),
                    new Paragraph("Without it their allowed tenants would be empty, which makes an extension "
                            + "available to ALL tenants. Assign them to another tenant, or delete them, first.")));
            dialog.setConfirmText("OK");
            dialog.open();
            return;
        }
        long assigned = assignments.countForTenant(filter, TenantAssignment.ASSIGNED);
        Div body = new Div();
        if (assigned == 0) {
            body.add(new Paragraph("No extension names " + tenant.name() + " in its allowed tenants."));
        } else {
            List<String> affected = names(assignments.listForTenant(filter, TenantAssignment.ASSIGNED,
                    PageRequest.of(0, DIALOG_LIST_LIMIT)));
            body.add(new Paragraph(tenant.name() + " will be removed from the allowed tenants of "
                    + (assigned == 1 ? "this extension, which stays available to its other tenants:"
                    : "these " + assigned + " extensions, which stay available to their other tenants:")),
                    new ExtensionNameList(affected, assigned));
        }
        Paragraph contents = new Paragraph(contents(topology.topology(tenant.fqn())));
        contents.addClassName("tenant-delete-contents");
        body.add(contents);
        body.add(new Paragraph("Operators of " + tenant.name() + " lose access to it. This cannot be undone."));
        dialog.setHeader("Delete tenant " + tenant.name() + "?");
        dialog.setText(body);
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete tenant");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete(tenant));
        dialog.open();
    }

    private void delete(TenantInfo tenant) {
        try {
            tenants.delete(organization, tenant.name());
            Notify.success("Deleted tenant " + tenant.name());
        } catch (ConflictException | NotFoundException e) {
            Notify.error("Nothing was deleted: " + e.getMessage());
        }
        refresh();
    }

    /**
     * What goes with the tenant: "Its 2 workspaces, 5 gateways, 1 security setting and 7 attachments are
     * deleted too." (only the kinds it has), or that it has none.
     */
    static String contents(TenantTopology topology) {
        int workspaces = topology.workspaces().size();
        if (workspaces == 0) {
            return "It has no workspaces, so no gateway or attachment goes with it.";
        }
        List<StoredTarget> targets = topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).toList();
        if (targets.isEmpty()) {
            return "Its " + count(workspaces, "workspace is", "workspaces are") + " deleted with it (no gateways"
                    + " or security settings in " + (workspaces == 1 ? "it" : "them") + ").";
        }
        long gateways = targets.stream().filter(t -> t.ref().kind().isGateway()).count();
        long settings = targets.size() - gateways;
        List<String> parts = new java.util.ArrayList<>();
        parts.add(count(workspaces, "workspace", "workspaces"));
        if (gateways > 0) {
            parts.add(count(gateways, "gateway", "gateways"));
        }
        if (settings > 0) {
            parts.add(count(settings, "security setting", "security settings"));
        }
        int attachments = topology.attachmentCount();
        parts.add(attachments == 0 ? "no attachments" : count(attachments, "attachment", "attachments"));
        return "Its " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast()
                + " are deleted with it.";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static List<String> names(List<ExtensionSummary> summaries) {
        return summaries.stream().map(ExtensionSummary::name).toList();
    }

    private static void showError(TextField field, java.util.Optional<String> message) {
        field.setInvalid(message.isPresent());
        field.setErrorMessage(message.map(m -> fieldMessage(field, m)).orElse(null));
    }

    private static void showViolations(List<Violation> violations, TextField name, TextField displayName) {
        for (Violation v : violations) {
            TextField field = v.path().equals("metadata.displayName") ? displayName : name;
            if (field != null) {
                field.setInvalid(true);
                field.setErrorMessage(fieldMessage(field, v.message()));
            } else {
                Notify.error(v.message());
            }
        }
    }

    /** The service's messages read "is …" or "must …" after the field's label; others are whole sentences. */
    static String fieldMessage(TextField field, String message) {
        if (message.startsWith("is ") || message.startsWith("must ")) {
            return field.getLabel() + " " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }


}
