package org.wasmconsole.user.ui;

import com.vaadin.flow.component.Component;

/** Where a component sits in the server-side tree, for the user screens' view tests. */
final class ComponentTree {

    private ComponentTree() {
    }

    /** True when {@code ancestor} is one of {@code c}'s parents (a button in a grid row, not the dialog's). */
    static boolean isInside(Component c, Component ancestor) {
        for (var p = c.getParent(); p.isPresent(); p = p.get().getParent()) {
            if (p.get() == ancestor) {
                return true;
            }
        }
        return false;
    }
}
