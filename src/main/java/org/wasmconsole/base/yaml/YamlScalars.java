package org.wasmconsole.base.yaml;

import java.math.BigInteger;
import java.util.Optional;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns YAML scalars into JSON values by the YAML 1.2 core schema: a plain scalar is null
 * ({@code ~}, {@code null}, empty), a boolean ({@code true}, {@code False}), a whole number
 * (decimal, {@code 0x} hex, {@code 0o} octal) or a finite floating-point number when it looks like
 * one, and text otherwise; a quoted or block scalar is always text. Explicit standard tags
 * ({@code !!str}, {@code !!int}, ...) are honoured; other tags are refused.
 */
final class YamlScalars {

    /** Longer numbers are refused: parsing them costs time for no useful value. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final ScalarResolver CORE = new CoreScalarResolver(false);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlScalars() {
    }

    /** The value of a scalar; throws {@link IllegalArgumentException} with a message for the user. */
    static JsonNode value(ScalarEvent scalar) {
        String text = scalar.getValue();
        Optional<String> tag = scalar.getTag();
        if (tag.isEmpty()) {
            Tag resolved = scalar.getImplicit().canOmitTagInPlainScalar() ? CORE.resolve(text, true) : Tag.STR;
            return typed(resolved, text, false);
        }
        if (tag.get().equals("!")) {
            return NODES.stringNode(text);
        }
        return typed(new Tag(tag.get()), text, true);
    }

    /** How a tag is written in YAML: {@code !!int} rather than {@code tag:yaml.org,2002:int}. */
    static String shortTag(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

    private static JsonNode typed(Tag tag, String text, boolean explicit) {
        if (tag.equals(Tag.STR)) {
            return NODES.stringNode(text);
        }
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return bool(text, explicit);
        }
        if (tag.equals(Tag.INT)) {
            return integer(text, explicit);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(text, explicit);
        }
        if (tag.equals(Tag.BINARY)) {
            throw new IllegalArgumentException("binary values (!!binary) are not supported: remove the tag"
                    + " and keep the base64 text as a string");
        }
        if (tag.getValue().equals(Tag.PREFIX + "timestamp")) {
            return NODES.stringNode(text);
        }
        throw new IllegalArgumentException("the tag " + shortTag(tag.getValue()) + " is not supported here:"
                + " remove it");
    }

    private static JsonNode bool(String text, boolean explicit) {
        return switch (text) {
            case "true", "True", "TRUE" -> NODES.booleanNode(true);
            case "false", "False", "FALSE" -> NODES.booleanNode(false);
            default -> throw notA("true or false", text, explicit);
        };
    }

    private static JsonNode integer(String text, boolean explicit) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw tooLong(text);
        }
        BigInteger value;
        try {
            if (text.startsWith("0x")) {
                value = new BigInteger(text.substring(2), 16);
            } else if (text.startsWith("0o")) {
                value = new BigInteger(text.substring(2), 8);
            } else {
                value = new BigInteger(text);
            }
        } catch (NumberFormatException e) {
            throw notA("whole number", text, explicit);
        }
        if (value.bitLength() < Integer.SIZE) {
            return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < Long.SIZE) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode floating(String text, boolean explicit) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw tooLong(text);
        }
        String lower = text.toLowerCase();
        if (lower.endsWith(".inf") || lower.equals(".nan")) {
            throw new IllegalArgumentException("'" + text + "' (infinity or not-a-number) has no JSON equivalent:"
                    + " use a finite number, or quote it if it is meant as text");
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw notA("number", text, explicit);
        }
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("the number " + text + " is too large: use a finite number,"
                    + " or quote it if it is meant as text");
        }
        return NODES.numberNode(value);
    }

    private static IllegalArgumentException notA(String what, String text, boolean explicit) {
        return new IllegalArgumentException("'" + text + "' is not a " + what
                + (explicit ? " as its tag says: remove the tag or fix the value" : ""));
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("a number of " + text.length() + " characters is longer than the limit"
                + " of " + MAX_NUMBER_LENGTH + "; quote it if it is meant as text");
    }
}
