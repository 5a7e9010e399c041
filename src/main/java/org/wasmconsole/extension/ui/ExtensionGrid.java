package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.ContextMenu;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PullPolicy;

/** The catalogue's grid: its columns, cells and initial (proxy) order. */
final class ExtensionGrid {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ExtensionGrid() {
    }

    static Grid<ExtensionSummary> create() {
        Grid<ExtensionSummary> grid = new FixedColumnGrid<>(ExtensionSummary.class);
        grid.addClassName("extension-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Extensions");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        Grid.Column<ExtensionSummary> name = grid.addColumn(ExtensionNameCell.renderer())
                .setHeader("Name").setKey("name").setSortProperty("name").setWidth("11rem").setFlexGrow(1);
        Grid.Column<ExtensionSummary> phase = grid.addColumn(s -> s.phase().label()).setHeader("Phase")
                .setKey("phase").setSortProperty("phase").setWidth("9.5rem").setFlexGrow(0);
        Grid.Column<ExtensionSummary> priority = grid.addColumn(ExtensionSummary::priority).setHeader("Priority")
                .setKey("priority").setSortProperty("priority").setTextAlign(ColumnTextAlign.END)
                .setWidth("7rem").setFlexGrow(0);
        grid.addColumn(pullPolicyRenderer()).setHeader("Pull policy")
                .setKey("pullPolicy").setSortProperty("effectivePullPolicy").setWidth("11.5rem").setFlexGrow(0);
        grid.addColumn(s -> shortUrl(s.url())).setHeader("URL").setKey("url").setSortProperty("url")
                .setWidth("9rem").setFlexGrow(2).setTooltipGenerator(ExtensionSummary::url);
        grid.addColumn(s -> s.allowedTenants().isEmpty() ? "All tenants" : String.join(", ", s.allowedTenants()))
                .setHeader("Allowed tenants").setKey("tenants").setWidth("7.5rem").setFlexGrow(1)
                .setTooltipGenerator(s -> s.allowedTenants().isEmpty() ? "Every tenant of the organization"
                        : String.join(", ", s.allowedTenants()));
        grid.addColumn(s -> WHEN.format(s.updatedAt())).setHeader("Last changed").setKey("updated")
                .setSortProperty("updatedAt").setWidth("11rem").setFlexGrow(0)
                .setTooltipGenerator(s -> "by " + s.updatedBy());
        // Multi-sort must be on before the initial order is set, or only its first column is kept.
        grid.setMultiSort(true, true);
        grid.sort(List.of(new GridSortOrder<>(phase, SortDirection.ASCENDING),
                new GridSortOrder<>(priority, SortDirection.DESCENDING),
                new GridSortOrder<>(name, SortDirection.ASCENDING)));
        return grid;
    }

    /**
     * The effective policy (what the proxy does) and, labelled, the stored one when they differ or
     * none is stored; the tooltip says why (issue #16: "default" was never explained).
     */
    private static LitRenderer<ExtensionSummary> pullPolicyRenderer() {
        return LitRenderer.<ExtensionSummary>of("""
                        <div class="name-cell" title="${item.title}"><span>${item.effective}</span\
                        ><span class="cell-note" ?hidden="${!item.origin}">${item.origin}</span></div>""")
                .withProperty("effective", s -> s.effectivePullPolicy().wireName())
                .withProperty("title", s -> "Stored (spec.imagePullPolicy): " + stored(s) + ". "
                        + FieldHints.pullPolicy(s.imagePullPolicy(), s.url()) + ".")
                .withProperty("origin", ExtensionGrid::pullPolicyOrigin);
    }

    private static String stored(ExtensionSummary s) {
        return s.imagePullPolicy() == PullPolicy.UNSPECIFIED_POLICY ? "not set" : s.imagePullPolicy().wireName();
    }

    private static String pullPolicyOrigin(ExtensionSummary s) {
        if (s.imagePullPolicy() == PullPolicy.UNSPECIFIED_POLICY) {
            return "default (none stored)";
        }
        return s.imagePullPolicy() != s.effectivePullPolicy()
                ? "stored: " + s.imagePullPolicy().wireName() : "";
    }

    /**
     * "Columns": a menu to show or hide each column but the name (issue #16: at 1440 px the
     * catalogue cuts url and tenants; let people choose what matters to them). Its items are built
     * when the menu first opens (the server asks before every opening), not with the page: six menu
     * items with their listeners were ~25 KiB of every open catalogue's session (issue #23), for a
     * menu most sessions never open.
     */
    static Button columnChooser(Grid<ExtensionSummary> grid) {
        Button button = new Button("Columns", VaadinIcon.GRID_SMALL.create());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel("Choose the columns");
        ContextMenu menu = new ContextMenu(button) {
            @Override
            protected boolean onBeforeOpenMenu(ObjectNode eventDetail) {
                if (getItems().isEmpty()) {
                    addColumnItems(this, grid);
                }
                return super.onBeforeOpenMenu(eventDetail);
            }
        };
        menu.setOpenOnClick(true);
        return button;
    }

    private static void addColumnItems(ContextMenu menu, Grid<ExtensionSummary> grid) {
        for (Grid.Column<ExtensionSummary> column : grid.getColumns()) {
            if (column.getKey() == null || column.getKey().equals("name")) {
                continue;
            }
            MenuItem item = menu.addItem(column.getHeaderText());
            item.setCheckable(true);
            item.setChecked(column.isVisible());
            item.addClickListener(e -> column.setVisible(item.isChecked()));
        }
    }

    static String shortUrl(String url) {
        return OciReference.fromUrl(url).map(OciReference::shortForm).orElse(url);
    }
}
