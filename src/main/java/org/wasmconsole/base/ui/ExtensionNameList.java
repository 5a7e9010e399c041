package org.wasmconsole.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** A short scrolling list of extension names for confirm dialogs, with "and N more" when cut. */
public final class ExtensionNameList extends Div {

    public ExtensionNameList(List<String> names, long total) {
        addClassName("extension-name-list");
        UnorderedList list = new UnorderedList();
        names.forEach(n -> list.add(new ListItem(new Span(n))));
        add(list);
        if (total > names.size()) {
            Span more = new Span("… and " + (total - names.size()) + " more");
            more.addClassName("extension-name-list-more");
            add(more);
        }
    }
}
