package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.actions;
import static org.wasmconsole.attachment.ui.TopologyWidgets.confirm;
import static org.wasmconsole.attachment.ui.TopologyWidgets.lightAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.lightDeleteAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.muted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.ConfirmDialogs;

/**
 * One gateway or security setting on the tenant page: its kind, namespace and labels, its
 * attachments in order, and (for admins) attach, edit, detach and delete.
 */
final class TargetCard extends Div {

    private final TopologyContext context;
    private final GroupInfo group;
    private final StoredTarget target;

    TargetCard(TopologyContext context, GroupInfo group, StoredTarget target) {
        this.context = context;
        this.group = group;
        this.target = target;
        boolean canEdit = context.canEdit();
        AttachmentService attachments = context.attachments();
        TargetDefinition d = target.definition();
        TargetRef ref = target.ref();
        addClassName("target-card");
        getElement().setAttribute("data-fqn", ref.fqn());
        setId("target-" + Integer.toHexString(ref.fqn().hashCode()));

        Span kind = new Span(ref.kind().label());
        kind.getElement().getThemeList().add("badge contrast small");
        kind.addClassName("target-kind");
        Span name = new Span(ref.name());
        name.addClassName("target-name");
        Div title = new Div(kind, name);
        title.addClassName("topology-title");
        if (d.displayName() != null && !d.displayName().isBlank()) {
            title.add(muted(d.displayName(), "topology-display-name"));
        }
        Div head = new Div(title);
        head.addClassName("target-head");
        Div buttons = actions();
        if (canEdit) {
            Button attach = lightAction("Attach extension…", "Attach an extension to " + ref.name(), VaadinIcon.PLUG,
                    () -> AttachDialog.attach(attachments, context.extensions(), target, context.saved()).open());
            attach.addClassName("attach-button");
            buttons.add(attach);
        }
        if (!d.attachments().isEmpty()) {
            buttons.add(lightAction("Preview all", "Preview all WasmPlugins of " + ref.name(), VaadinIcon.EYE,
                    this::previewAll));
        }
        if (canEdit) {
            buttons.add(lightAction(null, "Edit " + ref.name(), VaadinIcon.EDIT, () -> TargetDialog.edit(attachments,
                            group, target, context.saved()).open()),
                    lightDeleteAction("Delete " + ref.name(), this::confirmDelete));
        }
        head.add(buttons);

        Div selector = new Div();
        selector.addClassName("target-selector");
        Span nsLabel = muted("Namespace", "target-field-label");
        Span ns = new Span(d.namespace());
        ns.addClassName("target-namespace");
        Span labelsLabel = muted("Labels", "target-field-label");
        selector.add(nsLabel, ns, labelsLabel);
        if (d.labels().isEmpty()) {
            selector.add(muted("none: every workload of the namespace", "target-no-labels"));
        } else {
            d.labels().forEach((k, v) -> {
                Span chip = new Span(k + "=" + v);
                chip.addClassName("target-label");
                selector.add(chip);
            });
        }
        add(head, selector);

        if (d.attachments().isEmpty()) {
            Div none = new Div(canEdit ? "No extensions attached. Use \"Attach extension…\" to switch one on"
                    + " here." : "No extensions attached.");
            none.addClassName("target-no-attachments");
            add(none);
        } else {
            OrderedList list = new OrderedList();
            list.addClassName("attachment-list");
            list.getElement().setAttribute("aria-label", "Extensions attached to " + ref.name());
            for (Attachment a : d.attachments()) {
                list.add(attachmentRow(a));
            }
            add(list);
        }
        addIfPresent(TargetExtras.filterChain(target, context.chains()));
        addIfPresent(TargetExtras.keptFields(target));
    }

    private void addIfPresent(com.vaadin.flow.component.Component component) {
        if (component != null) {
            add(component);
        }
    }

    /**
     * One attachment: number, extension (link and display name), config badge, match and the labelled
     * actions. What is only shown is one element of static HTML (its parts take part in the row's grid:
     * {@code display: contents}), the actions are {@link TopologyWidgets#lightAction}s: ~6 elements a row
     * instead of ~16 (docs/benchmarks.md, item 6), the same text, links and buttons.
     */
    private ListItem attachmentRow(Attachment a) {
        String name = TopologyText.extensionName(a.fqn());
        String display = context.displayName(a.fqn());
        Span info = new Span();
        info.addClassName("attachment-info");
        info.getElement().setProperty("innerHTML", infoHtml(a, name, display));
        Div buttons = actions(lightAction("Preview", "Preview " + name + " in " + target.ref().name(),
                VaadinIcon.EYE, () -> preview(a)));
        if (context.canEdit()) {
            Button detach = lightAction("Detach", "Detach " + name + " from " + target.ref().name(),
                    VaadinIcon.UNLINK, () -> confirmDetach(a));
            detach.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
            buttons.add(lightAction("Edit", "Edit " + name + " in " + target.ref().name(), VaadinIcon.EDIT,
                            () -> AttachDialog.edit(context.attachments(), context.extensions(), target, a,
                                    context.saved()).open()), detach);
        }
        ListItem item = new ListItem(info, buttons);
        item.addClassName("attachment-row");
        item.getElement().setAttribute("data-extension", a.fqn());
        return item;
    }

