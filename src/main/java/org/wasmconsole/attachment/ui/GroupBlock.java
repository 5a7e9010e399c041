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
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Map;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TenantTopology.GroupNode;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;

/** A gateway group or security group on the tenant page, with its gateways or settings as cards. */
final class GroupBlock extends Div {

    /**
     * Cards a group shows at first, and how many more each "Show more" adds: a tenant with 1,000
     * gateways and 10,000 attachments would otherwise build tens of thousands of components into the
     * session as a workspace unfolds (docs/benchmarks.md, item 6). Nothing is cut off: the button
     * says how many are not shown yet, and the deep link to a gateway shows it wherever it is.
     */
    static final int FIRST_CARDS = 10;
    static final int MORE_CARDS = 50;

    private final TopologyContext context;
    private final TopologyService topologyService;
    private final Map<String, TargetCard> cards;
    private final GroupNode node;
    private final Div list = new Div();
    private final Button more = new Button();
    private int shown;

    /** @param cards where each target's card is registered by FQN, for the deep link and the flash */
    GroupBlock(TopologyContext context, TopologyService topologyService, Map<String, TargetCard> cards,
               GroupNode node) {
        this.context = context;
        this.topologyService = topologyService;
        this.cards = cards;
        this.node = node;
        boolean canEdit = context.canEdit();
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
                    action(newText, VaadinIcon.PLUS, () -> TargetDialog.create(context.attachments(), group,
                            context.saved()).open()),
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
        list.addClassName("target-list");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        more.addClassName("show-more-targets");
        more.addClickListener(e -> showUpTo(shown + MORE_CARDS));
        add(list, more);
        showUpTo(FIRST_CARDS);
    }

    /** Makes sure the card of this target is built (the deep link); false when the group has no such target. */
    boolean show(String targetFqn) {
        for (int i = 0; i < node.targets().size(); i++) {
            if (node.targets().get(i).ref().fqn().equals(targetFqn)) {
                showUpTo(i + 1);
                return true;
            }
        }
        return false;
    }

    private void showUpTo(int n) {
        int to = Math.min(n, node.targets().size());
        for (StoredTarget target : node.targets().subList(Math.min(shown, to), to)) {
            TargetCard card = new TargetCard(context, node.group(), target);
            cards.put(target.ref().fqn(), card);
            list.add(card);
        }
        shown = Math.max(shown, to);
        int left = node.targets().size() - shown;
        more.setVisible(left > 0);
        String what = node.group().kind() == GroupKind.GATEWAY ? "gateways" : "security settings";
        more.setText("Show " + Math.min(MORE_CARDS, left) + " more " + what + " (" + left + " of "
                + node.targets().size() + " not shown yet)");
    }

    private void confirmDelete(GroupNode node) {
        GroupInfo group = node.group();
        String label = group.kind().label().toLowerCase();
        ConfirmDialog dialog = confirm("Delete " + label + " " + group.name() + "?",
                "Deletes " + label + " " + group.name() + " of workspace " + group.workspace()
                        + (node.targets().isEmpty() ? " (it is empty)." : " with " + TopologyText.contents(node.targets()) + "."),
                "Delete group",
                TopologyText.attachmentCount(node.targets()));
        dialog.addClassName("delete-group-dialog");
        dialog.addConfirmListener(e -> {
            try {
                topologyService.deleteGroup(group.tenant(), group.workspace(), group.kind(), group.name());
                Notify.success("Deleted " + label + " " + group.name());
            } catch (NotFoundException | ConflictException ex) {
                Notify.error("Nothing was deleted: " + ex.getMessage());
            }
            context.refresh().run();
        });
        dialog.open();
    }
}
