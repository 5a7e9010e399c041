package org.wasmconsole.extension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stores spec.config as JSON text, keeping the key order and nesting as given. */
final class ConfigJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigJson() {
    }

    static String write(JsonNode config) {
        return config == null || config.isNull() ? null : JSON.writeValueAsString(config);
    }

    static JsonNode read(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
