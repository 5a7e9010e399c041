package org.wasmconsole.user.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;
import org.wasmconsole.security.Roles;

/** "Group mappings" in the side navigation, for platform admins. */
@Component
class GroupMappingNavigation implements NavigationEntries {

    private final AuthenticationContext authentication;

    GroupMappingNavigation(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public List<SideNavItem> entries() {
        return authentication.hasRole(Roles.ADMIN)
                ? List.of(new SideNavItem("Group mappings", GroupMappingView.ROUTE, VaadinIcon.SITEMAP.create()))
                : List.of();
    }

    /** Right after Users (300): the rules decide who the provider's people are. */
    @Override
    public int order() {
        return 310;
    }
}
