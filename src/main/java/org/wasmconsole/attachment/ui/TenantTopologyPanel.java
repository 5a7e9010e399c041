package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.action;
import static org.wasmconsole.attachment.ui.TopologyWidgets.actions;
import static org.wasmconsole.attachment.ui.TopologyWidgets.confirm;
import static org.wasmconsole.attachment.ui.TopologyWidgets.deleteAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.empty;
import static org.wasmconsole.attachment.ui.TopologyWidgets.muted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TenantTopology;
import org.wasmconsole.attachment.TenantTopology.GroupNode;
import org.wasmconsole.attachment.TenantTopology.WorkspaceNode;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.Fqn;

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
    private final Button tenantOutput;
    private final Set<String> expanded = new HashSet<>();
    private final Map<String, WorkspaceBlock> blocks = new HashMap<>();
    private Map<String, String> displayNames = Map.of();
    /** Attached extensions by FQN, for the cards' filter chains: read per workspace as it is first unfolded. */
    private final TopologyContext context;
    private TenantTopology topology;
    private boolean firstLoad = true;
    private final DefaultSettingsPanel defaults;
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
        this.tenantName = Fqn.nameOf(tenantFqn);
        this.canEdit = canEdit;
        this.context = new TopologyContext(attachments, extensions, canEdit, this::saved, this::refresh,
                fqn -> displayNames.getOrDefault(fqn, ""),
                com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator()
                        .getOrCreate(org.wasmconsole.attachment.FilterChainService.class));
        addClassNames("tenant-section", "topology-section");

        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        expandAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        collapseAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        expandAll.addClickListener(e -> setAllExpanded(true));
        collapseAll.addClickListener(e -> setAllExpanded(false));
        tenantOutput = TopologyWidgets.istioOutput(attachments, tenantFqn, null);
        Div head = new Div(new H3("Workspaces and gateways"), count, spacer, expandAll, collapseAll, tenantOutput);
        head.addClassNames("section-header", "topology-header");
        if (canEdit) {
            Button newWorkspace = new Button("New workspace…", VaadinIcon.PLUS.create(),
                    e -> new GroupDialog(topologyService, tenantFqn, null, null, fqn -> {
                        expanded.add(Fqn.nameOf(fqn));
                        refresh();
                    }).open());
            newWorkspace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newWorkspace.addClassName("new-workspace");
            head.add(newWorkspace);
        }
        Paragraph note = new Paragraph("Where extensions run in " + tenantName + ": each gateway or security setting"
                + " lists the extensions attached to it, in order. An attached extension becomes an Istio WasmPlugin"
                + " in the gateway's namespace; \"Preview\" shows it, checked against Istio's own schema, and"
                + " \"Istio output\" gives a whole workspace or tenant as one stream for kubectl."
                + (canEdit ? "" : " You can read this section; platform admins change it."));
        note.addClassName("section-note");
        body.addClassName("topology-body");
        // The default settings sit right under the workspaces they reach. The service comes from Spring
        // through Vaadin's instantiator, so that the tenant page (being recomposed from contributed
        // sections, issue #15) needs no new constructor argument for it.
        defaults = new DefaultSettingsPanel(com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator()
                .getOrCreate(org.wasmconsole.attachment.DefaultSettingService.class), topology, extensions, tenantFqn,
                canEdit);
        add(head, note, body, defaults);
        refresh();
    }

    /** Reads the tenant's topology again and shows it, keeping what was unfolded. */
    public void refresh() {
        topology = topologyService.topology(tenantFqn);
        if (defaults != null) {
            defaults.refresh(); // a workspace added or deleted has its own default setting block
        }
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
                + TopologyText.targetCounts(topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).toList()) + " · "
                + TopologyText.count(topology.attachmentCount(), "attachment", "attachments"));
        body.removeAll();
        blocks.clear();
        boolean several = topology.workspaces().size() > 1;
        expandAll.setVisible(several);
        tenantOutput.setVisible(topology.attachmentCount() > 0);
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

    /**
     * Extension display names for the attachment rows, by extension FQN: only the extensions attached
     * here, however many (the catalogue's first 1,000 used to be read, and rows past them lost their names).
     */
    private Map<String, String> loadDisplayNames() {
        String organization = Fqn.tenantOf(tenantFqn).organization();
        List<String> attached = topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).flatMap(t -> t.definition().attachments().stream())
                .map(a -> Fqn.tryParse(a.fqn(), Fqn.Level.EXTENSION).orElse(null))
                .filter(x -> x != null && x.organization().equals(organization)).map(Fqn::extension)
                .distinct().toList();
        Map<String, String> names = new HashMap<>();
        extensions.displayNames(organization, attached).forEach((name, displayName) -> names.put(
                Fqn.extension(organization, name).toString(), displayName));
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
        block.groupBlocks.forEach(g -> g.show(targetFqn));
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
        final List<GroupBlock> groupBlocks = new java.util.ArrayList<>();
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
            long attached = TopologyText.attachmentCount(targets);
            title.add(muted(TopologyText.count(node.groups().size(), "group", "groups") + " · "
                    + TopologyText.targetCounts(targets) + " · "
                    + TopologyText.count(attached, "attachment", "attachments"), "topology-counts"));
            Div head = new Div(title);
            head.addClassName("workspace-head");
            Div buttons = actions();
            if (attached > 0) {
                buttons.add(TopologyWidgets.istioOutput(attachments, tenantFqn, ws.name()));
            }
            if (canEdit) {
                buttons.add(action("New group…", VaadinIcon.PLUS, () -> new GroupDialog(topologyService, tenantFqn,
                                ws, GroupKind.GATEWAY, fqn -> refresh()).open()),
                        deleteAction("Delete workspace " + ws.name(), this::confirmDelete));
            }
            head.add(buttons);
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
                GroupBlock block = new GroupBlock(context, topologyService, cards, group);
                groupBlocks.add(block);
                content.add(block);
            }
        }

        private void confirmDelete() {
            WorkspaceInfo ws = node.workspace();
            List<StoredTarget> targets = node.groups().stream().flatMap(g -> g.targets().stream()).toList();
            ConfirmDialog dialog = confirm("Delete workspace " + ws.name() + "?",
                    "Deletes workspace " + ws.name() + (node.groups().isEmpty() ? " (it has no groups)."
                            : " with everything in it: " + TopologyText.count(node.groups().size(), "group", "groups")
                            + (targets.isEmpty() ? " (no gateways or security settings)." : " and "
                            + TopologyText.contents(targets) + ".")),
                    "Delete workspace", TopologyText.attachmentCount(targets));
            dialog.addClassName("delete-workspace-dialog");
            dialog.addConfirmListener(e -> {
                try {
                    topologyService.deleteWorkspace(tenantFqn, ws.name());
                    Notify.success("Deleted workspace " + ws.name());
                } catch (NotFoundException | ConflictException ex) {
                    Notify.error("Nothing was deleted: " + ex.getMessage());
                }
                expanded.remove(ws.name());
                refresh();
            });
            dialog.open();
        }
    }
}
