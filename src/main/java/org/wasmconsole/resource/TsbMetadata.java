package org.wasmconsole.resource;

import java.util.List;
import java.util.Set;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts that TSB's Workspace, Group, gateway and SecuritySetting documents share: the mapping
 * check, apiVersion, the hierarchy in metadata ({@code organization}, {@code tenant},
 * {@code workspace}, {@code group}, {@code name}) with defaults from the context, and the display
 * name, which TSB writes in spec (metadata.displayName is accepted too, as on tenants).
 */
final class TsbMetadata {

    static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");

    private TsbMetadata() {
    }

    /** The root mapping; throws when the document is something else (nothing more can be read). */
    static JsonNode root(FieldReader r, SourceDocument document) {
        JsonNode root = TsbDocument.mapping(r, document);
        r.onlyKnown(root, "", TOP);
        return root;
    }

    /**
     * Starts a document as the API writes it: apiVersion, kind and the metadata's organization and
     * tenant, from the tenant FQN; returns the metadata for the caller's names.
     */
    static ObjectNode header(ObjectNode doc, String apiVersion, String kind, String tenantFqn) {
        Fqn tenant = Fqn.tenantOf(tenantFqn);
        ObjectNode metadata = TsbDocument.organizationHeader(doc, apiVersion, kind, tenant.organization());
        metadata.put("tenant", tenant.tenant());
        return metadata;
    }

    /** The labels and annotations (when known) and a spec with the display name (when set); returns the spec. */
    static ObjectNode writeSpec(ObjectNode doc, ObjectNode metadata, ObjectMeta meta, String displayName) {
        if (meta != null) {
            meta.writeTo(metadata);
        }
        ObjectNode spec = doc.putObject("spec");
        if (displayName != null) {
            spec.put("displayName", displayName);
        }
        return spec;
    }

    static void apiVersion(FieldReader r, JsonNode root, String expected, String kind) {
        String apiVersion = r.string(root, "", "apiVersion");
        if (!expected.equals(apiVersion)) {
            r.problem("apiVersion", (apiVersion == null ? "is required" : "'" + apiVersion + "' is not supported")
                    + " for a " + kind + ": write apiVersion: " + expected);
        }
    }

    /** The document's kind, which must be {@code expected}. */
    static void kind(FieldReader r, JsonNode root, String expected) {
        String kind = r.string(root, "", "kind");
        if (!expected.equals(kind)) {
            r.problem("kind", (kind == null ? "is required" : "'" + kind + "' is not supported here")
                    + ": write kind: " + expected);
        }
    }

    /** metadata, checked against its known fields; null when absent or not a mapping (reported). */
    static JsonNode metadata(FieldReader r, JsonNode root, Set<String> known) {
        JsonNode metadata = r.object(root, "", "metadata");
        if (metadata != null) {
            r.onlyKnown(metadata, "metadata", known);
        }
        return metadata;
    }

    static JsonNode spec(FieldReader r, JsonNode root, Set<String> known) {
        JsonNode spec = r.object(root, "", "spec");
        if (spec != null) {
            r.onlyKnown(spec, "spec", known);
        }
        return spec;
    }

    /**
     * {@code metadata.<field>}, or the context's value when the document leaves it out; a problem when
     * neither gives it (unless metadata was of the wrong type, which is reported already).
     */
    static String required(FieldReader r, JsonNode root, JsonNode metadata, String field, String fallback,
                           String hint) {
        JsonNode written = FieldReader.present(metadata, field);
        String value = r.string(metadata, "metadata", field);
        if (value == null && written == null) {
            value = fallback;
            boolean metadataMisshapen = metadata == null && FieldReader.present(root, "metadata") != null;
            if (value == null && !metadataMisshapen) {
                r.problem("metadata." + field, "is required: " + hint);
            }
        }
        return value;
    }

    /** spec.fqn is the server's; accepted (exports carry it) when it names this resource. */
    static void checkFqn(FieldReader r, JsonNode spec, String fqn) {
        String written = r.string(spec, "spec", "fqn");
        if (written != null && fqn != null && !written.equals(fqn)) {
            r.problem("spec.fqn", "'" + written + "' does not match metadata (" + fqn
                    + "); remove spec.fqn, it is managed by the server");
        }
    }

    /** Fields TSB has that the console does not keep: accepted with a warning, so that TSB exports apply. */
    static void ignored(JsonNode spec, List<String> warnings, String... fields) {
        for (String field : fields) {
            if (FieldReader.present(spec, field) != null) {
                warnings.add("spec." + field + " is not kept by the console and was ignored");
            }
        }
    }

    /**
     * The display name of a workspace or group document. TSB's spec fields the console does not keep
     * ({@code ignored}) are accepted with a warning each; the {@code spec.etag} that exports carry is
     * accepted and not used (a workspace or group has no etag of its own).
     */
    static String topologyDisplayName(FieldReader r, JsonNode metadata, JsonNode spec, List<String> warnings,
                                      String... ignored) {
        String displayName = TsbDocument.displayName(r, metadata, spec);
        ignored(spec, warnings, ignored);
        r.string(spec, "spec", "etag");
        return displayName;
    }

    static String tenantFqn(String organization, String tenant) {
        return organization == null || tenant == null ? null : TenantDocuments.fqn(organization, tenant);
    }
}
