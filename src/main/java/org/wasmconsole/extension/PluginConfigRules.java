package org.wasmconsole.extension;

import java.util.List;
import java.util.Map;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plugin config must be a mapping with JSON-compatible values, at most 64 KiB as JSON: the rule of
 * an extension's {@code spec.config} and of an attachment's override, which replaces it (so both
 * apply this one).
 */
public final class PluginConfigRules {

    public static final int MAX_CONFIG_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PluginConfigRules() {
    }

    public static void check(JsonNode config, String path, List<Violation> v) {
        if (config == null || config.isNull()) {
            return;
        }
        if (!config.isObject()) {
            v.add(new Violation(path, "must be a mapping of keys to values (e.g. header: x-tenant), not a "
                    + (config.isArray() ? "list" : "single value")));
            return;
        }
        String incompatible = firstNonJsonValue(config, path);
        if (incompatible != null) {
            v.add(new Violation(incompatible, "is not a JSON-compatible value: use a string, a finite number,"
                    + " true/false, null, a list or a mapping"));
            return;
        }
        int bytes = JSON.writeValueAsBytes(config).length;
        if (bytes > MAX_CONFIG_BYTES) {
            v.add(new Violation(path, "is " + bytes + " bytes as JSON; keep it under 64 KiB (" + MAX_CONFIG_BYTES
                    + " bytes)"));
        }
    }

    private static String firstNonJsonValue(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String found = firstNonJsonValue(e.getValue(), path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNonJsonValue(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return path;
        }
        if (node.isBinary() || node.isPojo() || node.isMissingNode()) {
            return path;
        }
        return null;
    }
}
