package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.List;
import org.wasmconsole.extension.ExtensionDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Reads an apply stream ({@code tctl apply -f}): every document of a {@code ---} stream, each as the
 * resource its kind names. A stream that cannot be parsed at all (malformed YAML, a limit exceeded)
 * throws {@link DocumentException}; a document of the wrong shape becomes an {@link InvalidDocument},
 * so that the other documents are still read and reported.
 */
public final class ResourceStream {

    private final YamlTreeReader reader;

    public ResourceStream(YamlLimits limits) {
        this.reader = new YamlTreeReader(limits);
    }

    public List<ParsedResource> read(String yaml) {
        List<ParsedResource> resources = new ArrayList<>();
        for (SourceDocument document : reader.read(yaml)) {
            resources.add(read(document));
        }
        return resources;
    }

    /** One document, whatever its kind; never throws for a problem of the document itself. */
    public static ParsedResource read(SourceDocument document) {
        JsonNode kindNode = document.root().isObject() ? FieldReader.present(document.root(), "kind") : null;
        String kind = kindNode != null && kindNode.isString() ? kindNode.asString() : null;
        try {
            if (TenantDocuments.KIND.equals(kind)) {
                return TenantDocuments.read(document);
            }
            if (ExtensionDocuments.KIND.equals(kind) || kind == null) {
                return ExtensionDocuments.read(document);
            }
            return new InvalidDocument(document, kind, fqnOf(document, kind), List.of(new DocumentProblem(
                    document.number(), document.lineOf("kind"), "kind", "'" + kind + "' cannot be applied here: "
                    + "write kind: " + ExtensionDocuments.KIND + " (apiVersion: " + ExtensionDocuments.API_VERSION
                    + ") or kind: " + TenantDocuments.KIND + " (apiVersion: " + TenantDocuments.API_VERSION + ")")));
        } catch (DocumentException e) {
            return new InvalidDocument(document, kind, fqnOf(document, kind), e.problems());
        }
    }

    /** The fqn a document's metadata spells, for reports of documents that could not be read. */
    private static String fqnOf(SourceDocument document, String kind) {
        JsonNode metadata = document.root().isObject() ? FieldReader.present(document.root(), "metadata") : null;
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        JsonNode org = FieldReader.present(metadata, "organization");
        JsonNode name = FieldReader.present(metadata, "name");
        if (org == null || name == null || !org.isString() || !name.isString()) {
            return null;
        }
        return TenantDocuments.KIND.equals(kind) ? TenantDocuments.fqn(org.asString(), name.asString())
                : ExtensionDefinition.fqn(org.asString(), name.asString());
    }
}
