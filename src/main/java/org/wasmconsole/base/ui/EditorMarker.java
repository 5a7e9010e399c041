package org.wasmconsole.base.ui;

/** Placeholder until the YAML editor lands (being written alongside). */
public record EditorMarker(int line, int column, String message, boolean warning) {

    public static EditorMarker error(int line, int column, String message) {
        return new EditorMarker(line, column, message, false);
    }

    public static EditorMarker warning(int line, int column, String message) {
        return new EditorMarker(line, column, message, true);
    }
}
