package org.wasmconsole.base.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The fields of a list's filter bar, set up alike on every list: clearable, applied as the user pauses. */
public final class FilterFields {

    private FilterFields() {
    }

    /** A clearable text filter that applies when the user pauses typing. */
    public static TextField text(TextField field, String placeholder, String width) {
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setWidth(width);
        return field;
    }

    /** A choice of one of {@code items} whose empty choice, shown as {@code any}, means "any". */
    @SafeVarargs
    public static <T> Select<T> anyOf(Select<T> select, String any, Function<T, String> label, String width,
                                      T... items) {
        select.setItems(items);
        select.setItemLabelGenerator((@Nullable T item) -> item == null ? any : label.apply(item));
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(any);
        select.setWidth(width);
        return select;
    }
}
