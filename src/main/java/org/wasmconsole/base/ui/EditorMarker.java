package org.wasmconsole.base.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A problem to show in a {@link YamlEditor}'s gutter: where it is (1-based, as validators and
 * YAML parsers report it) and what is wrong.
 *
 * @param line    the line, from 1 (less counts as 1); past the end of the text it is shown on
 *                the last line
 * @param column  the column, from 1, or 0 when only the line is known; with a column the text
 *                from there to the end of the line is underlined as well
 * @param message the text shown when the marker is hovered, and read out to screen readers
 * @param warning a warning (yellow) rather than an error (red)
 */
public record EditorMarker(int line, int column, String message, boolean warning) {

    /**
     * Lenient on purpose: parsers report "no position" as 0 or -1, and a marker on line 1 is
     * more useful to the user than an exception in the middle of a validation.
     */
    public EditorMarker {
        line = Math.max(line, 1);
        column = Math.max(column, 0);
        message = Objects.requireNonNullElse(message, "");
    }

    public static EditorMarker error(int line, int column, String message) {
        return new EditorMarker(line, column, message, false);
    }

    public static EditorMarker warning(int line, int column, String message) {
        return new EditorMarker(line, column, message, true);
    }

    /** The shape the browser side expects ({@code markers} of {@code <yaml-editor>}). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("line", line);
        if (column > 0) {
            json.put("column", column);
        }
        json.put("message", message);
        json.put("severity", warning ? "warning" : "error");
        return json;
    }
}
