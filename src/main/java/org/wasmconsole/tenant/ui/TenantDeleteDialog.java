package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;
import org.wasmconsole.base.ui.ExtensionNameList;
import org.wasmconsole.tenant.AssignedExtensions;
import org.wasmconsole.tenant.TenantContents;
import org.wasmconsole.tenant.TenantInfo;

/**
 * Asks before a tenant is deleted, saying what it affects: refused while it is the only allowed
 * tenant of an extension; otherwise the extensions it leaves and the workspaces, gateways and
 * attachments that go with it (both told by the modules that keep them, through the contracts).
 */
final class TenantDeleteDialog {

    /** How many affected extensions a delete dialog names before "and N more". */
    static final int DIALOG_LIST_LIMIT = 20;

    private final AssignedExtensions assignments;
    private final TenantContents contents;
    private final String organization;
    private final Consumer<TenantInfo> delete;

    /** @param delete deletes the tenant once confirmed */
    TenantDeleteDialog(AssignedExtensions assignments, TenantContents contents, String organization,
                       Consumer<TenantInfo> delete) {
        this.assignments = assignments;
        this.contents = contents;
        this.organization = organization;
        this.delete = delete;
    }

    /** Opens the dialog for one tenant: a refusal, or the question with what goes with it. */
    void open(TenantInfo tenant) {
        AssignedExtensions.Names only = assignments.onlyAllowedIn(organization, tenant.fqn(), DIALOG_LIST_LIMIT);
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("tenant-delete-dialog");
        if (!only.isEmpty()) {
            long onlyCount = only.total();
            dialog.setHeader("Cannot delete " + tenant.name());
            dialog.setText(new Div(
                    new Paragraph(tenant.name() + " is the only allowed tenant of "
                            + (onlyCount == 1 ? "this extension:" : "these " + onlyCount + " extensions:")),
                    new ExtensionNameList(only.first(), onlyCount),
                    new Paragraph("Without it their allowed tenants would be empty, which makes an extension "
                            + "available to ALL tenants. Assign them to another tenant, or delete them, first.")));
            dialog.setConfirmText("OK");
            dialog.open();
            return;
        }
        AssignedExtensions.Names affected = assignments.assignedTo(organization, tenant.fqn(), DIALOG_LIST_LIMIT);
        long assigned = affected.total();
        Div body = new Div();
        if (assigned == 0) {
            body.add(new Paragraph("No extension names " + tenant.name() + " in its allowed tenants."));
        } else {
            body.add(new Paragraph(tenant.name() + " will be removed from the allowed tenants of "
                    + (assigned == 1 ? "this extension, which stays available to its other tenants:"
                    : "these " + assigned + " extensions, which stay available to their other tenants:")),
                    new ExtensionNameList(affected.first(), assigned));
        }
        Paragraph what = new Paragraph(contents.deletedWith(tenant.fqn()));
        what.addClassName("tenant-delete-contents");
        body.add(what);
        body.add(new Paragraph("Operators of " + tenant.name() + " lose access to it. This cannot be undone."));
        dialog.setHeader("Delete tenant " + tenant.name() + "?");
        dialog.setText(body);
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete tenant");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete.accept(tenant));
        dialog.open();
    }
}
