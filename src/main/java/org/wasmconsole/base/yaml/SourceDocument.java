package org.wasmconsole.base.yaml;

import tools.jackson.databind.JsonNode;

/**
 * One document of a YAML stream as a tree, with the line of every field so that a problem
 * found later (by a rule in a service) can still be pointed at in the input.
 *
 * @param number the document's number in the stream, from 1
 * @param line   the line the document starts on
 */
public record SourceDocument(int number, int line, JsonNode root, FieldLines lines) {

    /** The line of a field path, or of its nearest ancestor that was written in the input. */
    public int lineOf(String path) {
        return lines.lineOf(path, line);
    }
}
