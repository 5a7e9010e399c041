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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TopologyCounts;
import org.wasmconsole.attachment.TopologyOutline.GroupOutline;
import org.wasmconsole.attachment.TopologyOutline.WorkspaceOutline;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;

/**
 * A workspace on the tenant page: its name and counts (from the outline), folded or unfolded. Its
 * groups and their first gateways are read when it first unfolds, not before.
 */
final class WorkspaceBlock extends Div {

    private final TopologyContext context;
    private final Set<String> expanded;
    private final WorkspaceOutline node;
    private final Map<String, Integer> shownBefore;
    private final Runnable deleted;
    private final Button toggle = new Button();
    private final Div content = new Div();
    private final Map<String, TargetCard> cards = new HashMap<>();
    private final List<GroupBlock> groupBlocks = new ArrayList<>();
    private boolean built;

    /**
     * @param expanded    the names of the unfolded workspaces, shared with the panel (kept across re-reads)
     * @param shownBefore how many cards each group (by FQN) showed before this workspace was read again
     * @param deleted     what to do once the workspace is deleted (the whole page changes)
     */
    WorkspaceBlock(TopologyContext context, Set<String> expanded, WorkspaceOutline node,
                   Map<String, Integer> shownBefore, Runnable deleted) {
        this.context = context;
        this.expanded = expanded;
        this.node = node;
        this.shownBefore = shownBefore;
        this.deleted = deleted;
        WorkspaceInfo ws = node.workspace();
        addClassName("workspace-block");
        getElement().setAttribute("data-fqn", ws.fqn());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
        toggle.addClassName("workspace-toggle");
        toggle.addClickListener(e -> setExpanded(!isExpanded()));
        H4 name = new H4(ws.name());
        name.addClassName("workspace-name");
        name.addClickListener(e -> setExpanded(!isExpanded()));
        Div title = new Div(toggle, muted("Workspace", "topology-kind"), name);
        title.addClassName("topology-title");
        if (ws.displayName() != null && !ws.displayName().isBlank()) {
            title.add(muted(ws.displayName(), "topology-display-name"));
        }
        TopologyCounts counts = node.counts();
        title.add(muted(TopologyText.count(node.groups(), "group", "groups") + " · "
                + TopologyText.targetCounts(counts) + " · "
                + TopologyText.count(counts.attachments(), "attachment", "attachments"), "topology-counts"));
        Div head = new Div(title);
        head.addClassName("workspace-head");
        Div buttons = actions();
        if (counts.attachments() > 0) {
            buttons.add(TopologyWidgets.istioOutput(context.attachments(), context.tenantFqn(), ws.name()));
        }
        if (context.canEdit()) {
            buttons.add(action("New group…", VaadinIcon.PLUS, () -> new GroupDialog(context.topology(),
                            context.tenantFqn(), ws, GroupKind.GATEWAY, fqn -> context.refresh().accept(ws.name()))
                            .open()),
                    deleteAction("Delete workspace " + ws.name(), this::confirmDelete));
        }
        head.add(buttons);
        content.addClassName("workspace-content");
        add(head, content);
        setExpanded(expanded.contains(ws.name()));
    }

    String name() {
        return node.workspace().name();
    }

    /** The card of a target in this workspace if it is built. */
    TargetCard card(String targetFqn) {
        return cards.get(targetFqn);
    }

    /** How many cards each group shows now, by group FQN (to show as many after a re-read). */
    Map<String, Integer> shown() {
        Map<String, Integer> shown = new HashMap<>();
        groupBlocks.forEach(g -> shown.put(g.fqn(), g.shown()));
        return shown;
    }

    /** Unfolds, builds the target's card wherever it is in its group, and marks it; null when there is none. */
    TargetCard mark(String targetFqn) {
        setExpanded(true);
        cards.values().forEach(c -> c.removeClassName("target-highlight"));
        groupBlocks.stream().filter(g -> targetFqn.startsWith(g.fqn() + "/")).findFirst()
                .ifPresent(g -> g.show(targetFqn));
        TargetCard card = cards.get(targetFqn);
        if (card != null) {
            card.addClassName("target-highlight");
        }
        return card;
    }

    boolean isExpanded() {
        return expanded.contains(name());
    }

    void setExpanded(boolean value) {
        String name = name();
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

    /** Reads the workspace's groups with their counts and each group's first cards. */
    private void build() {
        built = true;
        List<GroupOutline> groups = node.groups() == 0 ? List.of()
                : context.outlines().groups(context.tenantFqn(), name());
        if (groups.isEmpty()) {
            content.add(empty(context.canEdit()
                    ? "No groups in " + name() + " yet. Add a gateway group or a security group"
                    + " with \"New group…\"."
                    : "No groups in " + name() + " yet."));
            return;
        }
        for (GroupOutline group : groups) {
            GroupBlock block = new GroupBlock(context, cards, group,
                    shownBefore.getOrDefault(group.group().fqn(), 0));
            groupBlocks.add(block);
            content.add(block);
        }
    }

    private void confirmDelete() {
        WorkspaceInfo ws = node.workspace();
        TopologyCounts counts = node.counts();
        ConfirmDialog dialog = confirm("Delete workspace " + ws.name() + "?",
                "Deletes workspace " + ws.name() + (node.groups() == 0 ? " (it has no groups)."
                        : " with everything in it: " + TopologyText.count(node.groups(), "group", "groups")
                        + (counts.targets() == 0 ? " (no gateways or security settings)." : " and "
                        + TopologyText.contents(counts) + ".")),
                "Delete workspace", counts.attachments());
        dialog.addClassName("delete-workspace-dialog");
        dialog.addConfirmListener(e -> {
            try {
                context.topology().deleteWorkspace(context.tenantFqn(), ws.name());
                Notify.success("Deleted workspace " + ws.name());
            } catch (NotFoundException | ConflictException ex) {
                Notify.error("Nothing was deleted: " + ex.getMessage());
            }
            expanded.remove(ws.name());
            deleted.run();
        });
        dialog.open();
    }
}
