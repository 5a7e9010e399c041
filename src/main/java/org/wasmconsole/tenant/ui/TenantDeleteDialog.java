package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TenantTopology;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.base.ui.ExtensionNameList;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.TenantAssignment;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.tenant.TenantInfo;

/**
 * Asks before a tenant is deleted, saying what it affects: refused while it is the only allowed
 * tenant of an extension; otherwise the extensions it leaves and the workspaces, gateways and
 * attachments that go with it.
 */
final class TenantDeleteDialog {

    /** How many affected extensions a delete dialog names before "and N more". */
    static final int DIALOG_LIST_LIMIT = 20;

    private final TenantAssignmentService assignments;
    private final TopologyService topology;
    private final String organization;
    private final Consumer<TenantInfo> delete;

    /** @param delete deletes the tenant once confirmed */
    TenantDeleteDialog(TenantAssignmentService assignments, TopologyService topology, String organization,
                       Consumer<TenantInfo> delete) {
        this.assignments = assignments;
        this.topology = topology;
        this.organization = organization;
        this.delete = delete;
    }

    /** Opens the dialog for one tenant: a refusal, or the question with what goes with it. */
    void open(TenantInfo tenant) {
        ExtensionFilter filter = new ExtensionFilter(organization, null, null, null, tenant.fqn());
        long onlyCount = assignments.countForTenant(filter, TenantAssignment.ONLY_THIS_TENANT);
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("tenant-delete-dialog");
        if (onlyCount > 0) {
            List<String> only = names(assignments.listForTenant(filter, TenantAssignment.ONLY_THIS_TENANT,
                    PageRequest.of(0, DIALOG_LIST_LIMIT)));
            dialog.setHeader("Cannot delete " + tenant.name());
            dialog.setText(new Div(
                    new Paragraph(tenant.name() + " is the only allowed tenant of "
                            + (onlyCount == 1 ? "this extension:" : "these " + onlyCount + " extensions:")),
                    new ExtensionNameList(only, onlyCount),
                    new Paragraph("Without it their allowed tenants would be empty, which makes an extension "
                            + "available to ALL tenants. Assign them to another tenant, or delete them, first.")));
            dialog.setConfirmText("OK");
            dialog.open();
            return;
        }
        long assigned = assignments.countForTenant(filter, TenantAssignment.ASSIGNED);
        Div body = new Div();
        if (assigned == 0) {
            body.add(new Paragraph("No extension names " + tenant.name() + " in its allowed tenants."));
        } else {
            List<String> affected = names(assignments.listForTenant(filter, TenantAssignment.ASSIGNED,
                    PageRequest.of(0, DIALOG_LIST_LIMIT)));
            body.add(new Paragraph(tenant.name() + " will be removed from the allowed tenants of "
                    + (assigned == 1 ? "this extension, which stays available to its other tenants:"
                    : "these " + assigned + " extensions, which stay available to their other tenants:")),
                    new ExtensionNameList(affected, assigned));
        }
        Paragraph contents = new Paragraph(contents(topology.topology(tenant.fqn())));
        contents.addClassName("tenant-delete-contents");
        body.add(contents);
        body.add(new Paragraph("Operators of " + tenant.name() + " lose access to it. This cannot be undone."));
        dialog.setHeader("Delete tenant " + tenant.name() + "?");
        dialog.setText(body);
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete tenant");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete.accept(tenant));
        dialog.open();
    }

    /**
     * What goes with the tenant: "Its 2 workspaces, 5 gateways, 1 security setting and 7 attachments are
     * deleted too." (only the kinds it has), or that it has none.
     */
    static String contents(TenantTopology topology) {
        int workspaces = topology.workspaces().size();
        if (workspaces == 0) {
            return "It has no workspaces, so no gateway or attachment goes with it.";
        }
        List<StoredTarget> targets = topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).toList();
        if (targets.isEmpty()) {
            return "Its " + count(workspaces, "workspace is", "workspaces are") + " deleted with it (no gateways"
                    + " or security settings in " + (workspaces == 1 ? "it" : "them") + ").";
        }
        long gateways = targets.stream().filter(t -> t.ref().kind().isGateway()).count();
        long settings = targets.size() - gateways;
        List<String> parts = new java.util.ArrayList<>();
        parts.add(count(workspaces, "workspace", "workspaces"));
        if (gateways > 0) {
            parts.add(count(gateways, "gateway", "gateways"));
        }
        if (settings > 0) {
            parts.add(count(settings, "security setting", "security settings"));
        }
        int attachments = topology.attachmentCount();
        parts.add(attachments == 0 ? "no attachments" : count(attachments, "attachment", "attachments"));
        return "Its " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast()
                + " are deleted with it.";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static List<String> names(List<ExtensionSummary> summaries) {
        return summaries.stream().map(ExtensionSummary::name).toList();
    }
}
