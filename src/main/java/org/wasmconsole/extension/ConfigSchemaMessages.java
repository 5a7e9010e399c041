package org.wasmconsole.extension;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

/**
 * Messages that say how to fix a config, for the keywords a config schema uses most; the library's
 * own message for the rest. Written for the person editing the config, who may never have seen
 * the schema.
 */
final class ConfigSchemaMessages {

    private ConfigSchemaMessages() {
    }

    static String forConfig(Error e) {
        JsonNode rule = e.getSchemaNode();
        JsonNode value = e.getInstanceNode();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        return switch (keyword) {
            case "type" -> "is " + describe(value) + "; write " + article(rule) + " (the extension's config schema"
                    + " says so)";
            case "required" -> "is required by the extension's config schema; add it";
            case "additionalProperties", "unevaluatedProperties" -> "is not a key the extension knows; remove it or"
                    + " check its spelling";
            case "enum" -> "is " + describe(value) + "; use one of " + rule;
            case "const" -> "must be " + rule;
            case "minimum" -> "is " + value + "; use " + rule + " or more";
            case "exclusiveMinimum" -> "is " + value + "; use a number greater than " + rule;
            case "maximum" -> "is " + value + "; use " + rule + " or less";
            case "exclusiveMaximum" -> "is " + value + "; use a number less than " + rule;
            case "multipleOf" -> "is " + value + "; use a multiple of " + rule;
            case "minLength" -> "is too short; use at least " + rule + " characters";
            case "maxLength" -> "is too long; use at most " + rule + " characters";
            case "pattern" -> "is " + describe(value) + ", which does not match " + rule + "; write a value of that"
                    + " form";
            case "minItems" -> "has too few items; give at least " + rule;
            case "maxItems" -> "has too many items; give at most " + rule;
            case "uniqueItems" -> "has duplicate items; remove them";
            case "minProperties" -> "has too few keys; give at least " + rule;
            case "maxProperties" -> "has too many keys; give at most " + rule;
            case "format" -> "is " + describe(value) + ", not a valid " + rule.asString() + "; write one";
            default -> e.getMessage() + "; change the value to fit the extension's config schema";
        };
    }

    static String forSchema(Error e) {
        return e.getMessage() + " (JSON Schema draft 2020-12); fix the schema here";
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        if (value.isString()) {
            String s = value.asString();
            return "the text '" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "true" : "false";
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "a list" : "a mapping";
    }

    private static String article(JsonNode type) {
        if (type != null && type.isArray()) {
            StringBuilder s = new StringBuilder("one of: ");
            for (int i = 0; i < type.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(article(type.get(i)));
            }
            return s.toString();
        }
        String t = type == null ? "" : type.asString();
        return switch (t) {
            case "integer" -> "a whole number (e.g. 10)";
            case "number" -> "a number (e.g. 1.5)";
            case "string" -> "a text (quote it if it looks like a number, e.g. \"10\")";
            case "boolean" -> "true or false";
            case "array" -> "a list (e.g. [a, b])";
            case "object" -> "a mapping of keys to values";
            case "null" -> "null";
            default -> "a " + t;
        };
    }
}
