package org.wasmconsole.extension.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.ExtensionSummary;

/**
 * The catalogue's columns keep the layout the server gives them and listen for no change of it
 * from the browser (issue #23: six DOM listeners per column, ~3.7 KiB of every session each).
 */
class FixedColumnGridTest {

    @Test
    void vaadinsColumnListensForLayoutChangesAndTheCataloguesColumnsDoNot() {
        // The premise: a plain column synchronises its layout properties (drag-resize, *-changed).
        assertThat(ComponentUtil.getSynchronizedPropertyEvents(Grid.Column.class))
                .contains("column-drag-resize", "resizable-changed", "frozen-changed", "frozen-to-end-changed",
                        "text-align-changed");
        Grid<ExtensionSummary> grid = ExtensionGrid.create();
        assertThat(grid.getColumns()).hasSize(7).allSatisfy(column -> {
            assertThat(column.isResizable()).isFalse();
            assertThat(ComponentUtil.getSynchronizedPropertyEvents(column.getClass())).isEmpty();
        });
    }

    @Test
    void theColumnsStillSendTheirLayoutToTheBrowser() {
        Grid<ExtensionSummary> grid = ExtensionGrid.create();
        Grid.Column<ExtensionSummary> priority = grid.getColumnByKey("priority");
        assertThat(priority.getWidth()).isEqualTo("7rem");
        assertThat(priority.getFlexGrow()).isZero();
        assertThat(priority.getTextAlign()).isEqualTo(ColumnTextAlign.END);
        assertThat(priority.getElement().getProperty("width")).isEqualTo("7rem");
        assertThat(priority.getElement().getProperty("textAlign")).isEqualTo("end");
        assertThat(grid.getColumnByKey("url").getFlexGrow()).isEqualTo(2);
        priority.setFrozen(true);
        assertThat(priority.isFrozen()).isTrue();
        assertThat(priority.getElement().getProperty("frozen", false)).isTrue();
    }
}
