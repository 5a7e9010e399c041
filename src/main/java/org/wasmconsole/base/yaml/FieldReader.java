package org.wasmconsole.base.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed fields out of a document tree, collecting a {@link DocumentProblem} (with path
 * and line) for every field of the wrong type or with an unknown enum value instead of failing
 * on the first.
 */
public final class FieldReader {

    private final SourceDocument document;
    private final List<DocumentProblem> problems = new ArrayList<>();

    public FieldReader(SourceDocument document) {
        this.document = document;
    }

    public List<DocumentProblem> problems() {
        return problems;
    }

    public void problem(String path, String message) {
        problems.add(new DocumentProblem(document.number(), document.lineOf(path), path, message));
    }

    /** Flags fields that the document kind does not have (typos must not be dropped silently). */
    public void onlyKnown(JsonNode node, String path, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problem(join(path, name), "is not a field of " + (path.isEmpty() ? "the document" : path)
                        + "; known fields: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    /** The mapping at path, or null when absent; a problem when it is something else. */
    public JsonNode object(JsonNode parent, String parentPath, String name) {
        return ofShape(parent, parentPath, name, JsonNode::isObject, "must be a mapping (key: value lines), not ");
    }

    /** The list at path, or null when absent; a problem when it is something else. */
    public JsonNode array(JsonNode parent, String parentPath, String name) {
        return ofShape(parent, parentPath, name, JsonNode::isArray, "must be a list (lines starting with '- '), not ");
    }

    /** The node at path if it has the shape; null when absent, and a problem ({@code refusal} + what it is) when not. */
    private JsonNode ofShape(JsonNode parent, String parentPath, String name, Predicate<JsonNode> shape,
                             String refusal) {
        JsonNode node = present(parent, name);
        if (node != null && !shape.test(node)) {
            problem(join(parentPath, name), refusal + describe(node));
            return null;
        }
        return node;
    }

    public String string(JsonNode parent, String parentPath, String name) {
        return string(present(parent, name), join(parentPath, name));
    }

    public String string(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            problem(path, "must be a string, not " + describe(node)
                    + (node.isValueNode() && !node.isNull() ? "; quote it" : ""));
            return null;
        }
        return node.asString();
    }

    public Integer int32(JsonNode parent, String parentPath, String name) {
        JsonNode node = present(parent, name);
        String path = join(parentPath, name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            problem(path, "must be a whole number from -2147483648 to 2147483647, not " + describe(node));
            return null;
        }
        if (!node.canConvertToInt()) {
            problem(path, node.asString() + " is out of range: use a whole number from -2147483648 to 2147483647");
            return null;
        }
        return node.intValue();
    }

    public <E extends Enum<E>> E enumValue(JsonNode parent, String parentPath, String name, E[] values,
                                    Function<E, String> wireName) {
        String path = join(parentPath, name);
        String text = string(present(parent, name), path);
        if (text == null) {
            return null;
        }
        return Arrays.stream(values).filter(v -> wireName.apply(v).equals(text)).findFirst().orElseGet(() -> {
            problem(path, "'" + text + "' is not one of " + String.join(", ",
                    Arrays.stream(values).map(wireName).toList()));
            return null;
        });
    }

    /** A field that is absent or null reads as absent. */
    public static JsonNode present(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public static String describe(JsonNode node) {
        if (node.isNull()) {
            return "an empty value";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "the text '" + node.asString() + "'";
        }
        return node.asString();
    }
}
