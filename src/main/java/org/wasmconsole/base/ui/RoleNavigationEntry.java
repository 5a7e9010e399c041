package org.wasmconsole.base.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.function.Supplier;

/**
 * One side-navigation entry shown only to the holders of one role (an admin screen): what most
 * modules contribute, written once. A subclass is a {@code @Component} that names its entry.
 */
public abstract class RoleNavigationEntry implements NavigationEntries {

    private final AuthenticationContext authentication;
    private final String role;
    private final int order;
    /** A new item each time: a component belongs to one layout. */
    private final Supplier<SideNavItem> item;

    protected RoleNavigationEntry(AuthenticationContext authentication, String role, String label, String route,
                                  VaadinIcon icon, int order) {
        this.authentication = authentication;
        this.role = role;
        this.order = order;
        this.item = () -> new SideNavItem(label, route, icon.create());
    }

    @Override
    public List<SideNavItem> entries() {
        return authentication.hasRole(role) ? List.of(item.get()) : List.of();
    }

    @Override
    public int order() {
        return order;
    }
}
