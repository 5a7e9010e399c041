package org.wasmconsole.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.user.GroupMappingInfo;
import org.wasmconsole.user.GroupMappingService;

/** Adds a group mapping rule ({@code existing == null}) or changes one; the rules are the service's. */
class GroupMappingDialog extends Dialog {

    private final GroupMappingService mappings;
    private final GroupMappingInfo existing;
    private final Runnable saved;
    private final TextField group = new TextField("Group");
    private final Select<Role> role = new Select<>();
    private final MultiSelectComboBox<TenantInfo> tenants = new MultiSelectComboBox<>("Tenants");
    private final Div formError = new Div();

    GroupMappingDialog(GroupMappingService mappings, List<TenantInfo> allTenants, GroupMappingInfo existing,
                       Runnable saved) {
        this.mappings = mappings;
        this.existing = existing;
        this.saved = saved;
        setHeaderTitle(existing == null ? "Add group mapping" : "Edit the rule of " + existing.group());
        setWidth("32rem");
        setMaxWidth("100%");

        group.setRequired(true);
        group.setHelperText("Exactly as the provider sends it in the groups claim (case matters), e.g. mesh-admins");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(r -> r == Role.PLATFORM_ADMIN ? "Platform admin" : "Tenant operator");
        role.setValue(Role.TENANT_OPERATOR);
        tenants.setItems(allTenants);
        tenants.setItemLabelGenerator(TenantInfo::labelWithName);
        tenants.setHelperText("The tenants that members of this group operate");
        tenants.setRequired(true);
        if (existing != null) {
            group.setValue(existing.group());
            role.setValue(existing.role());
            tenants.setValue(allTenants.stream().filter(t -> existing.tenantIds().contains(t.id()))
                    .collect(Collectors.toSet()));
        }
        tenants.setVisible(role.getValue() == Role.TENANT_OPERATOR);
        role.addValueChangeListener(e -> tenants.setVisible(e.getValue() == Role.TENANT_OPERATOR));

        FormLayout form = new FormLayout(group, role, tenants);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(formError, form);

        Button save = new Button(existing == null ? "Add rule" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save() {
        for (HasValidation f : List.<HasValidation>of(group, role, tenants)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        formError.setVisible(false);
        Set<Long> tenantIds = role.getValue() == Role.TENANT_OPERATOR
                ? tenants.getValue().stream().map(TenantInfo::id).collect(Collectors.toSet()) : Set.of();
        try {
            if (existing == null) {
                mappings.create(group.getValue(), role.getValue(), tenantIds);
            } else {
                mappings.update(existing.id(), group.getValue(), role.getValue(), tenantIds);
            }
            Notify.success("Saved the rule of " + group.getValue().strip());
            close();
            saved.run();
        } catch (ValidationException e) {
            show(e.violations());
        } catch (ConflictException e) {
            show(List.of(new Violation(e.path(), e.getMessage())));
        } catch (NotFoundException e) {
            formError.setText("Not found: " + e.getMessage() + " (deleted meanwhile?)");
            formError.setVisible(true);
        }
    }

    private void show(List<Violation> violations) {
        Map<String, HasValidation> fields = Map.of("group", group, "role", role, "tenants", tenants);
        StringBuilder other = new StringBuilder();
        for (Violation v : violations) {
            String message = Character.toUpperCase(v.message().charAt(0)) + v.message().substring(1);
            HasValidation field = fields.get(v.path());
            if (field != null && ((com.vaadin.flow.component.Component) field).isVisible()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                other.append(other.isEmpty() ? "" : "; ").append(message);
            }
        }
        formError.setText(other.toString());
        formError.setVisible(!other.isEmpty());
    }
}
