package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.ExtensionUsage.Place;

/**
 * The attachments a delete or an {@code allowedIn} change would affect, for its dialog: the first
 * {@value #LIMIT}, then "and N more". Each names the gateway or security setting and where it is
 * (tenant / workspace / group), and, when several extensions are involved, which one it attaches.
 */
final class UsageList extends Div {

    static final int LIMIT = 10;

    /** The width of a dialog that shows a usage list: room for a path on one line. */
    static final String DIALOG_WIDTH = "min(40rem, 95vw)";

    UsageList(List<Place> usages, boolean showExtension) {
        addClassName("usage-list");
        UnorderedList list = new UnorderedList();
        usages.stream().limit(LIMIT).forEach(u -> list.add(item(u, showExtension)));
        add(list);
        if (usages.size() > LIMIT) {
            Span more = new Span("\u2026 and " + (usages.size() - LIMIT) + " more");
            more.addClassName("usage-list-more");
            add(more);
        }
    }

    private static ListItem item(Place usage, boolean showExtension) {
        ListItem item = new ListItem();
        item.getElement().setAttribute("data-target", usage.targetFqn());
        if (showExtension) {
            String fqn = usage.extensionFqn();
            Span extension = new Span(Fqn.nameOf(fqn));
            extension.addClassName("usage-extension");
            item.add(extension, new Span(" in "));
        }
        Span kind = new Span(usage.kind());
        kind.addClassName("usage-kind");
        Span name = new Span(usage.name());
        name.addClassName("usage-target");
        Span where = new Span(usage.tenant() + " / " + usage.workspace() + " / " + usage.group());
        where.addClassName("usage-where");
        item.add(kind, new Span(" "), name, where);
        return item;
    }

    /** "1 place" or "N places". */
    static String places(int n) {
        return n == 1 ? "1 place" : n + " places";
    }
}
