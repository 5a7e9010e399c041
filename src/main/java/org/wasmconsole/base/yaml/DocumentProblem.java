package org.wasmconsole.base.yaml;

/**
 * What is wrong with a document of a YAML stream, and where.
 *
 * @param document the document's number in the stream, from 1
 * @param line     the line in the whole input, from 1 (0 when unknown)
 * @param path     the field path (e.g. {@code spec.priority}), empty for the whole document
 */
public record DocumentProblem(int document, int line, String path, String message) {

    @Override
    public String toString() {
        String where = "document " + document + (line > 0 ? ", line " + line : "");
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
