package org.wasmconsole.extension.ui;

import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;

/**
 * The priority as typed in a text field, not a number field: what the user typed stays visible
 * with an error that says what is wrong, instead of being blocked or erased (issue #16).
 */
final class PriorityText {

    static final String HELP = "Higher runs first within a phase; a whole number from -2147483648 to"
            + " 2147483647; empty means 0";

    private PriorityText() {
    }

    static Converter<String, Integer> converter() {
        return Converter.from(PriorityText::parse, (Integer p) -> p == null ? "" : p.toString());
    }

    /** Empty is 0's absence; anything but a whole 32-bit number is an error. */
    static Result<Integer> parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Result.ok(null);
        }
        if (!value.matches("[-+]?\\d+")) {
            return Result.error("'" + value + "' is not a whole number; enter digits only, e.g. 100 or -5");
        }
        try {
            return Result.ok(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Result.error(value + " is out of range: use a whole number from -2147483648 to 2147483647");
        }
    }
}
