package org.wasmconsole.extension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits every config schema keeps before the JSON Schema library sees it, like every other
 * input of the console: its size and nesting, references only inside the schema itself (a
 * {@code $ref} to a URL would make the server fetch it on a save), the 2020-12 dialect, and
 * regular expressions that compile and are short (their run time is bounded by
 * {@link BoundedRegexFactory}).
 */
final class ConfigSchemaBounds {

    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_DEPTH = 32;
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigSchemaBounds() {
    }

    /** Adds a violation for each limit the schema breaks; false when it is too big or deep to look further. */
    static boolean check(JsonNode schema, String path, List<Violation> v) {
        if (schema == null || !schema.isObject()) {
            v.add(new Violation(path, "must be a JSON Schema mapping such as {type: object, properties: {...}}, not "
                    + (schema == null || schema.isNull() ? "empty" : schema.isArray() ? "a list" : "a single value")));
            return false;
        }
        int bytes = JSON.writeValueAsBytes(schema).length;
        if (bytes > MAX_BYTES) {
            v.add(new Violation(path, "is " + bytes + " bytes as JSON; keep a config schema under 64 KiB ("
                    + MAX_BYTES + " bytes)"));
            return false;
        }
        if (depth(schema) > MAX_DEPTH) {
            v.add(new Violation(path, "is nested more than " + MAX_DEPTH + " levels deep; flatten it (use $defs"
                    + " and $ref: '#/$defs/...' for repeated parts)"));
            return false;
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !(dialect.isString() && DIALECT.equals(dialect.asString().replaceAll("#$", "")))) {
            v.add(new Violation(path + ".$schema", "must be " + DIALECT + " (JSON Schema draft 2020-12) or left out"));
        }
        JsonNode type = schema.get("type");
        if (type != null && !(type.isString() && type.asString().equals("object"))) {
            v.add(new Violation(path + ".type", "must be object: a plugin config is a mapping of keys to values"));
        }
        walk(schema, path, true, v);
        return true;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node.values()) {
            deepest = Math.max(deepest, depth(child));
            if (deepest > MAX_DEPTH) {
                break;
            }
        }
        return node.isContainer() ? deepest + 1 : 0;
    }

    private static void walk(JsonNode node, String path, boolean root, List<Violation> v) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", false, v);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = path + "." + key;
            if (REFERENCES.contains(key) && value.isString() && !value.asString().startsWith("#")) {
                v.add(new Violation(at, "'" + value.asString() + "' points outside this schema; only references"
                        + " inside it are allowed (e.g. '#/$defs/route'): copy the referenced part into $defs"));
            } else if (key.equals("$id") && value.isString() && !root) {
                v.add(new Violation(at, "embedded schema resources are not supported; remove $id here (use $defs"
                        + " and '#/$defs/...' references)"));
            } else if (key.equals("pattern") && value.isString()) {
                checkPattern(value.asString(), at, v);
            } else if (key.equals("patternProperties") && value.isObject()) {
                for (String regex : value.propertyNames()) {
                    checkPattern(regex, at + "." + regex, v);
                }
            }
            walk(value, at, false, v);
        }
    }

    private static void checkPattern(String regex, String path, List<Violation> v) {
        if (regex.length() > BoundedRegexFactory.MAX_PATTERN_LENGTH) {
            v.add(new Violation(path, "is " + regex.length() + " characters long; keep a pattern under "
                    + BoundedRegexFactory.MAX_PATTERN_LENGTH));
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            v.add(new Violation(path, "is not a valid regular expression (" + e.getDescription() + " near index "
                    + e.getIndex() + "); fix the pattern"));
        }
    }
}
