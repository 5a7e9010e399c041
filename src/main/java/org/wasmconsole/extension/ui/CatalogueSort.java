package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wasmconsole.extension.ExtensionSummary;

/**
 * The catalogue's sort order in the URL, as its filters are ({@code ?sort=priority,-updated}: column
 * keys, a '-' for descending), so that a sorted catalogue can be bookmarked and the back button
 * restores it. The proxy order (the grid's initial sort) leaves the parameter out.
 */
final class CatalogueSort {

    static final String PARAMETER = "sort";

    private CatalogueSort() {
    }

    static String write(List<GridSortOrder<ExtensionSummary>> orders) {
        return orders.stream().map(o -> (o.getDirection() == SortDirection.DESCENDING ? "-" : "")
                + o.getSorted().getKey()).collect(Collectors.joining(","));
    }

    /** The URL's order for this grid; columns it does not know are left out. */
    static List<GridSortOrder<ExtensionSummary>> read(Grid<ExtensionSummary> grid, String value) {
        List<GridSortOrder<ExtensionSummary>> orders = new ArrayList<>();
        for (String part : value.split(",")) {
            boolean descending = part.startsWith("-");
            Grid.Column<ExtensionSummary> column = grid.getColumnByKey(descending ? part.substring(1) : part);
            if (column != null && column.isSortable()) {
                orders.add(new GridSortOrder<>(column, descending ? SortDirection.DESCENDING : SortDirection.ASCENDING));
            }
        }
        return orders;
    }

    /** The filters' parameters, with the sort added when it is not the default order. */
    static QueryParameters with(QueryParameters filters, String sort, String defaultSort) {
        if (sort.isEmpty() || sort.equals(defaultSort)) {
            return filters;
        }
        Map<String, List<String>> all = new java.util.LinkedHashMap<>(filters.getParameters());
        all.put(PARAMETER, List.of(sort));
        return new QueryParameters(all);
    }
}
