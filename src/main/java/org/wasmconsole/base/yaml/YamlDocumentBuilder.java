package org.wasmconsole.base.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the tree of one document from SnakeYAML Engine parser events, recording the line of every
 * field and list item, refusing duplicate keys, and enforcing depth, string length and alias
 * expansion limits as it goes. Anchors are scoped to the document, as YAML says; merge keys
 * ({@code <<: *defaults}) are applied, explicit keys winning.
 */
final class YamlDocumentBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE = "<<";
    private static final Set<String> MAPPING_TAGS = Set.of("!", Tag.MAP.getValue(), Tag.SET.getValue());
    private static final Set<String> SEQUENCE_TAGS = Set.of("!", Tag.SEQ.getValue());
    /** YAML itself limits implicit keys to 1024 characters; longer explicit ({@code ? key}) ones are refused too. */
    static final int MAX_KEY_LENGTH = 1024;
    /** Characters of input per recorded line that a stream may spend at most (a line costs ~80 bytes). */
    private static final int CHARACTERS_PER_LINE = 8;

    private final YamlLimits limits;
    private final Parser parser;
    private final int number;
    private final FieldLines lines = new FieldLines();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private final Budget budget;
    private int nodes;

    /**
     * What the documents of one stream may use together: alias expansion, and memory for lines, in
     * proportion to the input's size (lines beyond it fall back to their nearest recorded ancestor).
     */
    static final class Budget {
        private final long maxLines;
        private int aliasNodes;
        private long lines;

        Budget(int inputLength) {
            this.maxLines = Math.max(1 << 12, inputLength / CHARACTERS_PER_LINE);
        }
    }

    YamlDocumentBuilder(YamlLimits limits, Parser parser, int number, Budget budget) {
        this.limits = limits;
        this.parser = parser;
        this.number = number;
        this.budget = budget;
    }

    FieldLines lines() {
        return lines;
    }

    static int line(Event event) {
        return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The root node of the document, which starts with the given event. */
    JsonNode root(Event event) {
        return node(event, FieldPath.ROOT, 0);
    }

    /** The node that starts with the given event, consuming the events up to its end. */
    private JsonNode node(Event event, FieldPath path, int depth) {
        if (event instanceof AliasEvent alias) {
            return alias(alias, path);
        }
        int before = nodes;
        JsonNode node = switch (event) {
            case ScalarEvent scalar -> scalar(scalar, path);
            case MappingStartEvent start -> mapping(start, path, depth + 1);
            case SequenceStartEvent start -> sequence(start, path, depth + 1);
            default -> throw problem(event, path, "a value is missing here");
        };
        Optional<Anchor> anchor = ((NodeEvent) event).getAnchor();
        if (anchor.isPresent()) {
            anchors.put(anchor.get().getValue(), node);
            anchorSizes.put(anchor.get().getValue(), nodes - before);
        }
        return node;
    }

    private JsonNode scalar(ScalarEvent scalar, FieldPath path) {
        checkLength(scalar, path);
        nodes++;
        try {
            return YamlScalars.value(scalar);
        } catch (IllegalArgumentException e) {
            throw problem(scalar, path, e.getMessage());
        }
    }

    private ObjectNode mapping(MappingStartEvent start, FieldPath path, int depth) {
        checkCollection(start, path, depth, MAPPING_TAGS, "mapping");
        ObjectNode node = NODES.objectNode();
        List<JsonNode> merged = new ArrayList<>();
        boolean mergeSeen = false;
        Event event;
        while (!((event = parser.next()) instanceof MappingEndEvent)) {
            String key = key(event, path);
            FieldPath child = record(path.field(key), event);
            boolean merge = isMergeKey(event);
            if (merge ? mergeSeen : node.has(key)) {
                throw problem(event, child, "the key '" + key + "' appears twice in the same mapping; keep one");
            }
            JsonNode value = node(parser.next(), child, depth);
            if (merge) {
                mergeSeen = true;
                merged.addAll(mergeSources(value, event, child));
            } else {
                node.set(key, value);
            }
        }
        for (JsonNode source : merged) {
            source.properties().forEach(e -> {
                if (!node.has(e.getKey())) {
                    node.set(e.getKey(), e.getValue());
                }
            });
        }
        return node;
    }

    private ArrayNode sequence(SequenceStartEvent start, FieldPath path, int depth) {
        checkCollection(start, path, depth, SEQUENCE_TAGS, "list");
        ArrayNode node = NODES.arrayNode();
        Event event;
        while (!((event = parser.next()) instanceof SequenceEndEvent)) {
            FieldPath child = record(path.item(node.size()), event);
            node.add(node(event, child, depth));
        }
        return node;
    }

    /** The text of a mapping key; keys are text whatever they look like ({@code 1: a} has the key "1"). */
    private String key(Event event, FieldPath path) {
        if (event instanceof ScalarEvent scalar) {
            int max = Math.min(limits.maxStringLength(), MAX_KEY_LENGTH);
            if (scalar.getValue().length() > max) {
                throw problem(scalar, path, "a key of " + scalar.getValue().length()
                        + " characters is longer than the limit of " + max);
            }
            checkNoNul(scalar, path);
            scalar.getAnchor().ifPresent(a -> {
                anchors.put(a.getValue(), NODES.stringNode(scalar.getValue()));
                anchorSizes.put(a.getValue(), 1);
            });
            return scalar.getValue();
        }
        if (event instanceof AliasEvent alias) {
            JsonNode target = alias(alias, path);
            if (target.isValueNode() && !target.isNull()) {
                return target.asString();
            }
        }
        throw problem(event, path, "a key must be a single value such as a name, not a list or a mapping");
    }

    private static boolean isMergeKey(Event key) {
        return key instanceof ScalarEvent s && s.isPlain() && s.getTag().isEmpty() && MERGE.equals(s.getValue());
    }

    private List<JsonNode> mergeSources(JsonNode value, Event key, FieldPath path) {
        if (value.isObject()) {
            return List.of(value);
        }
        if (value.isArray() && value.valueStream().allMatch(JsonNode::isObject)) {
            return value.valueStream().toList();
        }
        throw problem(key, path, "the merge key << takes a mapping or a list of mappings (e.g. <<: *defaults)");
    }

    private JsonNode alias(AliasEvent event, FieldPath path) {
        String name = event.getAlias().getValue();
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw problem(event, path, "the alias *" + name + " refers to no anchor &" + name
                    + " defined before it in this document");
        }
        int size = anchorSizes.get(name);
        budget.aliasNodes += size;
        if (budget.aliasNodes > limits.maxAliasNodes()) {
            throw problem(event, path, "aliases (*name) expand to more than " + limits.maxAliasNodes()
                    + " values in this input; write the values out or use fewer aliases");
        }
        nodes += size;
        return target.deepCopy();
    }

    private void checkCollection(CollectionStartEvent start, FieldPath path, int depth, Set<String> tags,
                                 String kind) {
        if (depth > limits.maxDepth()) {
            throw problem(start, path, "is nested deeper than " + limits.maxDepth() + " levels of mappings and"
                    + " lists");
        }
        if (start.getTag().isPresent() && !tags.contains(start.getTag().get())) {
            throw problem(start, path, "the tag " + YamlScalars.shortTag(start.getTag().get())
                    + " is not supported on a " + kind + ": remove it");
        }
        nodes++;
    }

    private void checkLength(ScalarEvent scalar, FieldPath path) {
        checkNoNul(scalar, path);
        int length = scalar.getValue().length();
        if (length > limits.maxStringLength()) {
            throw problem(scalar, path, "a value of " + length + " characters is longer than the limit of "
                    + limits.maxStringLength());
        }
    }

    /**
     * Records the line of a field or item while the stream's budget lasts and its parent was recorded;
     * later ones fall back to an ancestor. Answers the path with its id in {@link FieldLines}.
     */
    private FieldPath record(FieldPath path, Event event) {
        if (path.parent().id() < 0 || budget.lines >= budget.maxLines) {
            return path;
        }
        budget.lines++;
        return path.recorded(lines.record(path.parent().id(), path.name(), path.index(), line(event)));
    }

    /** NUL ("\0" in double quotes) can be stored nowhere (PostgreSQL refuses it in text): refused at once. */
    private void checkNoNul(ScalarEvent scalar, FieldPath path) {
        if (scalar.getValue().indexOf('\0') >= 0) {
            throw problem(scalar, path, NUL_MESSAGE);
        }
    }

    static final String NUL_MESSAGE = "contains the NUL character (U+0000), which cannot be stored; remove it";

    private DocumentException problem(Event event, FieldPath path, String message) {
        return new DocumentException(new DocumentProblem(number, line(event), path.toString(), message));
    }
}
