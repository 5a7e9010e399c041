package org.wasmconsole.base.ui;

import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;

/**
 * Side-navigation entries that a module adds for the signed-in user (its screens, an operator's
 * own tenants), each with its own role check, so that the layout, which every module builds on,
 * never depends on a module. The layout shows them by {@link #order()}, lowest first.
 */
public interface NavigationEntries {

    /** The entries for whoever is signed in now; empty when there are none for them. */
    List<SideNavItem> entries();

    /** Where these entries stand in the navigation: lower comes first. */
    int order();
}
