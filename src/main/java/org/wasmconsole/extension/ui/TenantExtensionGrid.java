package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.wasmconsole.extension.ExtensionSummary;

/** The compact extension grid of the tenant pages and the assign picker: multi-select, proxy order. */
final class TenantExtensionGrid {

    private TenantExtensionGrid() {
    }

    static Grid<ExtensionSummary> create(String className, String ariaLabel) {
        Grid<ExtensionSummary> grid = new Grid<>(ExtensionSummary.class, false);
        grid.addClassNames("tenant-extension-grid", className);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAriaLabel(ariaLabel);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(ExtensionNameCell.renderer()).setHeader("Name").setKey("name")
                .setSortProperty("name").setFlexGrow(2).setWidth("12rem");
        grid.addColumn(s -> s.phase().label()).setHeader("Phase").setKey("phase").setSortProperty("phase")
                .setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(ExtensionSummary::priority).setHeader("Priority").setKey("priority")
                .setSortProperty("priority").setTextAlign(ColumnTextAlign.END).setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(TenantExtensionGrid::allowed).setHeader("Allowed tenants").setKey("tenants")
                .setFlexGrow(1).setWidth("10rem").setTooltipGenerator(TenantExtensionGrid::allowed);
        grid.setPageSize(50);
        return grid;
    }

    static String allowed(ExtensionSummary s) {
        return s.allowedTenants().isEmpty() ? "All tenants" : String.join(", ", s.allowedTenants());
    }
}
