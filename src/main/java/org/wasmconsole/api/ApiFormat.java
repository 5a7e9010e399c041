package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON by default, YAML when asked for ({@code Accept} or {@code Content-Type: application/yaml}):
 * the same documents either way, YAML written by the same writer as the export.
 */
enum ApiFormat {
    JSON(MediaType.APPLICATION_JSON),
    YAML(MediaType.parseMediaType("application/yaml"));

    static final String YAML_VALUE = "application/yaml";
    static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final List<String> YAML_SUBTYPES = List.of("yaml", "x-yaml");

    final MediaType mediaType;

    ApiFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** The format the client accepts: the first of JSON or YAML by quality, JSON when it does not say. */
    static ApiFormat accepted(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            return JSON;
        }
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (isYaml(type)) {
                return YAML;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return JSON;
            }
        }
        return JSON;
    }

    /** The format of a request body by its Content-Type; JSON when it has none. */
    static ApiFormat ofBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return JSON;
        }
        try {
            return isYaml(MediaType.parseMediaType(contentType)) ? YAML : JSON;
        } catch (IllegalArgumentException e) {
            return JSON;
        }
    }

    private static boolean isYaml(MediaType type) {
        return YAML_SUBTYPES.contains(type.getSubtype()) && type.getQualityValue() > 0;
    }

    /** One document or object in this format (YAML starting with {@code ---}). */
    byte[] write(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    String text(JsonNode node) {
        return this == YAML ? ExtensionYaml.toYaml(node) : JSON_MAPPER.writeValueAsString(node);
    }

    /** A value (record, list, map) converted to a tree first, so that both formats write the same fields. */
    byte[] writeValue(Object value) {
        return write(JSON_MAPPER.valueToTree(value));
    }
}
