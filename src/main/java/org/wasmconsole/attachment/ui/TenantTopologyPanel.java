package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TenantTopology;
import org.wasmconsole.attachment.TenantTopology.GroupNode;
import org.wasmconsole.attachment.TenantTopology.WorkspaceNode;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;

/**
 * "Workspaces and gateways" of a tenant's page: its workspaces, their gateway and security groups,
 * the gateways and security settings in them and each one's attachments in list order. Admins
 * create, edit, attach and delete from here; operators of the tenant read it and open the Istio
 * previews. Workspaces fold: their content is built when first unfolded, so that a tenant with
 * many workspaces stays light in the session. Read in four queries ({@link TopologyService#topology}).
 */
@StyleSheet("context://themes/console/attachments.css")
public class TenantTopologyPanel extends Div {

    /** Up to this many gateways and security settings in all, every workspace starts unfolded. */
    static final int UNFOLD_ALL_LIMIT = 12;

    private final TopologyService topologyService;
    private final AttachmentService attachments;
    private final ExtensionService extensions;
    private final String tenantFqn;
    private final String tenantName;
    private final boolean canEdit;
    private final Span count = new Span();
    private final Div body = new Div();
    private final Button expandAll = new Button("Expand all");
    private final Button collapseAll = new Button("Collapse all");
    private final Set<String> expanded = new HashSet<>();
    private final Map<String, WorkspaceBlock> blocks = new HashMap<>();
    private Map<String, String> displayNames = Map.of();
    private TenantTopology topology;
    private boolean firstLoad = true;
    private String highlighted;

    /**
     * @param canEdit whether to offer the write actions (admins); the services refuse others anyway
     */
    public TenantTopologyPanel(TopologyService topology, AttachmentService attachments, ExtensionService extensions,
                               String tenantFqn, boolean canEdit) {
        this.topologyService = topology;
        this.attachments = attachments;
        this.extensions = extensions;
        this.tenantFqn = tenantFqn;
        this.tenantName = tenantFqn.substring(tenantFqn.lastIndexOf('/') + 1);
        this.canEdit = canEdit;
        addClassNames("tenant-section", "topology-section");

        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        expandAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        collapseAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        expandAll.addClickListener(e -> setAllExpanded(true));
        collapseAll.addClickListener(e -> setAllExpanded(false));
        Div head = new Div(new H3("Workspaces and gateways"), count, spacer, expandAll, collapseAll);
        head.addClassNames("section-header", "topology-header");
        if (canEdit) {
            Button newWorkspace = new Button("New workspace…", VaadinIcon.PLUS.create(),
                    e -> new GroupDialog(topologyService, tenantFqn, null, null, fqn -> {
                        expanded.add(fqn.substring(fqn.lastIndexOf('/') + 1));
                        refresh();
                    }).open());
            newWorkspace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newWorkspace.addClassName("new-workspace");
            head.add(newWorkspace);
        }
        Paragraph note = new Paragraph("Where extensions run in " + tenantName + ": each gateway or security setting"
                + " lists the extensions attached to it, in order. An attached extension becomes an Istio WasmPlugin"
                + " in the gateway's namespace; \"Preview\" shows it."
                + (canEdit ? "" : " You can read this section; platform admins change it."));
        note.addClassName("section-note");
        body.addClassName("topology-body");
        add(head, note, body);
        refresh();
    }

