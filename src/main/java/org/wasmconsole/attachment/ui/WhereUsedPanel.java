package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.VaadinService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.attachment.WhereUsedService;
import org.wasmconsole.attachment.WhereUsedService.UsageGroup;
import org.wasmconsole.base.Fqn;

/**
 * "Where used" of one extension: every gateway and security setting that attaches it, grouped by
 * tenant and workspace, each with what the attachment overrides and the WasmPlugin Istio gets for it.
 * The service scopes the list: an operator sees the attachments in their own tenants only.
 */
public class WhereUsedPanel extends Div {

    /** Up to this many attachments in all, every workspace starts unfolded; above it, the first one only. */
    static final int UNFOLD_ALL_LIMIT = 50;

    private final UsedExtension extension;
    private final boolean admin;
    private final List<UsageGroup> groups;
    private final long total;
    private final List<org.wasmconsole.attachment.SettingUsage> defaults;

    /**
     * @param admin whether the viewer is a platform admin: admins get the hint on where to attach;
     *              operators are told they see their own tenants only (whose pages they may open)
     */
    public WhereUsedPanel(AttachmentService service, String extensionFqn, String extensionName, boolean admin) {
        this.admin = admin;
        // Through Vaadin's instantiator: the details page (being recomposed, issue #15) passes no new argument.
        Instantiator instantiator = VaadinService.getCurrent().getInstantiator();
        this.extension = new UsedExtension(extensionFqn, extensionName, service,
                instantiator.getOrCreate(WhereUsedService.class));
        this.groups = extension.usages().groups(extensionFqn);
        this.total = groups.stream().mapToLong(UsageGroup::attachments).sum();
        this.defaults = instantiator.getOrCreate(org.wasmconsole.attachment.DefaultSettingService.class)
                .whereUsed(extensionFqn);
        addClassName("where-used-panel");
        if (total == 0 && defaults.isEmpty()) {
            showEmpty();
        } else {
            if (total > 0) {
                showUsages();
            }
            showDefaults();
        }
    }

    /** The extension the panel is about, and the services its workspaces read their rows and previews through. */
    record UsedExtension(String fqn, String name, AttachmentService attachments, WhereUsedService usages) {

        /** One page of a workspace's attachments of the extension. */
        List<Usage> page(UsageGroup group, int offset, int limit) {
            return usages.page(fqn, group.tenantFqn(), group.workspace(), offset, limit);
        }
    }

    /** How many attachments are listed (for the tab's label). */
    public int usageCount() {
        return Math.toIntExact(total + defaults.size());
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
                    new Paragraph("No gateway or security setting switches on " + extension.name() + "."),
                    new Paragraph("Attach it from a tenant's page: Tenants \u2192 <tenant> \u2192 Workspaces and"
                            + " gateways."));
        } else {
            add(VaadinIcon.CONNECT.create(), new H3("Not attached in your tenants"),
                    new Paragraph("No gateway or security setting of your tenants switches on " + extension.name()
                            + ". Platform admins attach extensions from a tenant's page."));
        }
    }

    /**
     * The summary, then per tenant its workspaces with their counts (one aggregate query); a workspace's
     * rows are read when it unfolds ({@link WhereUsedWorkspace}).
     */
    private void showUsages() {
        Map<String, List<UsageGroup>> byTenant = new LinkedHashMap<>();
        groups.forEach(g -> byTenant.computeIfAbsent(g.tenantFqn(), k -> new ArrayList<>()).add(g));
        Paragraph summary = new Paragraph(count(total, "attachment", "attachments") + " in "
                + count(byTenant.size(), "tenant", "tenants") + (admin ? "." : ". Only your tenants are shown.")
                + (total > UNFOLD_ALL_LIMIT ? " Unfold a workspace to list its gateways and security settings." : ""));
        summary.addClassName("where-used-summary");
        add(summary);
        boolean[] first = {true};
        byTenant.forEach((tenant, workspaces) -> {
            Div section = tenantSection(tenant, workspaces);
            for (UsageGroup group : workspaces) {
                section.add(new WhereUsedWorkspace(extension, group, total <= UNFOLD_ALL_LIMIT || first[0]));
                first[0] = false;
            }
            add(section);
        });
    }

    private Div tenantSection(String tenantFqn, List<UsageGroup> workspaces) {
        String tenantName = Fqn.nameOf(tenantFqn);
        H3 title = new H3();
        title.addClassName("where-used-tenant-title");
        Span label = new Span("Tenant");
        label.addClassName("where-used-level");
        title.add(label, routerLink("tenants/" + tenantName, tenantName, "Open tenant " + tenantName));
        Span count = new Span(count(workspaces.stream().mapToLong(UsageGroup::attachments).sum(), "attachment",
                "attachments") + " in " + count(workspaces.size(), "workspace", "workspaces"));
        count.addClassName("where-used-tenant-count");
        Div head = new Div(title, count);
        head.addClassName("where-used-tenant-head");
        Div section = new Div(head);
        section.addClassName("where-used-tenant");
        return section;
    }

    static Anchor routerLink(String href, String text, String title) {
        Anchor link = new Anchor(href, text);
        link.getElement().setAttribute("router-link", true);
        link.getElement().setAttribute("title", title);
        return link;
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("where-used-muted");
        return span;
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
