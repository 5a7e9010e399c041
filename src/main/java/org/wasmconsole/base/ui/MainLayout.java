package org.wasmconsole.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.wasmconsole.security.Roles;

/** The frame of every signed-in page: app bar with the product name, side navigation, user menu. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, List<NavigationEntries> featureEntries) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");
        Span product = new Span("Wasm Extension Console");
        product.addClassName("app-title");
        Div spacer = new Div();
        spacer.addClassName("app-bar-spacer");
        addToNavbar(toggle, product, spacer,
                new ThemeToggle(authentication.getPrincipalName().orElse("")), userMenu(authentication));

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Main navigation");
        nav.addItem(new SideNavItem("Extensions", "", VaadinIcon.PUZZLE_PIECE.create()));
        if (authentication.hasRole(Roles.ADMIN)) {
            nav.addItem(new SideNavItem("Tenants", "tenants", VaadinIcon.GROUP.create()));
            nav.addItem(new SideNavItem("Users", "users", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem("Import", "import", VaadinIcon.UPLOAD.create()));
            nav.addItem(new SideNavItem("History", "history", VaadinIcon.TIME_BACKWARD.create()));
        }
        featureEntries.forEach(f -> f.entries().forEach(nav::addItem));
        // Says what this user may do here, rather than a slogan (issue #16).
        Span footer = new Span(authentication.hasRole(Roles.ADMIN)
                ? "Platform admin: you manage the organization's extensions, tenants and users"
                : "Tenant operator: a read-only view of what your tenants may use and where it runs");
        footer.addClassName("drawer-footer");
        addToDrawer(nav, footer);
        setPrimarySection(Section.DRAWER);
    }

    private static MenuBar userMenu(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        Avatar avatar = new Avatar(name);
        avatar.addClassName("user-avatar");
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", "User menu");
        menu.addClassName("user-menu");
        var item = menu.addItem(avatar);
        item.add(new Span(name));
        item.getSubMenu().addItem("Sign out", e -> authentication.logout());
        return menu;
    }
}
