package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.base.ui.ConfirmDialogs;

/**
 * Asked when assigning or unassigning would leave attachments in tenants the extension is no
 * longer allowed in (spec §4): lists them, and either detaches them in the same step or changes
 * nothing.
 */
final class DetachConfirmation {

    private static final int LISTED = 10;

    private DetachConfirmation() {
    }

    /**
     * @param what      the change, as the confirm button says it ("unassign", "restrict")
     * @param detachAnd runs the change again with the attachments detached
     */
    static ConfirmDialog of(ExtensionInUseException refusal, String what, Runnable detachAnd) {
        List<String> places = refusal.places();
        UnorderedList list = new UnorderedList();
        places.stream().limit(LISTED).forEach(p -> list.add(new ListItem(p)));
        if (places.size() > LISTED) {
            list.add(new ListItem("… and " + (places.size() - LISTED) + " more"));
        }
        list.addClassName("detach-places");
        ConfirmDialog dialog = ConfirmDialogs.destructive("Detach and " + what);
        dialog.addClassName("detach-on-change-dialog");
        dialog.setHeader("Detach " + (places.size() == 1 ? "1 attachment" : places.size() + " attachments") + "?");
        dialog.setText(new Div(new Paragraph("After this change the extension is no longer allowed in the tenant of "
                + (places.size() == 1 ? "this gateway or setting, where it is attached:" : "these gateways and settings,"
                + " where it is attached:")), list,
                new Paragraph("Detach it there in the same step, or cancel: nothing changes.")));
        dialog.addConfirmListener(e -> detachAnd.run());
        return dialog;
    }
}
