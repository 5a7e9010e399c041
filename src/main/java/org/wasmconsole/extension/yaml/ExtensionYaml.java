package org.wasmconsole.extension.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.wasmconsole.base.YamlText;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import tools.jackson.databind.JsonNode;

/**
 * The YAML codec of WasmExtension documents: reads a {@code ---} stream into definitions and
 * writes definitions as the exact documents of spec §1 that {@code tctl apply -f} accepts.
 */
public final class ExtensionYaml {

    private final YamlTreeReader reader;

    public ExtensionYaml(YamlLimits limits) {
        this.reader = new YamlTreeReader(limits);
    }

    public ExtensionYaml() {
        this(YamlLimits.DEFAULT);
    }

    /**
     * Reads every document of the stream; throws {@link ExtensionDocumentException} with the problems
     * of all documents if the stream does not read or any document is not a well-shaped WasmExtension.
     */
    public List<ParsedExtension> read(String yaml) {
        List<ParsedExtension> parsed = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        List<ParsedExtension> partial = new ArrayList<>();
        List<SourceDocument> documents;
        try {
            documents = reader.read(yaml);
        } catch (DocumentException e) {
            throw new ExtensionDocumentException(e.problems(), List.of());
        }
        for (SourceDocument document : documents) {
            try {
                parsed.add(ExtensionDocuments.read(document));
            } catch (ExtensionDocumentException e) {
                problems.addAll(e.problems());
                partial.addAll(e.partial());
            } catch (DocumentException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            partial.addAll(parsed);
            throw new ExtensionDocumentException(problems, partial);
        }
        return parsed;
    }

    /** One document, starting with {@code ---}, with the server-managed fqn and etag. */
    public static String write(StoredExtension extension) {
        return write(extension.definition(), extension.etag());
    }

    /** One document, starting with {@code ---}; fqn and etag only when etag is not null. */
    public static String write(ExtensionDefinition definition, String etag) {
        return toYaml(ExtensionDocuments.write(definition, etag));
    }

    /** Appends documents to a stream one by one, so that an export never holds them all in memory. */
    public static void append(Writer out, StoredExtension extension) {
        try {
            out.write(write(extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toYaml(JsonNode document) {
        return YamlText.write(document);
    }
}
