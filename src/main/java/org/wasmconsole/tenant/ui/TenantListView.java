package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ui.DisplayNameField;
import org.wasmconsole.base.ui.ViewHeader;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.AssignedExtensions;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantContents;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.Notify;

/** The organization's tenants: create, rename (display name) and delete, with what a delete affects. */
@Route("tenants")
@PageTitle("Tenants · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/tenants.css")
public class TenantListView extends VerticalLayout {

    /** One row: the tenant and how many extensions name it in allowedIn. */
    record TenantRow(TenantInfo tenant, long assigned) {
    }

    private final TenantService tenants;
    private final AssignedExtensions assignments;
    private final TenantContents contents;
    private final String organization;
    private final Grid<TenantRow> grid = new Grid<>(TenantRow.class, false);
    private final Span count = new Span();

    public TenantListView(TenantService tenants, AssignedExtensions assignments, TenantContents contents,
                          ConsoleOrganization organization) {
        this.tenants = tenants;
        this.assignments = assignments;
        this.contents = contents;
        this.organization = organization.name();
        addClassName("tenant-list-view");
        setSizeFull();

        HorizontalLayout header = ViewHeader.of("Tenants", count, ViewHeader.createButton("Create tenant",
                e -> openCreate()));

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
        Map<Long, Long> assigned = assignments.countsByTenant(organization);
        List<TenantRow> rows = tenants.list(organization).stream()
                .map(t -> new TenantRow(t, assigned.getOrDefault(t.id(), 0L)))
                .toList();
        grid.setItems(rows);
        count.setText(rows.size() == 1 ? "1 tenant" : rows.size() + " tenants");
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
        return DisplayNameField.of(value, "tenant-dialog-field", TenantListView::showError);
    }

    // --- delete -----------------------------------------------------------------------------------------

    private void confirmDelete(TenantInfo tenant) {
        new TenantDeleteDialog(assignments, contents, organization, this::delete).open(tenant);
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

    // --- helpers ------------------------------------------------------------------------------------------


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
