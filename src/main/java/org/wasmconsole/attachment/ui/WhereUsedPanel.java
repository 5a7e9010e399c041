package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GatewayTarget;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.ui.TableHeads;

/**
 * "Where used" of one extension: every gateway and security setting that attaches it, grouped by
 * tenant and workspace, each with what the attachment overrides and the WasmPlugin Istio gets for it.
 * The service scopes the list: an operator sees the attachments in their own tenants only.
 */
public class WhereUsedPanel extends Div {

    /**
     * Rows a workspace's table shows at first, and how many more each "Show more" adds: an extension
     * attached 10,000 times would otherwise build some 200,000 elements into the session and the page
     * (docs/benchmarks.md, item 6). Nothing is cut off: the button says how many are left.
     */
    static final int FIRST_ROWS = 20;
    static final int MORE_ROWS = 100;

    private final AttachmentService service;
    private final String extensionFqn;
    private final String extensionName;
    private final boolean admin;
    private final List<Usage> usages;
    private final List<org.wasmconsole.attachment.SettingUsage> defaults;

    /**
     * @param admin whether the viewer is a platform admin: admins get the hint on where to attach;
     *              operators are told they see their own tenants only (whose pages they may open)
     */
    public WhereUsedPanel(AttachmentService service, String extensionFqn, String extensionName, boolean admin) {
        this.service = service;
        this.extensionFqn = extensionFqn;
        this.extensionName = extensionName;
        this.admin = admin;
        this.usages = service.whereUsed(extensionFqn);
        // Through Vaadin's instantiator: the details page (being recomposed, issue #15) passes no new argument.
        this.defaults = com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator()
                .getOrCreate(org.wasmconsole.attachment.DefaultSettingService.class).whereUsed(extensionFqn);
        addClassName("where-used-panel");
        if (usages.isEmpty() && defaults.isEmpty()) {
            showEmpty();
        } else {
            if (!usages.isEmpty()) {
                showUsages();
            }
            showDefaults();
        }
    }

    /** How many attachments are listed (for the tab's label). */
    public int usageCount() {
        return usages.size() + defaults.size();
    }

    /**
     * The default security settings that attach the extension: it runs on every workload under them
     * that no lower level replaces it for (README, "Default security settings").
     */
    private void showDefaults() {
        if (defaults.isEmpty()) {
            return;
        }
        Div section = new Div(new H3("Default security settings"), new Paragraph("Attached as a default: it runs on"
                + " every workload under these settings unless a lower level replaces them (TSB's propagation)."));
        section.addClassNames("where-used-tenant", "where-used-defaults");
        com.vaadin.flow.component.html.UnorderedList list = new com.vaadin.flow.component.html.UnorderedList();
        for (org.wasmconsole.attachment.SettingUsage u : defaults) {
            com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem();
            item.addClassName("where-used-default");
            item.getElement().setAttribute("data-target", u.ref().fqn());
            Span kind = new Span(u.ref().level().documentKind());
            kind.addClassName("where-used-kind");
            Component name = u.ref().tenant() == null ? new Span(u.ref().fqn())
                    : routerLink("tenants/" + u.ref().tenant(), u.ref().fqn(), "Open tenant " + u.ref().tenant());
            item.add(name, new Span(" "), kind);
            if (u.attachment().overridesConfig()) {
                item.add(muted(" · own config"));
            }
            if (u.attachment().overridesMatch()) {
                item.add(muted(" · own match"));
            }
            list.add(item);
        }
        section.add(list);
        add(section);
    }

    /** {@code tenants/<tenant>?target=<target FQN>}: the tenant page with the target selected. */
    public static String targetLink(TargetRef ref) {
        return "tenants/" + ref.tenantName() + "?target=" + URLEncoder.encode(ref.fqn(), StandardCharsets.UTF_8);
    }

    private void showEmpty() {
        addClassNames("empty-state", "where-used-empty");
        if (admin) {
            add(VaadinIcon.CONNECT.create(), new H3("Not attached anywhere"),
                    new Paragraph("No gateway or security setting switches on " + extensionName + "."),
                    new Paragraph("Attach it from a tenant's page: Tenants \u2192 <tenant> \u2192 Workspaces and"
                            + " gateways."));
        } else {
            add(VaadinIcon.CONNECT.create(), new H3("Not attached in your tenants"),
                    new Paragraph("No gateway or security setting of your tenants switches on " + extensionName
                            + ". Platform admins attach extensions from a tenant's page."));
        }
    }

    private void showUsages() {
        Map<String, Map<String, List<Usage>>> byTenant = new LinkedHashMap<>();
        usages.forEach(u -> byTenant.computeIfAbsent(u.target().tenant(), k -> new LinkedHashMap<>())
                .computeIfAbsent(u.target().workspace(), k -> new java.util.ArrayList<>()).add(u));
        int tenants = byTenant.size();
        Paragraph summary = new Paragraph(count(usages.size(), "attachment", "attachments") + " in "
                + count(tenants, "tenant", "tenants") + (admin ? "." : ". Only your tenants are shown."));
        summary.addClassName("where-used-summary");
        add(summary);
        byTenant.forEach((tenant, workspaces) -> add(tenantSection(tenant, workspaces)));
    }

