package org.wasmconsole.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Binds a request body (already read within the limits, {@link RequestBodies#tree}) to a record with
 * Jackson, but reports every problem at once, each with its field path ({@code tenants[1]}), as the
 * API's hand-written readers did: an unknown field, a value of the wrong type, an unknown enum constant.
 * No coercion of strings and booleans: {@code "name": 7} is "must be a string", not "7".
 */
final class BodyBinding {

    /**
     * Strings and booleans only from their own JSON types. Jackson's switch for that
     * (ALLOW_COERCION_OF_SCALARS off) throws at the first mismatch; these hand it to the problem
     * handler, which records it and lets binding go on.
     */
    private static final SimpleModule STRICT_SCALARS = new SimpleModule("strict-scalars")
            .addDeserializer(String.class, new ValueDeserializer<>() {
                @Override
                public String deserialize(JsonParser p, DeserializationContext ctxt) {
                    return p.currentToken() == JsonToken.VALUE_STRING ? p.getString()
                            : (String) ctxt.handleUnexpectedToken(String.class, p);
                }
            })
            .addDeserializer(Boolean.class, new ValueDeserializer<>() {
                @Override
                public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
                    return p.currentToken().isBoolean() ? Boolean.valueOf(p.getBooleanValue())
                            : (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
                }
            });

    private BodyBinding() {
    }

    /**
     * @param what        the body's kind in messages ("a user")
     * @param knownFields the fields to list when one is unknown
     */
    static <T> T bind(JsonNode body, Class<T> type, String what, String knownFields) {
        List<Violation> problems = new ArrayList<>();
        T value = bind(body, type, what, knownFields, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return value;
    }

    /**
     * Binds what can be bound and adds every problem to {@code problems} (fields with problems are
     * null), so that a caller can add its own checks and report everything together.
     */
    static <T> T bind(JsonNode body, Class<T> type, String what, String knownFields, List<Violation> problems) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "send a mapping with " + knownFields);
        }
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(STRICT_SCALARS)
                .addHandler(new Collector(problems, what, knownFields))
                .build();
        return mapper.treeToValue(body, type);
    }

    /** Records each problem with its path and lets binding go on (the value is left null). */
    private static final class Collector extends DeserializationProblemHandler {

        private final List<Violation> problems;
        private final String what;
        private final String knownFields;

        Collector(List<Violation> problems, String what, String knownFields) {
            this.problems = problems;
            this.what = what;
            this.knownFields = knownFields;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            problems.add(new Violation(path(p), "is not a field of " + what + "; known fields: " + knownFields));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) {
            problems.add(new Violation(path(p), expected(targetType)));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            problems.add(new Violation(path(ctxt.getParser()), expected(ctxt.constructType(targetType))));
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            if (targetType == Boolean.class || targetType == boolean.class) {
                problems.add(new Violation(path(ctxt.getParser()), "must be true or false"));
            } else if (targetType.isEnum()) {
                problems.add(new Violation(path(ctxt.getParser()), "'" + valueToConvert + "' is not " + String.join(
                        " or ", java.util.Arrays.stream(targetType.getEnumConstants()).map(Object::toString).toList())));
            } else {
                problems.add(new Violation(path(ctxt.getParser()), "'" + valueToConvert + "' is not a valid value"));
            }
            return null;
        }

        private static String expected(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (raw == String.class) {
                return "must be a string";
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return "must be true or false";
            }
            if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
                return "must be a list";
            }
            if (raw.isEnum()) {
                return "must be one of " + String.join(", ", java.util.Arrays.stream(raw.getEnumConstants())
                        .map(Object::toString).toList());
            }
            return "has the wrong type";
        }

        /** The parser's position as a field path: {@code tenants[1]}, {@code name}. */
        private static String path(JsonParser p) {
            String pointer = p.streamReadContext().pathAsPointer().toString();
            StringBuilder path = new StringBuilder();
            for (String segment : pointer.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                if (segment.chars().allMatch(Character::isDigit)) {
                    path.append('[').append(segment).append(']');
                } else {
                    path.append(path.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            return path.toString();
        }
    }
}
