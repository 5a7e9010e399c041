package org.wasmconsole.resource;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One document of a YAML stream as a tree, with the line of every field so that a problem
 * found later (by a rule in a service) can still be pointed at in the input.
 *
 * @param number the document's number in the stream, from 1
 * @param line   the line the document starts on
 */
public record SourceDocument(int number, int line, JsonNode root, Map<String, Integer> lines) {

    /** The line of a field path, or of its nearest ancestor that was written in the input. */
    public int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer found = lines.get(p);
            if (found != null) {
                return found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return line;
    }
}
