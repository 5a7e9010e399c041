package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.List;
import java.util.function.Function;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.ExtensionNameList;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.TenantAssignment;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantSection;
import org.wasmconsole.base.ui.ConfirmDialogs;

/**
 * The extensions available to one tenant, on the tenant's page, in two parts: those whose allowed
 * tenants name it (assign / unassign) and those available to all tenants (restricting one to this
 * tenant narrows it, and is confirmed as such). Operators of the tenant read it without any write action.
 */
class TenantExtensionsPart implements TenantSection.Part {

    private final TenantAssignmentService assignments;
    private final TenantSection.Page page;
    private final TenantInfo tenant;
    private final boolean admin;
    private final String organization;
    private final Grid<ExtensionSummary> assignedGrid =
            TenantExtensionGrid.create("assigned-grid", "Assigned to this tenant");
    private final Grid<ExtensionSummary> openGrid =
            TenantExtensionGrid.create("all-tenants-grid", "Available to all tenants");
    private final Span assignedCount = new Span();
    private final Span openCount = new Span();
    private final Button assign = new Button("Assign extensions…", VaadinIcon.PLUS.create());
    private final Button unassign = new Button("Unassign", VaadinIcon.MINUS.create());
    private final Button restrict = new Button("Restrict to this tenant…", VaadinIcon.LOCK.create());
    private final Div assignedEmpty = new Div();
    private final Div openEmpty = new Div();
    private final List<Component> components;

    TenantExtensionsPart(TenantAssignmentService assignments, TenantInfo tenant, TenantSection.Page page) {
        this.assignments = assignments;
        this.tenant = tenant;
        this.page = page;
        this.admin = page.admin();
        this.organization = page.organization();

        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickListener(e -> openPicker());
        unassign.addClickListener(e -> unassignSelected());
        restrict.addClickListener(e -> restrictSelected());
        assignedGrid.addSelectionListener(e -> selectionChanged());
        openGrid.addSelectionListener(e -> selectionChanged());
        assignedGrid.setItems(q -> assignments.listForTenant(filter(), TenantAssignment.ASSIGNED,
                VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, assignments.countForTenant(filter(), TenantAssignment.ASSIGNED)));
        openGrid.setItems(q -> assignments.listForTenant(filter(), TenantAssignment.ALL_TENANTS,
                VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE,
                        assignments.countForTenant(filter(), TenantAssignment.ALL_TENANTS)));
        assignedEmpty.addClassName("section-empty");
        openEmpty.addClassName("section-empty");

        unassign.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div assignedSection = section("assigned-section", "Assigned to this tenant", assignedCount,
                "Extensions whose allowed tenants name " + tenant.name() + ".",
                new HorizontalLayout(assign, unassign), assignedGrid, assignedEmpty);
        Div openSection = section("all-tenants-section", "Available to all tenants", openCount,
                "Extensions with no allowed tenants: every tenant, " + tenant.name() + " included, can use them."
                        + " Restricting one to " + tenant.name() + " takes it away from every other tenant.",
                new HorizontalLayout(restrict), openGrid, openEmpty);
        if (!admin) {
            // Operators read: no selection, no write buttons (the services refuse them anyway).
            assign.setVisible(false);
            unassign.setVisible(false);
            restrict.setVisible(false);
            assignedGrid.setSelectionMode(Grid.SelectionMode.NONE);
            openGrid.setSelectionMode(Grid.SelectionMode.NONE);
        }
        components = List.of(assignedSection, openSection);
        refresh();
    }

    @Override
    public List<Component> components() {
        return components;
    }

    private ExtensionFilter filter() {
        return new ExtensionFilter(organization, null, null, null, tenant.fqn());
    }

    private static Div section(String className, String title, Span count, String explanation,
                               HorizontalLayout actions, Grid<ExtensionSummary> grid, Div empty) {
        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        HorizontalLayout head = new HorizontalLayout(new H3(title), count, spacer, actions);
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        head.setWidthFull();
        head.addClassName("section-header");
        Paragraph note = new Paragraph(explanation);
        note.addClassName("section-note");
        Div section = new Div(head, note, grid, empty);
        section.addClassNames("tenant-section", className);
        return section;
    }

    @Override
    public void refresh() {
        long assigned = assignments.countForTenant(filter(), TenantAssignment.ASSIGNED);
        long open = assignments.countForTenant(filter(), TenantAssignment.ALL_TENANTS);
        assignedCount.setText(assigned == 1 ? "1 extension" : assigned + " extensions");
        openCount.setText(open == 1 ? "1 extension" : open + " extensions");
        assignedGrid.deselectAll();
        openGrid.deselectAll();
        assignedGrid.getDataProvider().refreshAll();
        openGrid.getDataProvider().refreshAll();
        assignedGrid.setVisible(assigned > 0);
        openGrid.setVisible(open > 0);
        assignedGrid.setAllRowsVisible(assigned <= 10);
        openGrid.setAllRowsVisible(open <= 10);
        assignedEmpty.setText("No extension is assigned to " + tenant.name() + " yet."
                + (admin ? " Use \"Assign extensions…\"." : ""));
        assignedEmpty.setVisible(assigned == 0);
        openEmpty.setText("No extension is available to all tenants.");
        openEmpty.setVisible(open == 0);
        selectionChanged();
    }

    private void selectionChanged() {
        int a = assignedGrid.getSelectedItems().size();
        unassign.setEnabled(a > 0);
        unassign.setText(a == 0 ? "Unassign" : "Unassign " + a);
        int o = openGrid.getSelectedItems().size();
        restrict.setEnabled(o > 0);
        restrict.setText(o == 0 ? "Restrict to this tenant…" : "Restrict " + o + " to this tenant…");
    }

