package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.action;
import static org.wasmconsole.attachment.ui.TopologyWidgets.actions;
import static org.wasmconsole.attachment.ui.TopologyWidgets.confirm;
import static org.wasmconsole.attachment.ui.TopologyWidgets.deleteAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.iconAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.labelledAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.muted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
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
            Button attach = action("Attach extension…", VaadinIcon.PLUG, () -> AttachDialog.attach(attachments,
                    context.extensions(), target, context.saved()).open());
            attach.addClassName("attach-button");
            attach.setAriaLabel("Attach an extension to " + ref.name());
            buttons.add(attach);
        }
        if (!d.attachments().isEmpty()) {
            Button all = action("Preview all", VaadinIcon.EYE, this::previewAll);
            all.setAriaLabel("Preview all WasmPlugins of " + ref.name());
            all.setTooltipText("The WasmPlugins Istio gets for every attachment of " + ref.name());
            buttons.add(all);
        }
        if (canEdit) {
            buttons.add(iconAction("Edit " + ref.name(), VaadinIcon.EDIT, () -> TargetDialog.edit(attachments,
                            group, target, context.saved()).open()),
                    deleteAction("Delete " + ref.name(), this::confirmDelete));
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

    private ListItem attachmentRow(Attachment a) {
        String name = TopologyText.extensionName(a.fqn());
        Anchor link = new Anchor("extensions/" + name, name);
        link.getElement().setAttribute("router-link", true);
        link.addClassName("attachment-extension");
        Div who = new Div(link);
        who.addClassName("attachment-who");
        String display = context.displayName(a.fqn());
        if (!display.isBlank()) {
            who.add(muted(display, "attachment-display-name"));
        }
        Span config = new Span(a.overridesConfig() ? "own config" : "extension's config");
        config.getElement().getThemeList().add(a.overridesConfig() ? "badge small" : "badge contrast small");
        config.addClassName("attachment-config");
        config.getElement().setAttribute("title", a.overridesConfig()
                ? "This attachment replaces the extension's config" : "The plugin gets the extension's config");
        Span match = new Span(TopologyText.matchSummary(a));
        match.addClassNames("attachment-match", a.overridesMatch() ? "own-match" : "extensions-match");
        Div buttons = actions(labelledAction("Preview", "Preview " + name + " in " + target.ref().name(),
                VaadinIcon.EYE, () -> preview(a)));
        if (context.canEdit()) {
            Button detach = labelledAction("Detach", "Detach " + name + " from " + target.ref().name(),
                    VaadinIcon.UNLINK, () -> confirmDetach(a));
            detach.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
            buttons.add(labelledAction("Edit", "Edit " + name + " in " + target.ref().name(), VaadinIcon.EDIT,
                            () -> AttachDialog.edit(context.attachments(), context.extensions(), target, a,
                                    context.saved()).open()), detach);
        }
        ListItem item = new ListItem(who, config, match, buttons);
        item.addClassName("attachment-row");
        item.getElement().setAttribute("data-extension", a.fqn());
        return item;
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
