package org.wasmconsole.resource;

import org.wasmconsole.base.ObjectMeta;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import org.wasmconsole.tenant.Tenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between TSB Tenant documents and their few fields. The console keeps a tenant's name and
 * display name; TSB's {@code spec.description} is accepted (exports of TSB carry it) with a warning.
 * <pre>
 * apiVersion: api.tsb.tetrate.io/v2
 * kind: Tenant
 * metadata: {organization: tse, name: payments}
 * spec: {displayName: Payments}
 * </pre>
 */
public final class TenantDocuments {

    public static final String API_VERSION = "api.tsb.tetrate.io/v2";
    public static final String KIND = "Tenant";

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> METADATA = Set.of("organization", "name", "displayName", "resourceVersion",
            "labels", "annotations");
    private static final Set<String> SPEC = Set.of("displayName", "description", "fqn", "etag");

    private TenantDocuments() {
    }

    public static String fqn(String organization, String name) {
        return Tenant.fqn(organization, name);
    }

    /** Reads one document; throws {@link DocumentException} listing every shape problem found. */
    public static ParsedTenant read(SourceDocument document) {
        return read(document, null);
    }

    /**
     * Reads one document whose organization may be left out when the context gives it (the API's
     * path); throws {@link DocumentException} listing every shape problem found.
     */
    public static ParsedTenant read(SourceDocument document, String defaultOrganization) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbDocument.mapping(r, document);
        String apiVersion = r.string(root, "", "apiVersion");
        if (!API_VERSION.equals(apiVersion)) {
            r.problem("apiVersion", (apiVersion == null ? "is required" : "'" + apiVersion + "' is not supported")
                    + " for a Tenant: write apiVersion: " + API_VERSION);
        }
        r.onlyKnown(root, "", TOP);
        JsonNode metadata = r.object(root, "", "metadata");
        JsonNode spec = r.object(root, "", "spec");
        if (metadata == null && FieldReader.present(root, "metadata") == null) {
            r.problem("metadata", "is required: give metadata.organization and metadata.name");
        }
        if (metadata != null) {
            r.onlyKnown(metadata, "metadata", METADATA);
        }
        if (spec != null) {
            r.onlyKnown(spec, "spec", SPEC);
        }
        String written = r.string(metadata, "metadata", "organization");
        String organization = written != null ? written : defaultOrganization;
        String name = r.string(metadata, "metadata", "name");
        if (metadata != null && organization == null && FieldReader.present(metadata, "organization") == null) {
            r.problem("metadata.organization", "is required: the organization the tenant belongs to");
        }
        if (metadata != null && name == null && FieldReader.present(metadata, "name") == null) {
            r.problem("metadata.name", "is required: the tenant's name, a DNS label such as payments");
        }
        String displayName = TsbDocument.displayName(r, metadata, spec);
        List<String> warnings = new ArrayList<>();
        if (r.string(spec, "spec", "description") != null) {
            warnings.add("spec.description is not kept by the console and was ignored");
        }
        String fqn = r.string(spec, "spec", "fqn");
        if (fqn != null && organization != null && name != null && !fqn.equals(fqn(organization, name))) {
            r.problem("spec.fqn", "'" + fqn + "' does not match metadata (" + fqn(organization, name)
                    + "); remove spec.fqn, it is managed by the server");
        }
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedTenant(document, organization, name, displayName, TsbDocument.objectMeta(r, metadata),
                warnings);
    }

    /** The document of a tenant, as the API and export write it. */
    public static ObjectNode write(String organization, String name, String displayName) {
        return write(organization, name, displayName, ObjectMeta.EMPTY);
    }

    /** The document of a tenant with its labels and annotations. */
    public static ObjectNode write(String organization, String name, String displayName, ObjectMeta meta) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = TsbDocument.organizationHeader(doc, API_VERSION, KIND, organization);
        metadata.put("name", name);
        ObjectNode spec = TsbMetadata.writeSpec(doc, metadata, meta, displayName);
        spec.put("fqn", fqn(organization, name));
        return doc;
    }
}
