package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.empty;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.server.VaadinService;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyCounts;
import org.wasmconsole.attachment.TopologyOutline;
import org.wasmconsole.attachment.TopologyOutline.WorkspaceOutline;
import org.wasmconsole.attachment.TopologyOutlineService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.ExtensionService;

/**
 * "Workspaces and gateways" of a tenant's page: its workspaces, their gateway and security groups,
 * the gateways and security settings in them and each one's attachments in list order. Admins
 * create, edit, attach and delete from here; operators of the tenant read it and open the Istio
 * previews. The page is an outline at any size (issue #23): the workspaces with their counts come
 * from one aggregate query ({@link TopologyOutlineService#outline}); a workspace's groups and their
 * first gateways are read when it unfolds ({@link WorkspaceBlock}, {@link GroupBlock}: "Show more"
 * reads further); after a change only the workspace it happened in is read again.
 */
@StyleSheet("context://themes/console/attachments.css")
public class TenantTopologyPanel extends Div {

    /** Up to this many gateways and security settings in all, every workspace starts unfolded. */
    static final int UNFOLD_ALL_LIMIT = 12;

    /** The tenant, whether the viewer may edit, and the services: shared with the blocks below. */
    private final TopologyContext context;
    private final Span count = new Span();
    private final Div body = new Div();
    private final Button expandAll = new Button("Expand all");
    private final Button collapseAll = new Button("Collapse all");
    private final Button tenantOutput;
    private final Set<String> expanded = new HashSet<>();
    /** The workspace blocks by name, in the outline's order. */
    private final Map<String, WorkspaceBlock> blocks = new LinkedHashMap<>();
    private final DefaultSettingsPanel defaults;
    private TopologyOutline outline;
    private boolean firstLoad = true;
    private String highlighted;

    /**
     * @param canEdit whether to offer the write actions (admins); the services refuse others anyway
     */
    public TenantTopologyPanel(TopologyService topology, AttachmentService attachments, ExtensionService extensions,
                               String tenantFqn, boolean canEdit) {
        // These services come from Spring through Vaadin's instantiator, so that the tenant page (composed
        // from contributed sections, issue #15) needs no new constructor argument for them.
        Instantiator instantiator = VaadinService.getCurrent().getInstantiator();
        this.context = new TopologyContext(attachments, extensions, topology,
                instantiator.getOrCreate(TopologyOutlineService.class), tenantFqn, canEdit,
                this::saved, this::refreshWorkspace, new ExtensionNames(extensions, tenantFqn),
                instantiator.getOrCreate(FilterChainService.class));
        addClassNames("tenant-section", "topology-section");

        count.addClassName("match-count");
        Div spacer = new Div();
        spacer.addClassName("header-spacer");
        expandAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        collapseAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        expandAll.addClickListener(e -> blocks.values().forEach(b -> b.setExpanded(true)));
        collapseAll.addClickListener(e -> blocks.values().forEach(b -> b.setExpanded(false)));
        tenantOutput = TopologyWidgets.istioOutput(attachments, tenantFqn, null);
        Div head = new Div(new H3("Workspaces and gateways"), count, spacer, expandAll, collapseAll, tenantOutput);
        head.addClassNames("section-header", "topology-header");
        if (canEdit) {
            Button newWorkspace = new Button("New workspace…", VaadinIcon.PLUS.create(),
                    e -> new GroupDialog(topology, tenantFqn, null, null, fqn -> {
                        expanded.add(Fqn.nameOf(fqn));
                        refresh();
                    }).open());
            newWorkspace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            newWorkspace.addClassName("new-workspace");
            head.add(newWorkspace);
        }
        Paragraph note = new Paragraph("Where extensions run in " + Fqn.nameOf(tenantFqn) + ": each gateway or"
                + " security setting lists the extensions attached to it, in order. An attached extension becomes an"
                + " Istio WasmPlugin in the gateway's namespace; \"Preview\" shows it, checked against Istio's own"
                + " schema, and \"Istio output\" gives a whole workspace or tenant as one stream for kubectl."
                + (canEdit ? "" : " You can read this section; platform admins change it."));
        note.addClassName("section-note");
        body.addClassName("topology-body");
        // The default settings sit right under the workspaces they reach.
        defaults = new DefaultSettingsPanel(instantiator.getOrCreate(DefaultSettingService.class), topology,
                extensions, tenantFqn, canEdit);
        add(head, note, body, defaults);
        refresh();
    }

