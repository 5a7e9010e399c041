package org.wasmconsole.user.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * The users screen without a browser, signed in as {@code admin}: add an operator of a tenant,
 * reset a password, disable a user; the service's messages at the fields. Creates users with
 * unique names only, and never changes {@code admin}.
 */
@ConsoleTest
@WithUserDetails("admin")
class UserListViewTest extends SpringBrowserlessTest {

    static final String PASSWORD = "view-test-password";

    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    AuthenticationConfiguration authentication;

    @BeforeEach
    void open() {
        navigate(UserListView.class);
    }

    static String unique(String prefix) {
        return "ulv-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String operator() {
        String name = unique("op");
        asSystem(() -> users.create(name, PASSWORD, Role.TENANT_OPERATOR, Set.of(tenantId("payments"))));
        navigate(UserListView.class);
        return name;
    }

    long tenantId(String name) {
        return asSystem(() -> tenants.list("tse")).stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow().id();
    }

    UserInfo info(String name) {
        return asSystem(() -> users.find(name)).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    Grid<UserInfo> grid() {
        return find(Grid.class).withClassName("user-grid").single();
    }

    int row(String name) {
        var grid = test(grid());
        return IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the grid"));
    }

    Component cell(String name, String column) {
        return test(grid()).getCellComponent(row(name), column);
    }

    Button action(String name, String action) {
        return (Button) cell(name, "actions").getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals(action)).findFirst().orElseThrow();
    }

    /** The texts of the status cell: "Active" or "Disabled", and "Locked" when sign-in is locked. */
    String status(String name) {
        return cell(name, "enabled").getChildren().map(c -> ((Span) c).getText())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    PasswordField password(String label) {
        return find(PasswordField.class).withLabel(label).single();
    }

    String notification() {
        return test(find(Notification.class).last()).getText();
    }

    @Test
    void aLockedUserShowsLockedAndUnlockLiftsTheLockForEveryAddress() throws Exception {
        String op = operator();
        var manager = authentication.getAuthenticationManager();
        for (int i = 0; i < 5; i++) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(op, "wrong-password-" + i);
            attempt.setDetails(new WebAuthenticationDetails("203.0.113.9", null));
            try {
                manager.authenticate(attempt);
            } catch (BadCredentialsException expected) {
                // counted
            }
        }
        navigate(UserListView.class);
        assertThat(status(op)).isEqualTo("Active Locked");
        assertThat(action(op, "Unlock").isVisible()).isTrue();
        assertThat(action("admin", "Unlock").isVisible()).isFalse();

        test(action(op, "Unlock")).click();

        assertThat(notification()).isEqualTo("Unlocked " + op + ": they can sign in again");
        assertThat(status(op)).isEqualTo("Active");
        var again = UsernamePasswordAuthenticationToken.unauthenticated(op, PASSWORD);
        again.setDetails(new WebAuthenticationDetails("203.0.113.9", null));
        assertThat(manager.authenticate(again).isAuthenticated()).isTrue();
    }

