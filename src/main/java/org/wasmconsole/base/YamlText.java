package org.wasmconsole.base;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a document tree as the console's YAML: starts with {@code ---}, quotes only what would
 * otherwise read back as another type (see {@link YamlQuoting}), multi-line text as literal blocks,
 * no folded lines. Every document the console shows or exports is written here.
 */
public final class YamlText {

    private static final YAMLMapper WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new YamlQuoting())
                    .build())
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private YamlText() {
    }

    public static String write(JsonNode document) {
        return WRITER.writeValueAsString(document);
    }
}
