package org.wasmconsole.base.ui;

import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;

/**
 * Side-navigation entries that a feature adds for the signed-in user (an operator's own tenants),
 * so that the layout, which every feature builds on, never depends on a feature.
 */
public interface NavigationEntries {

    /** The entries for whoever is signed in now; empty when there are none for them. */
    List<SideNavItem> entries();
}
