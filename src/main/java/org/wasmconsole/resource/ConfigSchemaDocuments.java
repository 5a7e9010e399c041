package org.wasmconsole.resource;

import java.util.List;
import java.util.Set;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console's own document for an extension's config schema, kept out of the TSB
 * {@code WasmExtension} so that its export stays what TSB accepts (issue #19):
 * <pre>
 * apiVersion: console.wasmconsole.org/v1
 * kind: ExtensionConfigSchema
 * metadata: {organization: tse, name: rate-limiter}   # the extension's name
 * spec:
 *   schema: {type: object, required: [limit], properties: {limit: {type: integer, minimum: 1}}}
 * </pre>
 */
public final class ConfigSchemaDocuments {

    public static final String API_VERSION = "console.wasmconsole.org/v1";
    public static final String KIND = "ExtensionConfigSchema";

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = Set.of("organization", "name", "labels", "annotations");
    private static final Set<String> SPEC = Set.of("schema");

    private ConfigSchemaDocuments() {
    }

    /** Reads one document; throws {@link DocumentException} listing every shape problem found. */
    public static ParsedConfigSchema read(SourceDocument document) {
        return read(document, null, null);
    }

    /**
     * Reads a whole document, or (for the API's PUT) just its {@code spec} when the body has no kind;
     * the organization and name may be left out when the path gives them. Throws
     * {@link DocumentException} listing every shape problem found.
     */
    public static ParsedConfigSchema read(SourceDocument document, String organization, String name) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbDocument.mapping(r, document);
        boolean specOnly = organization != null && FieldReader.present(root, "kind") == null
                && FieldReader.present(root, "apiVersion") == null;
        JsonNode metadata = null;
        JsonNode spec;
        if (specOnly) {
            r.onlyKnown(root, "spec", SPEC);
            spec = root;
        } else {
            String apiVersion = r.string(root, "", "apiVersion");
            if (!API_VERSION.equals(apiVersion)) {
                r.problem("apiVersion", (apiVersion == null ? "is required" : "'" + apiVersion + "' is not supported")
                        + " for an " + KIND + ": write apiVersion: " + API_VERSION);
            }
            String kind = r.string(root, "", "kind");
            if (kind != null && !KIND.equals(kind)) {
                r.problem("kind", "is '" + kind + "'; write kind: " + KIND);
            }
            r.onlyKnown(root, "", TOP);
            metadata = r.object(root, "", "metadata");
            spec = r.object(root, "", "spec");
            if (metadata != null) {
                r.onlyKnown(metadata, "metadata", METADATA);
            } else if (organization == null && FieldReader.present(root, "metadata") == null) {
                r.problem("metadata", "is required: give metadata.organization and metadata.name (the extension's)");
            }
            if (spec != null) {
                r.onlyKnown(spec, "spec", SPEC);
            } else if (FieldReader.present(root, "spec") == null) {
                r.problem("spec", "is required: give spec.schema, a JSON Schema such as {type: object}");
            }
        }
        String org = named(r, metadata, "organization", organization);
        String extension = named(r, metadata, "name", name);
        String specPath = specOnly ? "" : "spec";
        JsonNode schema = spec == null ? null : FieldReader.present(spec, "schema");
        if (spec != null && schema == null) {
            r.problem(FieldReader.join(specPath, "schema"), "is required: a JSON Schema (draft 2020-12) such as"
                    + " {type: object, properties: {limit: {type: integer}}}");
        } else if (schema != null && !schema.isObject()) {
            r.problem(FieldReader.join(specPath, "schema"), "must be a mapping (a JSON Schema object), not "
                    + FieldReader.describe(schema));
        }
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedConfigSchema(document, org, extension, schema, List.of());
    }

    private static String named(FieldReader r, JsonNode metadata, String field, String fromPath) {
        String written = r.string(metadata, "metadata", field);
        if (written == null && fromPath == null && metadata != null && FieldReader.present(metadata, field) == null) {
            r.problem("metadata." + field, "is required: the " + (field.equals("name") ? "extension's name"
                    : "extension's organization"));
        }
        return written != null ? written : fromPath;
    }

    /** The document of an extension's schema, as the API and export write it. */
    public static ObjectNode write(String organization, String name, JsonNode schema) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = TsbDocument.organizationHeader(doc, API_VERSION, KIND, organization);
        metadata.put("name", name);
        doc.putObject("spec").set("schema", schema);
        return doc;
    }
}
