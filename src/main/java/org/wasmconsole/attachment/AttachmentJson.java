package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON columns of targets and attachments: labels, an attachment's config and its match list. */
final class AttachmentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AttachmentJson() {
    }

    static String writeLabels(Map<String, String> labels) {
        return JSON.writeValueAsString(labels);
    }

    static Map<String, String> readLabels(String json) {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    static String writeConfig(JsonNode config) {
        return config == null || config.isNull() ? null : JSON.writeValueAsString(config);
    }

    static JsonNode readConfig(String json) {
        return json == null ? null : JSON.readTree(json);
    }

    /** {@code [{"mode":"SERVER","ports":[8080]}]}; null for no selectors (the extension's match applies). */
    static String writeMatch(List<MatchSelector> match) {
        if (match.isEmpty()) {
            return null;
        }
        ArrayNode array = JSON.createArrayNode();
        for (MatchSelector selector : match) {
            ObjectNode item = array.addObject();
            if (selector.mode() != null) {
                item.put("mode", selector.mode().name());
            }
            ArrayNode ports = item.putArray("ports");
            selector.ports().forEach(ports::add);
        }
        return JSON.writeValueAsString(array);
    }

    static List<MatchSelector> readMatch(String json) {
        List<MatchSelector> match = new ArrayList<>();
        if (json == null) {
            return match;
        }
        for (JsonNode item : JSON.readTree(json)) {
            List<Integer> ports = new ArrayList<>();
            item.get("ports").forEach(p -> ports.add(p.asInt()));
            JsonNode mode = item.get("mode");
            match.add(new MatchSelector(mode == null ? null : WorkloadMode.valueOf(mode.asString()), ports));
        }
        return match;
    }
}
