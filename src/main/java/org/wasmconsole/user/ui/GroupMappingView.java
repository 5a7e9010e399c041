package org.wasmconsole.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.wasmconsole.base.ui.ViewHeader;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.ConfirmDialogs;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.SingleSignOn;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.GroupMappingInfo;
import org.wasmconsole.user.GroupMappingService;

/**
 * The rules that turn the OIDC provider's groups claim into a role and tenants: one row per group,
 * applied at every sign-in through the provider (README "Single sign-on").
 */
@Route(GroupMappingView.ROUTE)
@PageTitle("Group mappings · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
public class GroupMappingView extends VerticalLayout {

    static final String ROUTE = "group-mappings";

    private final GroupMappingService mappings;
    private final List<TenantInfo> tenants;
    private final TenantChips tenantChips;
    private final Grid<GroupMappingInfo> grid = new Grid<>();
    private final Span count = new Span();
    private final Div empty = new Div();

    public GroupMappingView(GroupMappingService mappings, TenantService tenantService,
                            ConsoleOrganization organization, SingleSignOn sso) {
        this.mappings = mappings;
        this.tenants = tenantService.list(organization.name());
        this.tenantChips = new TenantChips(tenants);
        addClassName("group-mapping-view");
        setSizeFull();

        HorizontalLayout header = ViewHeader.of("Group mappings", count,
                ViewHeader.createButton("Add rule", e -> open(null)));

        Paragraph intro = new Paragraph(sso.enabled()
                ? "People who sign in with " + sso.providerName() + " get their role from these rules, at every"
                        + " sign-in: a group with a platform-admin rule makes them a platform admin; otherwise they"
                        + " operate the tenants of all their groups' rules. Nobody else is let in."
                : "Single sign-on is not configured (console.oidc.issuer-uri): these rules apply once it is.");
        intro.addClassName("view-intro");

        grid.addClassName("group-mapping-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        // Auto width: the group is what a row is about; on a phone the grid scrolls rather than clip it.
        grid.addColumn(GroupMappingInfo::group).setKey("group").setHeader("Group").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(m -> UserListView.roleLabel(m.role())).setKey("role")
                .setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> tenantChips.cell(r.role(), r.tenantIds())).setKey("tenants")
                .setHeader("Tenants").setFlexGrow(3);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader("Actions").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        empty.addClassName("empty-state");
        empty.setText("No rules yet: nobody can sign in with single sign-on. Add a rule for a group of your"
                + " identity provider, e.g. mesh-admins \u2192 Platform admin.");
        add(header, intro, grid, empty);
        refresh();
    }

    void refresh() {
        List<GroupMappingInfo> all = mappings.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        count.setText(all.size() == 1 ? "1 rule" : all.size() + " rules");
    }

    private HorizontalLayout actions(GroupMappingInfo rule) {
        Button edit = new Button("Edit", e -> open(rule));
        Button delete = new Button("Delete", e -> confirmDelete(rule));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(edit, delete)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            b.setAriaLabel(b.getText() + " the rule of " + rule.group());
        }
        HorizontalLayout actions = new HorizontalLayout(edit, delete);
        actions.setSpacing(false);
        return actions;
    }

    private void open(GroupMappingInfo existing) {
        new GroupMappingDialog(mappings, tenants, existing, this::refresh).open();
    }

    private void confirmDelete(GroupMappingInfo rule) {
        ConfirmDialog dialog = ConfirmDialogs.destructive("Delete");
        dialog.setHeader("Delete the rule of " + rule.group() + "?");
        dialog.setText("People in this group lose what it gives them at their next sign-in.");
        dialog.addConfirmListener(e -> {
            try {
                mappings.delete(rule.id());
                Notify.success("Deleted the rule of " + rule.group());
            } catch (NotFoundException gone) {
                Notify.error("Already deleted: " + gone.getMessage());
            }
            refresh();
        });
        dialog.open();
    }
}
