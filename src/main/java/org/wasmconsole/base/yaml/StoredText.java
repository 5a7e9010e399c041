package org.wasmconsole.base.yaml;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Checks on a parsed JSON body that YAML's reader makes while reading (see YamlDocumentBuilder). */
public final class StoredText {

    private StoredText() {
    }

    /** The problem of the first key or text holding NUL ({@code "\u0000"}), which nothing can store. */
    public static Optional<DocumentProblem> nul(JsonNode root) {
        return nul(root, "").map(path -> new DocumentProblem(1, 0, path, YamlDocumentBuilder.NUL_MESSAGE));
    }

    private static Optional<String> nul(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0 ? Optional.of(path) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = nul(node.get(i), path + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getKey().indexOf('\0') >= 0) {
                    return Optional.of(path);
                }
                Optional<String> found = nul(e.getValue(), child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