    @Test
    void listsUsersWithRoleTenantsByNameAndStatus() {
        String op = operator();
        assertThat(test(grid()).getHeaderCell(test(grid()).getColumnPosition("tenants"))).isEqualTo("Tenants");
        assertThat(test(grid()).getCellText(row(op), test(grid()).getColumnPosition("role")))
                .isEqualTo("Tenant operator");
        assertThat(cell(op, "tenants").getChildren().map(c -> ((Span) c).getText())).containsExactly("payments");
        assertThat(status(op)).isEqualTo("Active");
        assertThat(((Span) cell("admin", "tenants").getChildren().findFirst().orElseThrow()).getText())
                .isEqualTo("all tenants");
        assertThat(action("admin", "Disable").isEnabled()).as("an admin cannot disable themself").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addAnOperatorWithATenantThroughTheDialog() {
        String name = unique("new");
        test(find(Button.class).withText("Add user").single()).click();
        Dialog dialog = find(Dialog.class).withClassName("user-dialog").single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Add user");
        MultiSelectComboBox<?> tenantBox = find(MultiSelectComboBox.class).withLabel("Tenants").single();
        Select<Role> role = find(Select.class).withLabel("Role").single();

        test(role).selectItem("Platform admin");
        assertThat(tenantBox.isVisible()).as("tenants for operators only").isFalse();
        test(role).selectItem("Tenant operator");
        assertThat(tenantBox.isVisible()).isTrue();

        test(find(TextField.class).withLabel("Name").single()).setValue(name);
        assertThat(password("Password").getHelperText()).contains("At least 12 characters");
        test(password("Password")).setValue("short");
        test(password("Confirm password")).setValue("short");
        Button save = find(Button.class).withText("Add user").all().stream()
                .filter(b -> dialog.getFooter().getElement().equals(b.getElement().getParent())
                        || ComponentTree.isInside(b, dialog)).findFirst().orElseThrow();
        test(save).click();
        assertThat(password("Password").isInvalid()).isTrue();
        assertThat(password("Password").getErrorMessage()).contains("at least 12 characters");
        // Issue #16: every problem at once, not the first one only.
        assertThat(tenantBox.isInvalid()).as("the missing tenant is said together with the password").isTrue();
        assertThat(tenantBox.getErrorMessage()).contains("at least one tenant");

        test(password("Password")).setValue(PASSWORD);
        test(password("Confirm password")).setValue(PASSWORD + "x");
        test(save).click();
        assertThat(password("Confirm password").isInvalid()).isTrue();
        assertThat(password("Confirm password").getErrorMessage()).containsIgnoringCase("does not match");

        test(password("Confirm password")).setValue(PASSWORD);
        test(save).click();
        assertThat(tenantBox.isInvalid()).isTrue();
        assertThat(tenantBox.getErrorMessage()).contains("at least one tenant");

        test((MultiSelectComboBox<Object>) tenantBox).selectItem("Payments (payments)");
        test(save).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(notification()).isEqualTo("Added " + name);
        UserInfo created = info(name);
        assertThat(created.role()).isEqualTo(Role.TENANT_OPERATOR);
        assertThat(created.tenantIds()).containsExactly(tenantId("payments"));
        assertThat(cell(name, "tenants").getChildren().map(c -> ((Span) c).getText())).containsExactly("payments");
    }

    @Test
    void addShowsADuplicateNameAtTheNameField() {
        String op = operator();
        test(find(Button.class).withText("Add user").single()).click();
        Dialog dialog = find(Dialog.class).withClassName("user-dialog").single();
        test(find(TextField.class).withLabel("Name").single()).setValue(op);
        test(password("Password")).setValue(PASSWORD);
        test(password("Confirm password")).setValue(PASSWORD);
        test(find(Button.class).withText("Add user").all().stream().filter(b -> ComponentTree.isInside(b, dialog)).findFirst()
                .orElseThrow()).click();
        TextField name = find(TextField.class).withLabel("Name").single();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("already exists");
    }

    @Test
    @SuppressWarnings("unchecked")
    void editChangesTheOperatorsTenants() {
        String op = operator();
        test(action(op, "Edit")).click();
        Dialog dialog = find(Dialog.class).withClassName("user-dialog").single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Edit " + op);
        assertThat(find(TextField.class).withLabel("Name").single().isReadOnly()).isTrue();
        MultiSelectComboBox<Object> tenantBox = find(MultiSelectComboBox.class).withLabel("Tenants").single();
        var otherTenant = asSystem(() -> tenants.list("tse")).stream()
                .filter(t -> !t.name().equals("payments")).findFirst().orElseThrow();
        String other = otherTenant.name();
        // Tenants are named as everywhere else: "Payments (payments)".
        test(tenantBox).selectItem("Payments (payments)", otherTenant.labelWithName());
        test(find(Button.class).withText("Save").single()).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(info(op).tenantIds()).containsExactlyInAnyOrder(tenantId("payments"), tenantId(other));
    }

    @Test
    void resetAPasswordThroughTheDialog() {
        String op = operator();
        test(action(op, "Reset password")).click();
        Dialog dialog = find(Dialog.class).withClassName("user-dialog").single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Reset password of " + op);
        test(password("New password")).setValue("too-short");
        test(password("Confirm new password")).setValue("too-short");
        Button reset = find(Button.class).withText("Reset password").all().stream().filter(b -> ComponentTree.isInside(b, dialog))
                .findFirst().orElseThrow();
        test(reset).click();
        assertThat(password("New password").isInvalid()).isTrue();
        assertThat(password("New password").getErrorMessage()).contains("at least 12 characters");

        test(password("New password")).setValue("a-new-view-passphrase");
        test(password("Confirm new password")).setValue("a-new-view-passphrase");
        test(reset).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(notification()).isEqualTo("Password of " + op + " reset");
        assertThat(passwordEncoder.matches("a-new-view-passphrase", userDetails.loadUserByUsername(op).getPassword()))
                .isTrue();
    }

    @Test
    void disableAndEnableAfterConfirmation() {
        String op = operator();
        test(action(op, "Disable")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withClassName("user-confirm").single();
        assertThat(test(confirm).getHeader()).isEqualTo("Disable " + op + "?");
        test(confirm).cancel();
        assertThat(info(op).enabled()).as("cancel changes nothing").isTrue();

        test(action(op, "Disable")).click();
        test(find(ConfirmDialog.class).withClassName("user-confirm").all().getLast()).confirm();
        assertThat(info(op).enabled()).isFalse();
        assertThat(userDetails.loadUserByUsername(op).isEnabled()).isFalse();
        assertThat(status(op)).isEqualTo("Disabled");
        assertThat(notification()).isEqualTo("Disabled " + op);

        test(action(op, "Enable")).click();
        test(find(ConfirmDialog.class).withClassName("user-confirm").all().getLast()).confirm();
        assertThat(info(op).enabled()).isTrue();
        assertThat(status(op)).isEqualTo("Active");
    }

    @Test
    void deleteAfterConfirmationButNeverYourself() {
        String op = operator();
        assertThat(action("admin", "Delete").isEnabled()).as("an admin cannot delete themself").isFalse();
        test(action(op, "Delete")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).withClassName("user-confirm").all().getLast();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete " + op + "?");
        test(confirm).cancel();
        assertThat(asSystem(() -> users.find(op))).as("cancel changes nothing").isPresent();

        test(action(op, "Delete")).click();
        test(find(ConfirmDialog.class).withClassName("user-confirm").all().getLast()).confirm();
        assertThat(asSystem(() -> users.find(op))).isEmpty();
        assertThat(notification()).isEqualTo("Deleted " + op);
    }
}