    /** The extension's link (a router link, as the Anchors elsewhere), its display name, config badge and match. */
    private static String infoHtml(Attachment a, String name, String display) {
        StringBuilder html = new StringBuilder("<div class=\"attachment-who\"><a class=\"attachment-extension\""
                + " router-link href=\"extensions/").append(HtmlUtils.htmlEscape(name)).append("\">")
                .append(HtmlUtils.htmlEscape(name)).append("</a>");
        if (!display.isBlank()) {
            html.append("<span class=\"topology-muted attachment-display-name\">").append(HtmlUtils.htmlEscape(display))
                    .append("</span>");
        }
        html.append("</div>");
        boolean own = a.overridesConfig();
        html.append("<span class=\"attachment-config\" theme=\"").append(own ? "badge small" : "badge contrast small")
                .append("\" title=\"").append(own ? "This attachment replaces the extension's config"
                        : "The plugin gets the extension's config").append("\">")
                .append(own ? "own config" : "extension's config").append("</span>");
        html.append("<span class=\"attachment-match ").append(a.overridesMatch() ? "own-match" : "extensions-match")
                .append("\">").append(HtmlUtils.htmlEscape(TopologyText.matchSummary(a))).append("</span>");
        return html.toString();
    }

    private void preview(Attachment a) {
        try {
            var service = context.attachments();
            new IstioPreviewDialog(target.ref(), TopologyText.extensionName(a.fqn()), service.defaultIstioKind(),
                    kind -> List.of(service.preview(target.ref(), a.fqn(), kind))).open();
        } catch (NotFoundException ex) {
            Notify.error("No preview: " + ex.getMessage() + " is gone (changed by someone else?)");
            context.refresh().accept(target.ref().workspace());
        }
    }

    private void previewAll() {
        try {
            var service = context.attachments();
            new IstioPreviewDialog(target.ref(), null, service.defaultIstioKind(),
                    kind -> service.previews(target.ref(), kind)).open();
        } catch (NotFoundException ex) {
            Notify.error("No preview: " + ex.getMessage() + " is gone (deleted by someone else?)");
            context.refresh().accept(target.ref().workspace());
        }
    }

    private void confirmDetach(Attachment a) {
        String name = TopologyText.extensionName(a.fqn());
        TargetRef ref = target.ref();
        ConfirmDialog dialog = ConfirmDialogs.destructive("Detach");
        dialog.addClassName("detach-dialog");
        dialog.setHeader("Detach " + name + " from " + ref.name() + "?");
        dialog.setText(new Div(new Paragraph(name + " stops running in " + ref.kind().label() + " " + ref.name()
                + ": Istio removes its WasmPlugin from namespace " + target.definition().namespace() + "."
                + (a.overridesConfig() || a.overridesMatch()
                ? " The attachment's own config and match selectors are lost." : "")),
                new Paragraph("The extension itself stays in the catalogue.")));
        dialog.addConfirmListener(e -> {
            try {
                StoredTarget saved = context.attachments().detach(ref, a.fqn(), target.etag());
                Notify.success("Detached " + name + " from " + ref.name());
                context.saved().accept(saved);
            } catch (ConflictException | NotFoundException ex) {
                Notify.error("Nothing was detached: " + ex.getMessage());
                context.refresh().accept(target.ref().workspace());
            }
        });
        dialog.open();
    }

    private void confirmDelete() {
        TargetRef ref = target.ref();
        List<Attachment> list = target.definition().attachments();
        String attachedText = list.isEmpty() ? "It has no attachments."
                : "Its " + TopologyText.count(list.size(), "attachment", "attachments") + " go"
                + (list.size() == 1 ? "es" : "") + " with it: " + String.join(", ",
                list.stream().map(a -> TopologyText.extensionName(a.fqn())).toList()) + ".";
        ConfirmDialog dialog = confirm("Delete " + ref.kind().label() + " " + ref.name() + "?",
                "Deletes " + ref.kind().label() + " " + ref.name() + " of " + group.name() + ". " + attachedText,
                "Delete", list.size());
        dialog.addClassName("delete-target-dialog");
        dialog.addConfirmListener(e -> {
            try {
                context.attachments().delete(ref, target.etag());
                Notify.success("Deleted " + ref.kind().label() + " " + ref.name());
            } catch (ConflictException | NotFoundException ex) {
                Notify.error("Nothing was deleted: " + ex.getMessage());
            }
            context.refresh().accept(target.ref().workspace());
        });
        dialog.open();
    }
}
