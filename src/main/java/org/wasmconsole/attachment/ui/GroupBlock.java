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
import java.util.List;
import java.util.Map;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TopologyCounts;
import org.wasmconsole.attachment.TopologyOutline.GroupOutline;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;

/**
 * A gateway group or security group on the tenant page, with its gateways or settings as cards, read
 * from the database a page at a time: the first {@link #FIRST_CARDS}, then {@link #MORE_CARDS} more on
 * each "Show more".
 */
final class GroupBlock extends Div {

    /**
     * Cards a group shows at first, and how many more each "Show more" adds: a tenant with 1,000
     * gateways and 10,000 attachments would otherwise read and build tens of thousands of components
     * as a workspace unfolds (docs/benchmarks.md, item 6). Nothing is cut off: the button says how many
     * are not shown yet, and the deep link to a gateway shows it wherever it is.
     */
    static final int FIRST_CARDS = 5;
    static final int MORE_CARDS = 25;

    private final TopologyContext context;
    private final Map<String, TargetCard> cards;
    private final GroupOutline node;
    private final Div list = new Div();
    private final Button more = new Button();
    private int shown;

    /**
     * @param cards   where each target's card is registered by FQN, for the deep link and the flash
     * @param initial how many cards to show at first (more than {@link #FIRST_CARDS} when the workspace is
     *                shown again after a change and more were shown before)
     */
    GroupBlock(TopologyContext context, Map<String, TargetCard> cards, GroupOutline node, int initial) {
        this.context = context;
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
        title.add(muted(gateway ? TopologyText.count(total(), "gateway", "gateways")
                : TopologyText.count(total(), "security setting", "security settings"), "topology-counts"));
        Div head = new Div(title);
        head.addClassName("group-head");
        String newText = gateway ? "New gateway…" : "New security setting…";
        if (canEdit) {
            head.add(actions(
                    action(newText, VaadinIcon.PLUS, () -> TargetDialog.create(context.attachments(), group,
                            context.saved()).open()),
                    deleteAction("Delete " + group.kind().label().toLowerCase() + " " + group.name(),
                            this::confirmDelete)));
        }
        add(head);
        if (total() == 0) {
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
        showUpTo(Math.max(FIRST_CARDS, initial));
    }

    private long total() {
        return node.counts().targets();
    }

    String fqn() {
        return node.group().fqn();
    }

    int shown() {
        return shown;
    }

    /**
     * Makes sure the card of this target is built (the deep link), reading further pages until it is;
     * false when the group has no such target.
     */
    boolean show(String targetFqn) {
        while (!cards.containsKey(targetFqn)) {
            int before = shown;
            showUpTo(shown + MORE_CARDS);
            if (shown == before) {
                return false;
            }
        }
        return true;
    }

    private void showUpTo(int n) {
        boolean end = false;
        if (n > shown) {
            int wanted = n - shown;
            List<StoredTarget> page = context.outlines().targets(node.group(), shown, wanted);
            context.names().load(page);
            for (StoredTarget target : page) {
                TargetCard card = new TargetCard(context, node.group(), target);
                cards.put(target.ref().fqn(), card);
                list.add(card);
            }
            shown += page.size();
            end = page.size() < wanted; // what is there now decides: the count may be older
        }
        long left = end ? 0 : Math.max(0, total() - shown);
        more.setVisible(left > 0);
        String what = node.group().kind() == GroupKind.GATEWAY ? "gateways" : "security settings";
        more.setText("Show " + Math.min(MORE_CARDS, left) + " more " + what + " (" + left + " of "
                + total() + " not shown yet)");
    }

    private void confirmDelete() {
        GroupInfo group = node.group();
        String label = group.kind().label().toLowerCase();
        TopologyCounts counts = node.counts();
        ConfirmDialog dialog = confirm("Delete " + label + " " + group.name() + "?",
                "Deletes " + label + " " + group.name() + " of workspace " + group.workspace()
                        + (counts.targets() == 0 ? " (it is empty)." : " with " + TopologyText.contents(counts) + "."),
                "Delete group", counts.attachments());
        dialog.addClassName("delete-group-dialog");
        dialog.addConfirmListener(e -> {
            try {
                context.topology().deleteGroup(group.tenant(), group.workspace(), group.kind(), group.name());
                Notify.success("Deleted " + label + " " + group.name());
            } catch (NotFoundException | ConflictException ex) {
                Notify.error("Nothing was deleted: " + ex.getMessage());
            }
            context.refresh().accept(group.workspace());
        });
        dialog.open();
    }
}