    /** Reads the tenant's outline again and shows it, keeping what was unfolded (and re-reading that). */
    public void refresh() {
        outline = context.outlines().outline(context.tenantFqn());
        if (defaults != null && !firstLoad) {
            // a workspace added or deleted has its own default setting block (the first load has just read them)
            defaults.refresh();
        }
        context.names().clear();
        if (firstLoad) {
            firstLoad = false;
            if (outline.counts().targets() <= UNFOLD_ALL_LIMIT) {
                outline.workspaces().forEach(w -> expanded.add(w.workspace().name()));
            } else if (!outline.workspaces().isEmpty()) {
                expanded.add(outline.workspaces().getFirst().workspace().name());
            }
        }
        Map<String, Map<String, Integer>> shown = new LinkedHashMap<>();
        blocks.forEach((name, block) -> shown.put(name, block.shown()));
        body.removeAll();
        blocks.clear();
        boolean several = outline.workspaces().size() > 1;
        expandAll.setVisible(several);
        collapseAll.setVisible(several);
        showCounts();
        if (outline.workspaces().isEmpty()) {
            body.add(empty(context.canEdit()
                    ? "No workspaces yet. Create one with \"New workspace…\" to add gateway groups and security"
                    + " groups, then gateways to attach extensions to."
                    : "No workspaces yet. A platform admin creates them, with the gateways that extensions are"
                    + " attached to."));
            return;
        }
        for (WorkspaceOutline node : outline.workspaces()) {
            WorkspaceBlock block = block(node, shown.getOrDefault(node.workspace().name(), Map.of()));
            blocks.put(node.workspace().name(), block);
            body.add(block);
        }
        if (highlighted != null) {
            highlight(highlighted, false);
        }
    }

    /** Reads one workspace again (its counts, and its groups if unfolded) after a change in it. */
    private void refreshWorkspace(String name) {
        WorkspaceBlock old = blocks.get(name);
        Optional<WorkspaceOutline> node = old == null ? Optional.empty()
                : context.outlines().workspace(context.tenantFqn(), name);
        if (node.isEmpty()) {
            refresh(); // gone, or not shown yet: the whole outline
            return;
        }
        WorkspaceBlock block = block(node.get(), old.shown());
        body.replace(old, block);
        blocks.put(name, block);
        outline = new TopologyOutline(outline.tenant(), outline.workspaces().stream()
                .map(w -> w.workspace().name().equals(name) ? node.get() : w).toList());
        showCounts();
        if (highlighted != null && highlighted.startsWith(node.get().workspace().fqn() + "/")) {
            highlight(highlighted, false);
        }
    }

    private WorkspaceBlock block(WorkspaceOutline node, Map<String, Integer> shownBefore) {
        return new WorkspaceBlock(context, expanded, node, shownBefore, this::refresh);
    }

    private void showCounts() {
        TopologyCounts total = outline.counts();
        count.setText(TopologyText.count(outline.workspaces().size(), "workspace", "workspaces") + " · "
                + TopologyText.count(outline.groups(), "group", "groups") + " · "
                + TopologyText.targetCounts(total) + " · "
                + TopologyText.count(total.attachments(), "attachment", "attachments"));
        tenantOutput.setVisible(total.attachments() > 0);
    }

    /**
     * Unfolds the workspace of the target with this FQN, marks the target and scrolls to it (the
     * {@code ?target=} deep link); false when the tenant has no such target.
     */
    public boolean reveal(String targetFqn) {
        return highlight(targetFqn, true);
    }

    private boolean highlight(String targetFqn, boolean scroll) {
        Optional<TargetRef> ref = Fqn.tryParse(targetFqn, Fqn.Level.TARGET).flatMap(TargetRef::of)
                .filter(r -> r.tenant().equals(context.tenantFqn()));
        WorkspaceBlock block = ref.map(r -> blocks.get(r.workspace())).orElse(null);
        if (block == null) {
            return false;
        }
        TargetCard card = block.mark(targetFqn);
        if (card == null) {
            return false;
        }
        highlighted = targetFqn;
        if (scroll) {
            card.getElement().executeJs("const el = this; requestAnimationFrame(() =>"
                    + " el.scrollIntoView({block: 'center', behavior: 'instant'}));");
        }
        return true;
    }

    /** After a change to a target: its workspace shown again, and the changed target flashes once. */
    private void saved(StoredTarget target) {
        refreshWorkspace(target.ref().workspace());
        blocks.values().stream().map(b -> b.card(target.ref().fqn())).filter(Objects::nonNull).findFirst()
                .ifPresent(card -> card.addClassName("target-flash"));
    }
}
