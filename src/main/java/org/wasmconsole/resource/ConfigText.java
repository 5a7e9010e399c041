package org.wasmconsole.resource;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A plugin config typed as text (YAML, or JSON, which is YAML too): parsed into a tree, or the
 * line and column where it stops making sense. Empty text means no config.
 */
public final class ConfigText {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();
    private static final YamlTreeReader READER = new YamlTreeReader(YamlLimits.DEFAULT);

    /** Either a value (null for no config) or an error at line:column (both from 1). */
    public record Parsed(JsonNode value, String error, int line, int column) {

        public boolean ok() {
            return error == null;
        }
    }

    private ConfigText() {
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, null, 0, 0);
        }
        try {
            YAML.readTree(text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String message = e.getOriginalMessage() == null ? "not valid YAML" : e.getOriginalMessage().lines()
                    .findFirst().orElse("not valid YAML");
            return new Parsed(null, message, at == null ? 1 : Math.max(at.getLineNr(), 1),
                    at == null ? 1 : Math.max(at.getColumnNr(), 1));
        }
        try {
            List<SourceDocument> documents = READER.read(text);
            if (documents.size() > 1) {
                return new Parsed(null, "holds " + documents.size() + " documents; a config is one mapping",
                        documents.get(1).line(), 1);
            }
            JsonNode value = documents.isEmpty() ? null : documents.getFirst().root();
            return new Parsed(value == null || value.isNull() ? null : value, null, 0, 0);
        } catch (DocumentException e) {
            DocumentProblem p = e.problems().getFirst();
            return new Parsed(null, (p.path().isEmpty() ? "" : p.path() + ": ") + p.message(), Math.max(p.line(), 1), 1);
        }
    }

    /** The config as the YAML a user edits: block style, no document marker; empty for none. */
    public static String format(JsonNode config) {
        return config == null || config.isNull() ? "" : YAML.writeValueAsString(config);
    }
}
