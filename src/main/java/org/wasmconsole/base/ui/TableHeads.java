package org.wasmconsole.base.ui;

import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;

/** The head row of a native table, its cells marked as column headers for screen readers. */
public final class TableHeads {

    private TableHeads() {
    }

    /** A {@code <thead>} with one {@code <th scope="col">} per column, in order. */
    public static NativeTableHeader of(String... columns) {
        NativeTableRow row = new NativeTableRow();
        for (String column : columns) {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(column);
            cell.getElement().setAttribute("scope", "col");
            row.add(cell);
        }
        return new NativeTableHeader(row);
    }
}
