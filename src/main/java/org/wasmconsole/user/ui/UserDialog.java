package org.wasmconsole.user.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.base.ui.Notify;

/** Adds a user ({@code existing == null}), or changes the role and tenants of one. */
class UserDialog extends Dialog {

    static final String PASSWORD_HELP = "At least " + UserService.MIN_PASSWORD_LENGTH
            + " characters; a passphrase of a few words is easiest to remember";

    private final UserService users;
    private final UserInfo existing;
    private final Runnable saved;
    private final TextField name = new TextField("Name");
    private final Select<Role> role = new Select<>();
    private final MultiSelectComboBox<TenantInfo> tenants = new MultiSelectComboBox<>("Tenants");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirm = new PasswordField("Confirm password");
    private final Div formError = new Div();

    UserDialog(UserService users, List<TenantInfo> allTenants, UserInfo existing, Runnable saved) {
        this.users = users;
        this.existing = existing;
        this.saved = saved;
        addClassName("user-dialog");
        setHeaderTitle(existing == null ? "Add user" : "Edit " + existing.name());
        setWidth("32rem");

        name.setRequired(true);
        name.setHelperText("Lower-case letters, digits and '-'");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UserListView::roleLabel);
        role.setValue(Role.TENANT_OPERATOR);
        tenants.setItems(allTenants);
        tenants.setItemLabelGenerator(TenantInfo::labelWithName);
        tenants.setHelperText("The tenants whose extensions this operator may see");
        tenants.setRequired(true);
        password.setHelperText(PASSWORD_HELP);
        password.setRequired(true);
        confirm.setRequired(true);

        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            name.setHelperText(null);
            role.setValue(existing.role());
            tenants.setValue(allTenants.stream().filter(t -> existing.tenantIds().contains(t.id()))
                    .collect(Collectors.toSet()));
            password.setVisible(false);
            confirm.setVisible(false);
        }
        tenants.setVisible(role.getValue() == Role.TENANT_OPERATOR);
        role.addValueChangeListener(e -> tenants.setVisible(e.getValue() == Role.TENANT_OPERATOR));

        FormLayout form = new FormLayout(name, role, tenants, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(formError, form);

        Button save = new Button(existing == null ? "Add user" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        clearErrors();
        Set<Long> tenantIds = role.getValue() == Role.TENANT_OPERATOR
                ? tenants.getValue().stream().map(TenantInfo::id).collect(Collectors.toSet()) : Set.of();
        try {
            if (existing == null) {
                // Every problem at once: the service's rules and the confirmation together.
                List<Violation> problems = new java.util.ArrayList<>(users.checkNew(name.getValue().trim(),
                        password.getValue(), role.getValue(), tenantIds));
                if (!password.getValue().equals(confirm.getValue())) {
                    problems.add(new Violation("confirm", "does not match the password; type it again"));
                }
                if (!problems.isEmpty()) {
                    showViolations(problems);
                    return;
                }
                users.create(name.getValue().trim(), password.getValue(), role.getValue(), tenantIds);
                Notify.success("Added " + name.getValue().trim());
            } else {
                users.changeRole(existing.name(), role.getValue(), tenantIds);
                Notify.success("Saved " + existing.name());
            }
            close();
            saved.run();
        } catch (ValidationException e) {
            showViolations(e.violations());
        } catch (ConflictException e) {
            showViolations(List.of(new Violation(e.path(), e.getMessage())));
        } catch (NotFoundException e) {
            formError.setText("Not found: " + e.getMessage());
            formError.setVisible(true);
        }
    }

    private void showViolations(List<Violation> violations) {
        Map<String, HasValidation> fields = Map.of("name", name, "password", password, "tenants", tenants,
                "role", role, "confirm", confirm);
        StringBuilder other = new StringBuilder();
        for (Violation v : violations) {
            HasValidation field = fields.get(v.path());
            if (field != null && ((com.vaadin.flow.component.Component) field).isVisible()) {
                show(field, capitalize(v.message()));
            } else {
                other.append(other.isEmpty() ? "" : "; ").append(capitalize(v.message()));
            }
        }
        formError.setText(other.toString());
        formError.setVisible(!other.isEmpty());
    }

    private static void show(HasValidation field, String message) {
        field.setErrorMessage(capitalize(message));
        field.setInvalid(true);
    }

    private void clearErrors() {
        for (HasValidation f : List.<HasValidation>of(name, role, tenants, password, confirm)) {
            f.setInvalid(false);
            f.setErrorMessage(null);
        }
        formError.setVisible(false);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