    /** Reads the tenant's topology again and shows it, keeping what was unfolded. */
    public void refresh() {
        topology = topologyService.topology(tenantFqn);
        displayNames = topology.attachmentCount() == 0 ? Map.of() : loadDisplayNames();
        if (firstLoad) {
            firstLoad = false;
            if (topology.targetCount() <= UNFOLD_ALL_LIMIT) {
                topology.workspaces().forEach(w -> expanded.add(w.workspace().name()));
            } else if (!topology.workspaces().isEmpty()) {
                expanded.add(topology.workspaces().getFirst().workspace().name());
            }
        }
        long groups = topology.workspaces().stream().mapToLong(w -> w.groups().size()).sum();
        count.setText(TopologyText.count(topology.workspaces().size(), "workspace", "workspaces") + " · "
                + TopologyText.count(groups, "group", "groups") + " · "
                + targetCounts(topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).toList()) + " · "
                + TopologyText.count(topology.attachmentCount(), "attachment", "attachments"));
        body.removeAll();
        blocks.clear();
        boolean several = topology.workspaces().size() > 1;
        expandAll.setVisible(several);
        collapseAll.setVisible(several);
        if (topology.workspaces().isEmpty()) {
            body.add(empty(canEdit
                    ? "No workspaces yet. Create one with \"New workspace…\" to add gateway groups and security"
                    + " groups, then gateways to attach extensions to."
                    : "No workspaces yet. A platform admin creates them, with the gateways that extensions are"
                    + " attached to."));
            return;
        }
        for (WorkspaceNode node : topology.workspaces()) {
            WorkspaceBlock block = new WorkspaceBlock(node);
            blocks.put(node.workspace().name(), block);
            body.add(block);
        }
        if (highlighted != null) {
            highlight(highlighted, false);
        }
    }

    /** Extension display names for the attachment rows: one query, whatever the number of attachments. */
    private Map<String, String> loadDisplayNames() {
        Map<String, String> names = new HashMap<>();
        String organization = tenantFqn.split("/")[1];
        extensions.list(new ExtensionFilter(organization, null, null, null, tenantFqn), PageRequest.of(0, 1000))
                .forEach(s -> names.put(s.fqn(), s.displayName() == null ? "" : s.displayName()));
        return names;
    }

    /**
     * Unfolds the workspace of the target with this FQN, marks the target and scrolls to it (the
     * {@code ?target=} deep link); false when the tenant has no such target.
     */
    public boolean reveal(String targetFqn) {
        return highlight(targetFqn, true);
    }

    private boolean highlight(String targetFqn, boolean scroll) {
        Optional<StoredTarget> found = findTarget(targetFqn);
        if (found.isEmpty()) {
            return false;
        }
        highlighted = targetFqn;
        WorkspaceBlock block = blocks.get(found.get().ref().workspace());
        block.setExpanded(true);
        block.cards.values().forEach(c -> c.removeClassName("target-highlight"));
        TargetCard card = block.cards.get(targetFqn);
        if (card != null) {
            card.addClassName("target-highlight");
            if (scroll) {
                card.getElement().executeJs("const el = this; requestAnimationFrame(() =>"
                        + " el.scrollIntoView({block: 'center', behavior: 'instant'}));");
            }
        }
        return true;
    }

    private Optional<StoredTarget> findTarget(String fqn) {
        return topology.workspaces().stream().flatMap(w -> w.groups().stream()).flatMap(g -> g.targets().stream())
                .filter(t -> t.ref().fqn().equals(fqn)).findFirst();
    }

    private void setAllExpanded(boolean value) {
        blocks.values().forEach(b -> b.setExpanded(value));
    }

    private static Div empty(String text) {
        Div empty = new Div(text);
        empty.addClassNames("section-empty", "topology-empty");
        return empty;
    }

    private static Button action(String text, VaadinIcon icon, Runnable onClick) {
        Button button = new Button(text, icon == null ? null : icon.create(), e -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static Button iconAction(String label, VaadinIcon icon, Runnable onClick) {
        Button button = new Button(icon.create(), e -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    private static Button deleteAction(String label, Runnable onClick) {
        Button button = iconAction(label, VaadinIcon.TRASH, onClick);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }

    private static Div actions(Component... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("topology-actions");
        return actions;
    }

    private static Span muted(String text, String className) {
        Span span = new Span(text);
        span.addClassNames("topology-muted", className);
        return span;
    }

    /** After a change: shown again, and the changed target flashes once. */
    private void saved(StoredTarget target) {
        refresh();
        blocks.values().stream().map(b -> b.cards.get(target.ref().fqn())).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(card -> card.addClassName("target-flash"));
    }

    // --- workspace -------------------------------------------------------------------------------------

    private final class WorkspaceBlock extends Div {

        final WorkspaceNode node;
        final Button toggle = new Button();
        final Div content = new Div();
        final Map<String, TargetCard> cards = new HashMap<>();
        boolean built;

        WorkspaceBlock(WorkspaceNode node) {
            this.node = node;
            WorkspaceInfo ws = node.workspace();
            addClassName("workspace-block");
            getElement().setAttribute("data-fqn", ws.fqn());
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
            toggle.addClassName("workspace-toggle");
            toggle.addClickListener(e -> setExpanded(!isExpanded()));
            Span kind = muted("Workspace", "topology-kind");
            H4 name = new H4(ws.name());
            name.addClassName("workspace-name");
            name.addClickListener(e -> setExpanded(!isExpanded()));
            Div title = new Div(toggle, kind, name);
            title.addClassName("topology-title");
            if (ws.displayName() != null && !ws.displayName().isBlank()) {
                title.add(muted(ws.displayName(), "topology-display-name"));
            }
            List<StoredTarget> targets = node.groups().stream().flatMap(g -> g.targets().stream()).toList();
            long attached = attachmentCount(targets);
            title.add(muted(TopologyText.count(node.groups().size(), "group", "groups") + " · "
                    + targetCounts(targets) + " · "
                    + TopologyText.count(attached, "attachment", "attachments"), "topology-counts"));
            Div head = new Div(title);
            head.addClassName("workspace-head");
            if (canEdit) {
                head.add(actions(
                        action("New group…", VaadinIcon.PLUS, () -> new GroupDialog(topologyService, tenantFqn, ws,
                                GroupKind.GATEWAY, fqn -> refresh()).open()),
                        deleteAction("Delete workspace " + ws.name(), this::confirmDelete)));
            }
            content.addClassName("workspace-content");
            add(head, content);
            setExpanded(expanded.contains(ws.name()));
        }

        boolean isExpanded() {
            return expanded.contains(node.workspace().name());
        }

        void setExpanded(boolean value) {
            String name = node.workspace().name();
            if (value) {
                expanded.add(name);
                if (!built) {
                    build();
                }
            } else {
                expanded.remove(name);
            }
            content.setVisible(value);
            toggle.setIcon((value ? VaadinIcon.CHEVRON_DOWN_SMALL : VaadinIcon.CHEVRON_RIGHT_SMALL).create());
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(value));
            toggle.setAriaLabel((value ? "Fold workspace " : "Unfold workspace ") + name);
            toggle.setTooltipText(value ? "Fold " + name : "Unfold " + name);
            getElement().setAttribute("data-expanded", String.valueOf(value));
        }

        private void build() {
            built = true;
            if (node.groups().isEmpty()) {
                content.add(empty(canEdit
                        ? "No groups in " + node.workspace().name() + " yet. Add a gateway group or a security group"
                        + " with \"New group…\"."
                        : "No groups in " + node.workspace().name() + " yet."));
                return;
            }
            for (GroupNode group : node.groups()) {
                content.add(new GroupBlock(this, group));
            }
        }

        private void confirmDelete() {
            WorkspaceInfo ws = node.workspace();
            List<StoredTarget> targets = node.groups().stream().flatMap(g -> g.targets().stream()).toList();
            ConfirmDialog dialog = confirm("Delete workspace " + ws.name() + "?",
                    "Deletes workspace " + ws.name() + (node.groups().isEmpty() ? " (it has no groups)."
                            : " with everything in it: " + TopologyText.count(node.groups().size(), "group", "groups")
                            + (targets.isEmpty() ? " (no gateways or security settings)." : " and "
                            + contents(targets) + ".")),
                    "Delete workspace", attachmentCount(targets));
            dialog.addClassName("delete-workspace-dialog");
            dialog.addConfirmListener(e -> {
                try {
                    topologyService.deleteWorkspace(tenantFqn, ws.name());
                    Feedback.success("Deleted workspace " + ws.name());
                } catch (NotFoundException | ConflictException ex) {
                    Feedback.error("Nothing was deleted: " + ex.getMessage());
                }
                expanded.remove(ws.name());
                refresh();
            });
            dialog.open();
        }
    }

    /** "2 gateways · 1 security setting", "0 gateways". */
    static String targetCounts(List<StoredTarget> targets) {
        long gateways = targets.stream().filter(t -> t.ref().kind().isGateway()).count();
        long settings = targets.size() - gateways;
        if (settings == 0) {
            return TopologyText.count(gateways, "gateway", "gateways");
        }
        String s = TopologyText.count(settings, "security setting", "security settings");
        return gateways == 0 ? s : TopologyText.count(gateways, "gateway", "gateways") + " · " + s;
    }

    private static long attachmentCount(List<StoredTarget> targets) {
        return targets.stream().mapToLong(t -> t.definition().attachments().size()).sum();
    }

    /** "3 gateways and their 5 attachments", "1 security setting (no attachments)"; never empty. */
    static String contents(List<StoredTarget> targets) {
        long gateways = targets.stream().filter(t -> t.ref().kind().isGateway()).count();
        long settings = targets.size() - gateways;
        long attached = targets.stream().mapToLong(t -> t.definition().attachments().size()).sum();
        String what;
        if (settings == 0) {
            what = TopologyText.count(gateways, "gateway", "gateways");
        } else if (gateways == 0) {
            what = TopologyText.count(settings, "security setting", "security settings");
        } else {
            what = TopologyText.count(gateways, "gateway", "gateways") + ", "
                    + TopologyText.count(settings, "security setting", "security settings");
        }
        String their = targets.size() == 1 ? "its" : "their";
        return what + (attached == 0 ? " (no attachments)" : " and " + their + " "
                + TopologyText.count(attached, "attachment", "attachments"));
    }

    private static ConfirmDialog confirm(String header, String text, String confirmText, long attachmentCount) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(new Div(new Paragraph(text), new Paragraph((attachmentCount == 0 ? ""
                : attachmentCount == 1 ? "Istio removes the WasmPlugin of that attachment; the extension stays in the"
                + " catalogue. " : "Istio removes the WasmPlugins of those attachments; the extensions stay in the"
                + " catalogue. ") + "This cannot be undone.")));
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        return dialog;
    }

    // --- group -----------------------------------------------------------------------------------------

    private final class GroupBlock extends Div {

        GroupBlock(WorkspaceBlock workspace, GroupNode node) {
            GroupInfo group = node.group();
            boolean gateway = group.kind() == GroupKind.GATEWAY;
            addClassNames("group-block", gateway ? "gateway-group" : "security-group");
            getElement().setAttribute("data-fqn", group.fqn());
            Icon icon = (gateway ? VaadinIcon.CLUSTER : VaadinIcon.SHIELD).create();
            icon.addClassName("topology-icon");
            H4 name = new H4(group.name());
            name.addClassName("group-name");
            Div title = new Div(icon, muted(group.kind().label(), "topology-kind"), name);
            title.addClassName("topology-title");
            if (group.displayName() != null && !group.displayName().isBlank()) {
                title.add(muted(group.displayName(), "topology-display-name"));
            }
            title.add(muted(gateway ? TopologyText.count(node.targets().size(), "gateway", "gateways")
                    : TopologyText.count(node.targets().size(), "security setting", "security settings"),
                    "topology-counts"));
            Div head = new Div(title);
            head.addClassName("group-head");
            String newText = gateway ? "New gateway…" : "New security setting…";
            if (canEdit) {
                head.add(actions(
                        action(newText, VaadinIcon.PLUS, () -> TargetDialog.create(attachments, group,
                                TenantTopologyPanel.this::saved).open()),
                        deleteAction("Delete " + group.kind().label().toLowerCase() + " " + group.name(),
                                () -> confirmDelete(node))));
            }
            add(head);
            if (node.targets().isEmpty()) {
                add(empty(gateway
                        ? "No gateways in " + group.name() + " yet." + (canEdit ? " Add an Ingress, Egress or Tier-1"
                        + " gateway with \"" + newText + "\", then attach extensions to it." : "")
                        : "No security settings in " + group.name() + " yet." + (canEdit ? " Add one with \""
                        + newText + "\", then attach extensions to it." : "")));
                return;
            }
            Div list = new Div();
            list.addClassName("target-list");
            for (StoredTarget target : node.targets()) {
                TargetCard card = new TargetCard(group, target);
                workspace.cards.put(target.ref().fqn(), card);
                list.add(card);
            }
            add(list);
        }

        private void confirmDelete(GroupNode node) {
            GroupInfo group = node.group();
            String label = group.kind().label().toLowerCase();
            ConfirmDialog dialog = confirm("Delete " + label + " " + group.name() + "?",
                    "Deletes " + label + " " + group.name() + " of workspace " + group.workspace()
                            + (node.targets().isEmpty() ? " (it is empty)." : " with " + contents(node.targets()) + "."),
                    "Delete group",
                    attachmentCount(node.targets()));
            dialog.addClassName("delete-group-dialog");
            dialog.addConfirmListener(e -> {
                try {
                    topologyService.deleteGroup(tenantFqn, group.workspace(), group.kind(), group.name());
                    Feedback.success("Deleted " + label + " " + group.name());
                } catch (NotFoundException | ConflictException ex) {
                    Feedback.error("Nothing was deleted: " + ex.getMessage());
                }
                refresh();
            });
            dialog.open();
        }
    }

    // --- gateway or security setting ----------------------------------------------------------------------

    private final class TargetCard extends Div {

        private final GroupInfo group;
        private final StoredTarget target;

        TargetCard(GroupInfo group, StoredTarget target) {
            this.group = group;
            this.target = target;
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
                        extensions, target, TenantTopologyPanel.this::saved).open());
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
                                group, target, TenantTopologyPanel.this::saved).open()),
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
        }

        private ListItem attachmentRow(Attachment a) {
            String name = TopologyText.extensionName(a.fqn());
            Anchor link = new Anchor("extensions/" + name, name);
            link.getElement().setAttribute("router-link", true);
            link.addClassName("attachment-extension");
            Div who = new Div(link);
            who.addClassName("attachment-who");
            String display = displayNames.getOrDefault(a.fqn(), "");
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
            Div buttons = actions(iconAction("Preview " + name + " in " + target.ref().name(), VaadinIcon.EYE,
                    () -> preview(a)));
            if (canEdit) {
                buttons.add(iconAction("Edit " + name + " in " + target.ref().name(), VaadinIcon.EDIT,
                                () -> AttachDialog.edit(attachments, extensions, target, a,
                                        TenantTopologyPanel.this::saved).open()),
                        iconAction("Detach " + name + " from " + target.ref().name(), VaadinIcon.UNLINK,
                                () -> confirmDetach(a)));
            }
            ListItem item = new ListItem(who, config, match, buttons);
            item.addClassName("attachment-row");
            item.getElement().setAttribute("data-extension", a.fqn());
            return item;
        }

        private void preview(Attachment a) {
            try {
                String yaml = attachments.preview(target.ref(), a.fqn());
                new IstioPreviewDialog(target.ref(), TopologyText.extensionName(a.fqn()), yaml).open();
            } catch (NotFoundException ex) {
                Feedback.error("No preview: " + ex.getMessage() + " is gone (changed by someone else?)");
                refresh();
            }
        }

        private void previewAll() {
            try {
                new IstioPreviewDialog(target.ref(), null, attachments.previewAll(target.ref())).open();
            } catch (NotFoundException ex) {
                Feedback.error("No preview: " + ex.getMessage() + " is gone (deleted by someone else?)");
                refresh();
            }
        }

        private void confirmDetach(Attachment a) {
            String name = TopologyText.extensionName(a.fqn());
            TargetRef ref = target.ref();
            ConfirmDialog dialog = new ConfirmDialog();
            dialog.addClassName("detach-dialog");
            dialog.setHeader("Detach " + name + " from " + ref.name() + "?");
            dialog.setText(new Div(new Paragraph(name + " stops running in " + ref.kind().label() + " " + ref.name()
                    + ": Istio removes its WasmPlugin from namespace " + target.definition().namespace() + "."
                    + (a.overridesConfig() || a.overridesMatch()
                    ? " The attachment's own config and match selectors are lost." : "")),
                    new Paragraph("The extension itself stays in the catalogue.")));
            dialog.setCancelable(true);
            dialog.setConfirmText("Detach");
            dialog.setConfirmButtonTheme("error primary");
            dialog.addConfirmListener(e -> {
                try {
                    StoredTarget saved = attachments.detach(ref, a.fqn(), target.etag());
                    Feedback.success("Detached " + name + " from " + ref.name());
                    saved(saved);
                } catch (ConflictException | NotFoundException ex) {
                    Feedback.error("Nothing was detached: " + ex.getMessage());
                    refresh();
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
                    attachments.delete(ref, target.etag());
                    Feedback.success("Deleted " + ref.kind().label() + " " + ref.name());
                } catch (ConflictException | NotFoundException ex) {
                    Feedback.error("Nothing was deleted: " + ex.getMessage());
                }
                refresh();
            });
            dialog.open();
        }
    }
}
