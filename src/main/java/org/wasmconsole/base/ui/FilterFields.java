package org.wasmconsole.base.ui;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The filters that are set, as the URL's query parameters (a filtered list can be bookmarked and shared). */
    public static Parameters parameters() {
        return new Parameters();
    }

    /** A filter bar's query parameters in the order added, each only when its filter is set. */
    public static final class Parameters {

        private final Map<String, String> params = new LinkedHashMap<>();

        private Parameters() {
        }

        /** A text filter, stripped; left out when blank. */
        public Parameters text(String name, String value) {
            if (!value.isBlank()) {
                params.put(name, value.strip());
            }
            return this;
        }

        /** A chosen value as {@code written} spells it in the URL; left out when none is chosen. */
        public <T> Parameters value(String name, @Nullable T value, Function<T, String> written) {
            if (value != null) {
                params.put(name, written.apply(value));
            }
            return this;
        }

        /** A checkbox filter, as {@code written} when checked; left out when not. */
        public Parameters flag(String name, boolean checked, String written) {
            if (checked) {
                params.put(name, written);
            }
            return this;
        }

        public QueryParameters toQueryParameters() {
            return QueryParameters.simple(params);
        }
    }
}
