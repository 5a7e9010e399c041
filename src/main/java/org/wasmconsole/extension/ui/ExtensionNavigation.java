package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ui.NavigationEntries;

/** The catalogue, first in everyone's navigation. */
@Component
class ExtensionNavigation implements NavigationEntries {

    @Override
    public List<SideNavItem> entries() {
        return List.of(new SideNavItem("Extensions", "", VaadinIcon.PUZZLE_PIECE.create()));
    }

    @Override
    public int order() {
        return 100;
    }
}
