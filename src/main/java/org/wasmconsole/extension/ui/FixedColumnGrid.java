package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Synchronize;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.Renderer;

/**
 * A grid whose columns the server alone lays out: the user cannot resize them (none is set
 * resizable), and nothing in the browser changes their width, flex, frozen state or alignment.
 * Vaadin's {@code Grid.Column} declares those six properties {@link Synchronize synchronised}
 * (on the drag-resize and {@code *-changed} events), which registers six DOM listeners on every
 * column: ~3.7 KiB of each session per column (issue #23; the catalogue has seven). Each getter is
 * declared again here synchronised by no event, which Vaadin reads as "nothing to listen for"; the
 * getters still return what the server set.
 */
class FixedColumnGrid<T> extends Grid<T> {

    FixedColumnGrid(Class<T> beanType) {
        super(beanType, false);
    }

    @Override
    protected Column<T> createColumn(Renderer<T> renderer, String columnId) {
        return new FixedColumn<>(this, columnId, renderer);
    }

    /** A column whose layout properties are not listened for (see the class comment). */
    static class FixedColumn<T> extends Column<T> {

        FixedColumn(Grid<T> grid, String columnId, Renderer<T> renderer) {
            super(grid, columnId, renderer);
        }

        // Each layout getter again, synchronised by no event (one line each: they differ only in the property).
        @Override @Synchronize({}) public String getWidth() { return super.getWidth(); }
        @Override @Synchronize({}) public int getFlexGrow() { return super.getFlexGrow(); }
        @Override @Synchronize({}) public boolean isResizable() { return super.isResizable(); }
        @Override @Synchronize({}) public boolean isFrozen() { return super.isFrozen(); }
        @Override @Synchronize({}) public boolean isFrozenToEnd() { return super.isFrozenToEnd(); }
        @Override @Synchronize({}) public ColumnTextAlign getTextAlign() { return super.getTextAlign(); }
    }
}
