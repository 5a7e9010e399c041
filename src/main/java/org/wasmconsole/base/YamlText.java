package org.wasmconsole.base;

import org.jspecify.annotations.Nullable;
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

    /** Shared by both writers and by {@link BlockYamlWriter}, so that all three quote alike. */
    private static final YamlQuoting QUOTING = new YamlQuoting();
    private static final YAMLMapper WRITER = quotingOnlyWhatMustBe()
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .enable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();
    private static final YAMLMapper CONFIG_WRITER = quotingOnlyWhatMustBe()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .build();

    private YamlText() {
    }

    /** YamlQuoting: text such as "1e3", ".inf" or "0x10" must stay text when the user saves the form. */
    private static YAMLMapper.Builder quotingOnlyWhatMustBe() {
        return YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(QUOTING).build())
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);
    }

    public static String write(JsonNode document) {
        // The same text either way: the block writer handles the common documents, Jackson all the others.
        String text = BlockYamlWriter.write(document, QUOTING);
        return text != null ? text : jackson(document);
    }

    /**
     * Jackson's text of the document, which {@link BlockYamlWriter} reproduces (its test compares them); public
     * for the benchmark, whose export baseline is Jackson writing the same documents from memory.
     */
    public static String jackson(JsonNode document) {
        return WRITER.writeValueAsString(document);
    }

    /**
     * A plugin config as the YAML a user edits: block style, no document marker; empty for none.
     * Here in base because both the extension screens and the attach dialog show configs.
     */
    public static String config(@Nullable JsonNode config) {
        return config == null || config.isNull() ? "" : CONFIG_WRITER.writeValueAsString(config);
    }
}