    private Component tenantSection(String tenantFqn, Map<String, List<Usage>> workspaces) {
        String tenantName = Fqn.nameOf(tenantFqn);
        H3 title = new H3();
        title.addClassName("where-used-tenant-title");
        Span label = new Span("Tenant");
        label.addClassName("where-used-level");
        title.add(label, routerLink("tenants/" + tenantName, tenantName, "Open tenant " + tenantName));
        Div section = new Div(title);
        section.addClassName("where-used-tenant");
        workspaces.forEach((workspace, list) -> section.add(workspaceSection(workspace, list)));
        return section;
    }

    private Component workspaceSection(String workspace, List<Usage> list) {
        H4 title = new H4();
        title.addClassName("where-used-workspace-title");
        Span label = new Span("Workspace");
        label.addClassName("where-used-level");
        Span count = new Span(count(list.size(), "attachment", "attachments"));
        count.addClassName("where-used-count");
        title.add(label, new Span(workspace), count);

        NativeTableHeader head = TableHeads.of("Gateway or setting", "Group", "Namespace", "Workload labels",
                "Config", "Match", "Istio");
        NativeTableBody body = new NativeTableBody();
        NativeTable table = new NativeTable(head, body);
        table.addClassName("where-used-table");
        table.getElement().setAttribute("aria-label", "Attachments in workspace " + workspace);
        Div scroller = new Div(table);
        scroller.addClassName("where-used-table-scroller");
        Div section = new Div(title, scroller);
        section.addClassName("where-used-workspace");
        int shown = addRows(body, list, 0, FIRST_ROWS);
        if (shown < list.size()) {
            Button more = new Button();
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            more.addClassName("where-used-more");
            int[] next = {shown};
            Runnable relabel = () -> more.setText("Show " + Math.min(MORE_ROWS, list.size() - next[0]) + " more ("
                    + (list.size() - next[0]) + " of " + list.size() + " not shown yet)");
            relabel.run();
            more.addClickListener(e -> {
                next[0] = addRows(body, list, next[0], MORE_ROWS);
                if (next[0] >= list.size()) {
                    section.remove(more);
                } else {
                    relabel.run();
                }
            });
            section.add(more);
        }
        return section;
    }

    /** Adds up to {@code n} rows from {@code from} on; returns how many rows are shown now. */
    private int addRows(NativeTableBody body, List<Usage> list, int from, int n) {
        int to = Math.min(list.size(), from + n);
        list.subList(from, to).forEach(u -> body.add(row(u)));
        return to;
    }

    private NativeTableRow row(Usage usage) {
        GatewayTarget target = usage.target();
        Attachment attachment = usage.attachment();
        NativeTableRow row = new NativeTableRow();
        row.addClassName("where-used-row");
        row.getElement().setAttribute("data-target", usage.ref().fqn());

        Span kind = new Span(target.kind().label());
        kind.addClassName("where-used-kind");
        Component name = routerLink(targetLink(usage.ref()), target.name(),
                target.kind().label() + " " + target.name() + " on its tenant's page");
        ((com.vaadin.flow.component.HasStyle) name).addClassName("where-used-target");
        Div targetCell = new Div(name, kind);
        targetCell.addClassName("where-used-target-cell");

        NativeTableCell labels = new NativeTableCell();
        if (target.labels().isEmpty()) {
            labels.add(muted("All workloads"));
        } else {
            target.labels().forEach((k, v) -> {
                Span chip = new Span(k + "=" + v);
                chip.addClassName("where-used-label");
                labels.add(chip);
            });
        }

        Component config;
        if (attachment.overridesConfig()) {
            Span own = new Span("Own config");
            own.addClassName("where-used-own");
            own.getElement().setAttribute("title", attachment.config().toString());
            config = own;
        } else {
            config = muted("Extension's config");
        }
        Component match = attachment.overridesMatch() ? code(TopologyText.matchSummary(attachment)) : muted("Extension's match");

        Button preview = new Button("Preview", VaadinIcon.CODE.create(), e -> openPreview(usage));
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        preview.setAriaLabel("Istio preview of " + extensionName + " in " + target.name());
        preview.setTooltipText("The WasmPlugin Istio gets for this attachment");

        row.add(new NativeTableCell(targetCell), new NativeTableCell(code(target.group())),
                new NativeTableCell(code(target.namespace())), labels, new NativeTableCell(config),
                new NativeTableCell(match), new NativeTableCell(preview));
        return row;
    }

    private void openPreview(Usage usage) {
        IstioPreviewDialog dialog;
        try {
            dialog = new IstioPreviewDialog(usage.ref(), extensionName, service.defaultIstioKind(),
                    kind -> List.of(service.preview(usage.ref(), extensionFqn, kind)));
        } catch (NotFoundException e) {
            Notify.warning(extensionName + " is no longer attached in " + usage.target().name()
                    + ": it was changed since this page was opened. Reload to see where it is used now.");
            return;
        }
        dialog.open();
    }

    private static Anchor routerLink(String href, String text, String title) {
        Anchor link = new Anchor(href, text);
        link.getElement().setAttribute("router-link", true);
        link.getElement().setAttribute("title", title);
        return link;
    }

    private static Span code(String text) {
        Span span = new Span(text == null ? "" : text);
        span.addClassName("where-used-code");
        return span;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("where-used-muted");
        return span;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