    // --- assign -----------------------------------------------------------------------------------------

    private void openPicker() {
        new AssignExtensionsDialog(assignments, organization, tenant, this::assignPicked).open();
    }

    /** From the picker: open extensions among the picked ones need the narrowing confirmed. */
    private void assignPicked(List<ExtensionSummary> picked) {
        List<String> open = picked.stream().filter(s -> s.allowedTenants().isEmpty()).map(ExtensionSummary::name)
                .toList();
        List<String> restricted = picked.stream().filter(s -> !s.allowedTenants().isEmpty())
                .map(ExtensionSummary::name).toList();
        if (open.isEmpty()) {
            assign(restricted, false);
            return;
        }
        ConfirmDialog dialog = narrowingDialog(open);
        if (!restricted.isEmpty()) {
            dialog.setRejectable(true);
            dialog.setRejectText("Assign only the other " + restricted.size());
            dialog.addRejectListener(e -> assign(restricted, false));
        }
        dialog.addConfirmListener(e -> assign(picked.stream().map(ExtensionSummary::name).toList(), true));
        dialog.open();
    }

    private void restrictSelected() {
        List<String> names = openGrid.getSelectedItems().stream().map(ExtensionSummary::name).sorted().toList();
        if (names.isEmpty()) {
            return;
        }
        ConfirmDialog dialog = narrowingDialog(names);
        dialog.addConfirmListener(e -> assign(names, true));
        dialog.open();
    }

    private ConfirmDialog narrowingDialog(List<String> open) {
        ConfirmDialog dialog = ConfirmDialogs.destructive("Restrict to " + tenant.name());
        dialog.addClassName("narrowing-dialog");
        dialog.setHeader("Restrict to " + tenant.name() + " only?");
        dialog.setText(new Div(new Paragraph((open.size() == 1 ? "This extension is" : "These extensions are")
                + " available to ALL tenants today:"), new ExtensionNameList(open, open.size()),
                new Paragraph("Assigning " + (open.size() == 1 ? "it" : "them") + " to " + tenant.name()
                        + " makes " + (open.size() == 1 ? "it" : "them") + " available to " + tenant.name()
                        + " only: every other tenant loses " + (open.size() == 1 ? "it" : "them") + ".")));
        return dialog;
    }

    private void assign(List<String> names, boolean narrow) {
        if (!names.isEmpty()) {
            change(ASSIGN, inUse -> assignments.assign(organization, tenant.fqn(), names, narrow, inUse), InUse.REFUSE);
        }
    }

    // --- unassign ---------------------------------------------------------------------------------------

    private void unassignSelected() {
        List<ExtensionSummary> selected = assignedGrid.getSelectedItems().stream()
                .sorted(java.util.Comparator.comparing(ExtensionSummary::name)).toList();
        List<String> names = selected.stream().map(ExtensionSummary::name).toList();
        List<String> last = selected.stream().filter(s -> s.allowedTenants().size() == 1)
                .map(ExtensionSummary::name).toList();
        if (last.isEmpty()) {
            unassign(names, false);
            return;
        }
        ConfirmDialog dialog = ConfirmDialogs.destructive("Unassign and open to all");
        dialog.addClassName("widening-dialog");
        dialog.setHeader("Open to all tenants?");
        dialog.setText(new Div(new Paragraph(tenant.name() + " is the only allowed tenant of "
                + (last.size() == 1 ? "this extension:" : "these extensions:")), new ExtensionNameList(last, last.size()),
                new Paragraph("Unassigning " + tenant.name() + " leaves " + (last.size() == 1 ? "it" : "them")
                        + " with no allowed tenants, which makes " + (last.size() == 1 ? "it" : "them")
                        + " available to ALL tenants of the organization.")));
        dialog.addConfirmListener(e -> unassign(names, true));
        List<String> others = names.stream().filter(n -> !last.contains(n)).toList();
        if (!others.isEmpty()) {
            dialog.setRejectable(true);
            dialog.setRejectText("Unassign only the other " + others.size());
            dialog.addRejectListener(e -> unassign(others, false));
        }
        dialog.open();
    }

    private void unassign(List<String> names, boolean widen) {
        change(UNASSIGN, inUse -> assignments.unassign(organization, tenant.fqn(), names, widen, inUse), InUse.REFUSE);
    }

    /** How the outcome of an assign or an unassign is told. */
    private record Wording(String confirmVerb, String done, String preposition, String nothingDone) {
    }

    /** Restricting an open extension may leave its attachments in other tenants. */
    private static final Wording ASSIGN = new Wording("restrict", "Assigned", "to", "assigned");
    /** The extensions' attachments in this tenant become invalid. */
    private static final Wording UNASSIGN = new Wording("unassign", "Unassigned", "from", "unassigned");

    /**
     * Runs an assign or unassign with the given choice for attachments it would leave invalid, and
     * tells what changed; when there are such attachments, asks, then runs it again detaching them.
     */
    private void change(Wording wording, Function<InUse, List<String>> change, InUse inUse) {
        try {
            List<String> changed = change.apply(inUse);
            String what = changed.size() == 1 ? changed.getFirst() : changed.size() + " extensions";
            Notify.success(wording.done() + " " + what + " " + wording.preposition() + " " + tenant.name());
        } catch (ExtensionInUseException e) {
            DetachConfirmation.of(e, wording.confirmVerb(), () -> change(wording, change, InUse.DETACH)).open();
            return;
        } catch (ConflictException | NotFoundException e) {
            Notify.error("Nothing was " + wording.nothingDone() + ": " + e.getMessage());
        }
        page.changed();
    }
}
