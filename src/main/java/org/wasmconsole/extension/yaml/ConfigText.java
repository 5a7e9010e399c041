package org.wasmconsole.extension.yaml;

import java.util.List;
import org.wasmconsole.base.YamlText;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import tools.jackson.databind.JsonNode;

/**
 * A plugin config typed as text (YAML, or JSON, which is YAML too): parsed into a tree, or the
 * line where it stops making sense (the column is 1: problems carry lines only). Empty text means
 * no config.
 */
public final class ConfigText {

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
        // The reader alone: it points at the line of a syntax error and explains it in words (Jackson's
        // own parse reported the enclosing construct's line, parser jargon and Java class names).
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

    /**
     * The line of a path inside a config text ({@code routes[2].timeout}), or of its nearest written
     * ancestor; 1 when the text does not read.
     */
    public static int lineOf(String text, String path) {
        try {
            List<SourceDocument> documents = READER.read(text == null ? "" : text);
            return documents.isEmpty() ? 1 : Math.max(1, documents.getFirst().lineOf(path));
        } catch (DocumentException e) {
            return 1;
        }
    }

    /** The config as the YAML a user edits: block style, no document marker; empty for none. */
    public static String format(JsonNode config) {
        return YamlText.config(config);
    }
}
