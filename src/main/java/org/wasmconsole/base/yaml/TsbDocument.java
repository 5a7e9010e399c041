package org.wasmconsole.base.yaml;

import java.util.SortedMap;
import java.util.TreeMap;
import org.wasmconsole.base.Etags;
import org.wasmconsole.base.ObjectMeta;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every TSB-shaped document shares, whatever its kind: a mapping at the root, apiVersion, kind
 * and the organization heading it, the display name (TSB writes it in spec), labels and annotations,
 * and the etag an export carries.
 */
public final class TsbDocument {

    private TsbDocument() {
    }

    /** The document's root, which must be a mapping: anything else is the one problem reported. */
    public static JsonNode mapping(FieldReader r, SourceDocument document) {
        JsonNode root = document.root();
        if (!root.isObject()) {
            r.problem("", "must be a mapping with apiVersion, kind, metadata and spec, not "
                    + FieldReader.describe(root));
            throw new DocumentException(r.problems());
        }
        return root;
    }

    /**
     * Starts a document as the API writes it: apiVersion, kind and the metadata's organization;
     * returns the metadata for the caller's names.
     */
    public static ObjectNode organizationHeader(ObjectNode doc, String apiVersion, String kind, String organization) {
        doc.put("apiVersion", apiVersion);
        doc.put("kind", kind);
        ObjectNode metadata = doc.putObject("metadata");
        metadata.put("organization", organization);
        return metadata;
    }

    /** TSB writes the display name in spec; metadata.displayName is accepted too when they agree. */
    public static String displayName(FieldReader r, JsonNode metadata, JsonNode spec) {
        String inSpec = r.string(spec, "spec", "displayName");
        String inMetadata = r.string(metadata, "metadata", "displayName");
        if (inSpec != null && inMetadata != null && !inSpec.equals(inMetadata)) {
            r.problem("metadata.displayName", "differs from spec.displayName; give one of them");
        }
        return inSpec != null ? inSpec : inMetadata;
    }

    /**
     * {@code metadata.labels} and {@code metadata.annotations}: mappings of text to text (a number or
     * true must be quoted, as Kubernetes wants). The rules on keys and values are the services'.
     */
    public static ObjectMeta objectMeta(FieldReader r, JsonNode metadata) {
        return new ObjectMeta(stringMap(r, metadata, "labels"), stringMap(r, metadata, "annotations"));
    }

    private static SortedMap<String, String> stringMap(FieldReader r, JsonNode metadata, String field) {
        SortedMap<String, String> map = new TreeMap<>();
        JsonNode node = r.object(metadata, "metadata", field);
        if (node == null) {
            return map;
        }
        for (String key : node.propertyNames()) {
            JsonNode value = FieldReader.present(node, key);
            String text = value == null ? "" : r.string(value, "metadata." + field + "." + key);
            if (text != null) {
                map.put(key, text);
            }
        }
        return map;
    }

    /** {@code spec.etag}, or Kubernetes' {@code metadata.resourceVersion}; both must agree when given. */
    public static String etag(FieldReader r, JsonNode metadata, JsonNode spec) {
        String specEtag = r.string(spec, "spec", "etag");
        String resourceVersion = r.string(metadata, "metadata", "resourceVersion");
        if (specEtag != null && resourceVersion != null
                && !Etags.quoted(specEtag).equals(Etags.quoted(resourceVersion))) {
            r.problem("metadata.resourceVersion", "differs from spec.etag; give one of them, or the same value");
        }
        return Etags.quoted(specEtag != null ? specEtag : resourceVersion);
    }
}
