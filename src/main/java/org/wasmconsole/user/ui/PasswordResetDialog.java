package org.wasmconsole.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.user.UserService;
import org.wasmconsole.base.ui.Notify;

/** Sets a new password for a user; tell them the new one by a channel of your own. */
class PasswordResetDialog extends Dialog {

    private final UserService users;
    private final String username;
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField confirm = new PasswordField("Confirm new password");

    PasswordResetDialog(UserService users, String username) {
        this.users = users;
        this.username = username;
        addClassName("user-dialog");
        setHeaderTitle("Reset password of " + username);
        setWidth("28rem");
        password.setHelperText(UserDialog.PASSWORD_HELP);
        password.setRequired(true);
        confirm.setRequired(true);
        FormLayout form = new FormLayout(password, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Paragraph note = new Paragraph("The old password stops working at once. Tell " + username
                + " the new one yourself; the console sends no mail.");
        note.addClassName("dialog-note");
        add(note, form);
        Button save = new Button("Reset password", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save() {
        password.setInvalid(false);
        confirm.setInvalid(false);
        if (!password.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage("Does not match the new password; type it again");
            confirm.setInvalid(true);
            return;
        }
        try {
            users.resetPassword(username, password.getValue());
            Notify.success("Password of " + username + " reset");
            close();
        } catch (ValidationException e) {
            password.setErrorMessage(e.violations().stream().map(Violation::message)
                    .map(FormErrors::capitalize).reduce((a, b) -> a + "; " + b).orElse(""));
            password.setInvalid(true);
        } catch (NotFoundException e) {
            Notify.error("Not found: " + e.getMessage());
            close();
        }
    }
}
