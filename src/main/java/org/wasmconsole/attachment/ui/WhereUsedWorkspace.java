package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GatewayTarget;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.attachment.WhereUsedService.UsageGroup;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.TableHeads;

/**
 * One workspace in "Where used": its name and how many attachments it holds (from the aggregate
 * count), folded or unfolded. Its rows are read when it first unfolds, {@link #FIRST_ROWS} at first
 * and {@link #MORE_ROWS} more on each "Show more", which says how many are not shown yet.
 */
final class WhereUsedWorkspace extends Div {

    /**
     * Rows a workspace's table shows at first, and how many more each "Show more" adds: an extension
     * attached 10,000 times would otherwise build some 200,000 elements into the session and the page
     * (docs/benchmarks.md, item 6).
     */
    static final int FIRST_ROWS = 20;
    static final int MORE_ROWS = 100;

    private final WhereUsedPanel.UsedExtension extension;
    private final UsageGroup group;
    private final Button toggle = new Button();
    private final Div content = new Div();
    private final Button more = new Button();
    private NativeTableBody body;
    private int shown;
    private boolean expanded;

    WhereUsedWorkspace(WhereUsedPanel.UsedExtension extension, UsageGroup group, boolean expanded) {
        this.extension = extension;
        this.group = group;
        addClassName("where-used-workspace");
        getElement().setAttribute("data-workspace", group.workspace());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("where-used-toggle");
        toggle.addClickListener(e -> setExpanded(!this.expanded));
        H4 title = new H4();
        title.addClassName("where-used-workspace-title");
        Span label = new Span("Workspace");
        label.addClassName("where-used-level");
        Span name = new Span(group.workspace());
        name.addClassName("where-used-workspace-name");
        name.addClickListener(e -> setExpanded(!this.expanded));
        Span count = new Span(WhereUsedPanel.count(group.attachments(), "attachment", "attachments"));
        count.addClassName("where-used-count");
        title.add(toggle, label, name, count);
        content.addClassName("where-used-workspace-content");
        add(title, content);
        setExpanded(expanded);
    }

    boolean isExpanded() {
        return expanded;
    }

    void setExpanded(boolean value) {
        expanded = value;
        if (value && body == null) {
            build();
        }
        content.setVisible(value);
        toggle.setIcon((value ? VaadinIcon.CHEVRON_DOWN_SMALL : VaadinIcon.CHEVRON_RIGHT_SMALL).create());
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(value));
        String what = "the attachments in workspace " + group.workspace() + " of " + group.tenantName();
        toggle.setAriaLabel((value ? "Hide " : "Show ") + what);
        toggle.getElement().setAttribute("title", (value ? "Hide " : "Show ") + what);
        getElement().setAttribute("data-expanded", String.valueOf(value));
    }

    private void build() {
        NativeTableHeader head = TableHeads.of("Gateway or setting", "Group", "Namespace", "Workload labels",
                "Config", "Match", "Istio");
        body = new NativeTableBody();
        NativeTable table = new NativeTable(head, body);
        table.addClassName("where-used-table");
        table.getElement().setAttribute("aria-label", "Attachments in workspace " + group.workspace());
        Div scroller = new Div(table);
        scroller.addClassName("where-used-table-scroller");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        more.addClassName("where-used-more");
        more.addClickListener(e -> showUpTo(shown + MORE_ROWS));
        content.add(scroller, more);
        showUpTo(FIRST_ROWS);
    }

    private void showUpTo(int n) {
        int wanted = n - shown;
        List<Usage> page = extension.page(group, shown, wanted);
        page.forEach(u -> body.add(row(u)));
        shown += page.size();
        // what is there now decides: the count was read before, and someone may have detached since
        long left = page.size() < wanted ? 0 : Math.max(0, group.attachments() - shown);
        more.setVisible(left > 0);
        more.setText("Show " + Math.min(MORE_ROWS, left) + " more (" + left + " of " + group.attachments()
                + " not shown yet)");
    }

    private NativeTableRow row(Usage usage) {
        GatewayTarget target = usage.target();
        Attachment attachment = usage.attachment();
        NativeTableRow row = new NativeTableRow();
        row.addClassName("where-used-row");
        row.getElement().setAttribute("data-target", usage.ref().fqn());

        Span kind = new Span(target.kind().label());
        kind.addClassName("where-used-kind");
        Component name = WhereUsedPanel.routerLink(WhereUsedPanel.targetLink(usage.ref()), target.name(),
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
        preview.setAriaLabel("Istio preview of " + extension.name() + " in " + target.name());
        preview.setTooltipText("The WasmPlugin Istio gets for this attachment");

        row.add(new NativeTableCell(targetCell), new NativeTableCell(code(target.group())),
                new NativeTableCell(code(target.namespace())), labels, new NativeTableCell(config),
                new NativeTableCell(match), new NativeTableCell(preview));
        return row;
    }

    private void openPreview(Usage usage) {
        IstioPreviewDialog dialog;
        try {
            AttachmentService attachments = extension.attachments();
            dialog = new IstioPreviewDialog(usage.ref(), extension.name(), attachments.defaultIstioKind(),
                    kind -> List.of(attachments.preview(usage.ref(), extension.fqn(), kind)));
        } catch (NotFoundException e) {
            Notify.warning(extension.name() + " is no longer attached in " + usage.target().name()
                    + ": it was changed since this page was opened. Reload to see where it is used now.");
            return;
        }
        dialog.open();
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
}
