package org.wasmconsole.user.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.RoleNavigationEntry;
import org.wasmconsole.security.Roles;

/** "Group mappings" in the side navigation, for platform admins. */
@Component
class GroupMappingNavigation extends RoleNavigationEntry {

    GroupMappingNavigation(AuthenticationContext authentication) {
        // Right after Users (300): the rules decide who the provider's people are.
        super(authentication, Roles.ADMIN, "Group mappings", GroupMappingView.ROUTE, VaadinIcon.SITEMAP,
                310);
    }
}
