package org.wasmconsole.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.dom.ElementUtil;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.jsoup.nodes.Document;

/** The frame of every signed-in page: app bar with the product name, side navigation, user menu. */
@Layout
@PermitAll
@Uses(SideNav.class)
@Uses(SideNavItem.class)
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication, List<NavigationEntries> moduleEntries,
                      List<DrawerFooter> footers) {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");
        Span product = new Span("Wasm Extension Console");
        product.addClassName("app-title");
        Div spacer = new Div();
        spacer.addClassName("app-bar-spacer");
        addToNavbar(toggle, product, spacer,
                new ThemeToggle(authentication.getPrincipalName().orElse("")), userMenu(authentication));

        addToDrawer(navigation(moduleEntries));
        // Says what this user may do here, rather than a slogan (issue #16).
        footers.forEach(f -> {
            Span footer = new Span(f.text());
            footer.addClassName("drawer-footer");
            addToDrawer(footer);
        });
        setPrimarySection(Section.DRAWER);
    }

    /**
     * The side navigation, sent to the browser as one element of static HTML: the same
     * {@code vaadin-side-nav} and {@code vaadin-side-nav-item}s that the server-side components
     * render (the items mark the current page and navigate in the browser by themselves), without
     * a server-side component per item, icon and label: those were ~14 KiB of every signed-in
     * session (issue #23). The modules still contribute {@link SideNavItem}s; only their HTML is kept.
     */
    private static Html navigation(List<NavigationEntries> moduleEntries) {
        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Main navigation");
        moduleEntries.stream()
                .sorted(Comparator.comparingInt(NavigationEntries::order))
                .forEach(m -> m.entries().forEach(nav::addItem));
        Document document = new Document("");
        document.outputSettings().prettyPrint(false);
        org.jsoup.nodes.Node html = ElementUtil.toJsoup(document, nav.getElement());
        document.appendChild(html);
        return new Html(html.outerHtml());
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
