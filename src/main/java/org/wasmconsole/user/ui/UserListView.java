package org.wasmconsole.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wasmconsole.base.ui.ViewHeader;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.Roles;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.ConfirmDialogs;
import org.wasmconsole.base.ui.Notify;

/**
 * Console users, for platform admins: add a user, change role and tenants, reset a password,
 * disable or enable. Every rule lives in {@link UserService}; this view shows its messages.
 */
@Route("users")
@PageTitle("Users · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/users.css")
public class UserListView extends VerticalLayout {

    static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final UserService users;
    private final List<TenantInfo> tenants;
    private final TenantChips tenantChips;
    private final String me;
    private final Grid<UserInfo> grid = new Grid<>();
    private final Span count = new Span();
    private Set<String> locked = Set.of();

    public UserListView(UserService users, TenantService tenantService, ConsoleOrganization organization,
                        AuthenticationContext authentication) {
        this.users = users;
        this.tenants = tenantService.list(organization.name());
        this.tenantChips = new TenantChips(tenants);
        this.me = authentication.getPrincipalName().orElse("");
        addClassName("user-list-view");
        setSizeFull();

        HorizontalLayout header = ViewHeader.of("Users", count, ViewHeader.createButton("Add user", e -> openAdd()));

        grid.addClassName("user-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(this::nameCell).setKey("name").setHeader("Name").setFlexGrow(2)
                .setComparator(UserInfo::name).setSortable(true);
        grid.addColumn(u -> roleLabel(u.role())).setKey("role").setHeader("Role").setAutoWidth(true)
                .setFlexGrow(0);
        // Where the user signs in: a local password, or the OIDC provider (whose rules set role and tenants).
        grid.addColumn(u -> u.fromProvider() ? u.provider() : "Local").setKey("source").setHeader("Source")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> tenantChips.cell(u.role(), u.tenantIds())).setKey("tenants")
                .setHeader("Tenants").setFlexGrow(3);
        grid.addComponentColumn(this::statusCell).setKey("enabled").setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(u -> CREATED.format(u.createdAt())).setKey("created").setHeader("Created")
                .setAutoWidth(true).setFlexGrow(0).setComparator(UserInfo::createdAt).setSortable(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        // A console has few users: every row shows, the page scrolls, no empty grid box below them.
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        add(header, grid);
        refresh();
    }

    static String roleLabel(Role role) {
        return role == Role.PLATFORM_ADMIN ? "Platform admin" : "Tenant operator";
    }

    void refresh() {
        List<UserInfo> all = users.list();
        locked = users.lockedUsers();
        grid.setItems(all);
        count.setText(all.size() == 1 ? "1 user" : all.size() + " users");
    }

    private Div nameCell(UserInfo user) {
        Div cell = new Div(new Span(user.name()));
        cell.addClassName("user-name");
        if (user.name().equals(me)) {
            Span you = new Span("you");
            you.addClassName("user-you");
            cell.add(you);
        }
        return cell;
    }

    private Div statusCell(UserInfo user) {
        Span status = new Span(user.enabled() ? "Active" : "Disabled");
        status.addClassNames("user-status", user.enabled() ? "user-status-active" : "user-status-disabled");
        Div cell = new Div(status);
        if (locked.contains(user.name())) {
            Span lock = new Span("Locked");
            lock.addClassNames("user-status", "user-status-locked");
            lock.setTitle("Too many wrong passwords: sign-in is refused for a while (from some addresses or all)");
            cell.add(lock);
        }
        return cell;
    }

    private HorizontalLayout actions(UserInfo user) {
        Button edit = new Button("Edit", e -> openEdit(user));
        Button reset = new Button("Reset password", e -> openReset(user));
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", e -> confirmEnabled(user));
        Button delete = new Button("Delete", e -> confirmDelete(user));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button unlock = new Button("Unlock", e -> unlock(user));
        unlock.setVisible(locked.contains(user.name()));
        unlock.setTooltipText("Lift the sign-in lock after wrong passwords, for every address");
        for (Button b : List.of(unlock, edit, reset, toggle, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setAriaLabel(b.getText() + " " + user.name());
        }
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        if (user.fromProvider()) {
            // No local password; role and tenants come from the group mapping rules at every sign-in.
            reset.setVisible(false);
            edit.setVisible(false);
        }
        if (user.name().equals(me)) {
            toggle.setEnabled(false);
            toggle.setTooltipText("You cannot disable yourself");
            delete.setEnabled(false);
            delete.setTooltipText("You cannot delete yourself");
        }
        HorizontalLayout actions = new HorizontalLayout(unlock, edit, reset, toggle, delete);
        actions.setSpacing(false);
        actions.addClassName("user-actions");
        return actions;
    }

    private void openAdd() {
        new UserDialog(users, tenants, null, this::refresh).open();
    }

    private void openEdit(UserInfo user) {
        new UserDialog(users, tenants, user, this::refresh).open();
    }

    private void openReset(UserInfo user) {
        new PasswordResetDialog(users, user.name()).open();
    }

    private void confirmEnabled(UserInfo user) {
        boolean disable = user.enabled();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("user-confirm");
        dialog.setHeader((disable ? "Disable " : "Enable ") + user.name() + "?");
        dialog.setText(disable
                ? user.name() + " can no longer sign in, and their open sessions end now. You can enable them again later."
                : user.name() + " can sign in again, with their current password, role and tenants.");
        dialog.setCancelable(true);
        dialog.setConfirmText(disable ? "Disable" : "Enable");
        dialog.setConfirmButtonTheme(disable ? "error primary" : "primary");
        dialog.addConfirmListener(e -> setEnabled(user, !disable));
        dialog.open();
    }

    private void confirmDelete(UserInfo user) {
        ConfirmDialog dialog = ConfirmDialogs.destructive("Delete");
        dialog.addClassName("user-confirm");
        dialog.setHeader("Delete " + user.name() + "?");
        dialog.setText(user.name() + " is removed for good: they can no longer sign in and their open sessions end "
                + "now. Their past changes stay in the history. To keep the account for later, disable it instead.");
        dialog.addConfirmListener(e -> delete(user));
        dialog.open();
    }

    private void delete(UserInfo user) {
        try {
            users.delete(user.name());
            Notify.success("Deleted " + user.name());
        } catch (ValidationException e) {
            Notify.error(e.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
        } catch (NotFoundException e) {
            Notify.error("Not found: " + e.getMessage());
        }
        refresh();
    }

    private void unlock(UserInfo user) {
        try {
            users.unlock(user.name());
            Notify.success("Unlocked " + user.name() + ": they can sign in again");
        } catch (NotFoundException e) {
            Notify.error("Not found: " + e.getMessage());
        }
        refresh();
    }

    private void setEnabled(UserInfo user, boolean enabled) {
        try {
            users.setEnabled(user.name(), enabled);
            Notify.success((enabled ? "Enabled " : "Disabled ") + user.name());
        } catch (ValidationException e) {
            Notify.error(e.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
        } catch (NotFoundException e) {
            Notify.error("Not found: " + e.getMessage());
        }
        refresh();
    }


}
