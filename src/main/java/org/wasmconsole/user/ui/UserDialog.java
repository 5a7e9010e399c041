package org.wasmconsole.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
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
    private final RoleAndTenants access;
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirm = new PasswordField("Confirm password");
    private final FormErrors errors;

    UserDialog(UserService users, List<TenantInfo> allTenants, UserInfo existing, Runnable saved) {
        this.users = users;
        this.existing = existing;
        this.saved = saved;
        this.access = new RoleAndTenants(allTenants, "The tenants whose extensions this operator may see");
        this.errors = new FormErrors(Map.of("name", name, "password", password, "tenants", access.tenants,
                "role", access.role, "confirm", confirm));
        addClassName("user-dialog");
        setHeaderTitle(existing == null ? "Add user" : "Edit " + existing.name());
        setWidth("32rem");

        name.setRequired(true);
        name.setHelperText("Lower-case letters, digits and '-'");
        password.setHelperText(PASSWORD_HELP);
        password.setRequired(true);
        confirm.setRequired(true);

        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
            name.setHelperText(null);
            access.show(existing.role(), existing.tenantIds(), allTenants);
            password.setVisible(false);
            confirm.setVisible(false);
        }

        FormLayout form = new FormLayout(name, access.role, access.tenants, password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors.line(), form);

        Button save = new Button(existing == null ? "Add user" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        errors.clear();
        Set<Long> tenantIds = access.tenantIds();
        boolean done = errors.saved(() -> {
            if (existing == null) {
                // Every problem at once: the service's rules and the confirmation together.
                List<Violation> problems = new java.util.ArrayList<>(users.checkNew(name.getValue().trim(),
                        password.getValue(), access.role.getValue(), tenantIds));
                if (!password.getValue().equals(confirm.getValue())) {
                    problems.add(new Violation("confirm", "does not match the password; type it again"));
                }
                if (!problems.isEmpty()) {
                    throw new ValidationException(problems);
                }
                users.create(name.getValue().trim(), password.getValue(), access.role.getValue(), tenantIds);
                Notify.success("Added " + name.getValue().trim());
            } else {
                users.changeRole(existing.name(), access.role.getValue(), tenantIds);
                Notify.success("Saved " + existing.name());
            }
        }, "");
        if (done) {
            close();
            saved.run();
        }
    }
}
