package org.wasmconsole.resource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads a YAML stream into one tree per document, token by token, so that it can record the
 * line of every field, refuse duplicate keys, and enforce {@link YamlLimits} as it goes: size
 * before parsing; depth, string length and alias expansion while building.
 */
public final class YamlTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YamlLimits limits;
    private final YAMLMapper mapper;

    public YamlTreeReader(YamlLimits limits) {
        this.limits = limits;
        YAMLFactory factory = YAMLFactory.builder()
                .loadSettings(LoadSettings.builder().setCodePointLimit(limits.maxBytes() + 1).build())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .maxStringLength(limits.maxStringLength() + 1)
                        .build())
                .build();
        this.mapper = new YAMLMapper(factory);
    }

    public List<SourceDocument> read(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            throw new DocumentException(new DocumentProblem(1, 0, "", "the input is " + bytes
                    + " bytes; the limit is " + limits.maxBytes() + " bytes: split it into smaller files"));
        }
        List<SourceDocument> documents = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int number = documents.size() + 1;
                if (number > limits.maxDocuments()) {
                    throw new DocumentException(new DocumentProblem(number, line(parser), "", "the input has more than "
                            + limits.maxDocuments() + " documents: split it into smaller files"));
                }
                Builder builder = new Builder(number, parser);
                int line = line(parser);
                JsonNode root = builder.value(token, "", 0);
                documents.add(new SourceDocument(number, line, root, Map.copyOf(builder.lines)));
            }
        } catch (JacksonException | YamlEngineException e) {
            throw new DocumentException(new DocumentProblem(documents.size() + 1, errorLine(e), "",
                    "is not valid YAML: " + describe(e)));
        }
        return documents;
    }

    private static int line(JsonParser parser) {
        TokenStreamLocation location = parser.currentTokenLocation();
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private static int errorLine(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
                return marked.getProblemMark().get().getLine() + 1;
            }
            if (t instanceof JacksonException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
                return j.getLocation().getLineNr();
            }
        }
        return 0;
    }

    /** The parser's own words, without the snippet of input and location it appends. */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JacksonException j ? j.getOriginalMessage() : root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("in ")
                && !l.startsWith("^") && !l.startsWith("at [")).findFirst().orElse(message).replaceAll("\\s+", " ");
    }

    /** Builds one document's tree; anchors are scoped to the document, as YAML says. */
    private final class Builder {
        private final int number;
        private final JsonParser parser;
        private final Map<String, Integer> lines = new HashMap<>();
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private final Map<String, Integer> anchorSizes = new HashMap<>();
        private int aliasNodes;

        Builder(int number, JsonParser parser) {
            this.number = number;
            this.parser = parser;
        }

        JsonNode value(JsonToken token, String path, int depth) {
            String anchor = parser instanceof YAMLParser y ? y.getObjectId() : null;
            if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
                return alias(parser.getString(), path);
            }
            JsonNode node = switch (token) {
                case START_OBJECT -> object(path, depth + 1);
                case START_ARRAY -> array(path, depth + 1);
                case VALUE_STRING -> string(path);
                case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> throw problem(path, "unexpected " + token);
            };
            if (anchor != null) {
                anchors.put(anchor, node);
                anchorSizes.put(anchor, size(node));
            }
            return node;
        }

        private JsonNode string(String path) {
            String s = parser.getString();
            if (s.length() > limits.maxStringLength()) {
                throw problem(path, "a value of " + s.length() + " characters is longer than the limit of "
                        + limits.maxStringLength());
            }
            return NODES.stringNode(s);
        }

        private ObjectNode object(String path, int depth) {
            checkDepth(path, depth);
            ObjectNode node = NODES.objectNode();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                String child = path.isEmpty() ? key : path + "." + key;
                if (node.has(key)) {
                    throw problem(child, "the key '" + key + "' appears twice in the same mapping; keep one");
                }
                lines.put(child, line(parser));
                node.set(key, value(parser.nextToken(), child, depth));
            }
            if (token != JsonToken.END_OBJECT) {
                throw problem(path, "unexpected " + token);
            }
            return node;
        }

        private ArrayNode array(String path, int depth) {
            checkDepth(path, depth);
            ArrayNode node = NODES.arrayNode();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                String child = path + "[" + node.size() + "]";
                lines.put(child, line(parser));
                node.add(value(token, child, depth));
            }
            return node;
        }

        private JsonNode alias(String name, String path) {
            JsonNode target = anchors.get(name);
            if (target == null) {
                throw problem(path, "the alias *" + name + " refers to no anchor defined before it");
            }
            aliasNodes += anchorSizes.get(name);
            if (aliasNodes > limits.maxAliasNodes()) {
                throw problem(path, "aliases expand to more than " + limits.maxAliasNodes()
                        + " values; write the values out or use fewer aliases");
            }
            return target.deepCopy();
        }

        private void checkDepth(String path, int depth) {
            if (depth > limits.maxDepth()) {
                throw problem(path, "is nested deeper than " + limits.maxDepth() + " levels");
            }
        }

        private DocumentException problem(String path, String message) {
            return new DocumentException(new DocumentProblem(number, line(parser), path, message));
        }
    }

    private static int size(JsonNode node) {
        int n = 1;
        for (JsonNode child : node) {
            n += size(child);
        }
        return n;
    }
}
