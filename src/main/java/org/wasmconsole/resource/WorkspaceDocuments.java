package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between TSB Workspace documents and {@link WorkspaceInfo}. The console keeps a workspace's
 * name and display name; TSB's {@code spec.description} and {@code spec.namespaceSelector} are
 * accepted (TSB exports carry them) with a warning.
 * <pre>
 * apiVersion: api.tsb.tetrate.io/v2
 * kind: Workspace
 * metadata: {organization: tse, tenant: t1, name: w1}
 * spec: {displayName: Payments}
 * </pre>
 */
public final class WorkspaceDocuments {

    public static final String API_VERSION = "api.tsb.tetrate.io/v2";
    public static final String KIND = "Workspace";

    private static final Set<String> METADATA = Set.of("organization", "tenant", "name", "displayName",
            "resourceVersion", "labels", "annotations");
    private static final Set<String> SPEC = Set.of("displayName", "description", "namespaceSelector", "fqn", "etag");

    private WorkspaceDocuments() {
    }

    /**
     * Reads one document; metadata may leave out what the scope gives. Throws {@link DocumentException}
     * listing every shape problem found.
     */
    public static ParsedWorkspace read(SourceDocument document, DocumentScope scope) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbMetadata.root(r, document);
        TsbMetadata.apiVersion(r, root, API_VERSION, KIND);
        TsbMetadata.kind(r, root, KIND);
        JsonNode metadata = TsbMetadata.metadata(r, root, METADATA);
        JsonNode spec = TsbMetadata.spec(r, root, SPEC);
        String organization = TsbMetadata.required(r, root, metadata, "organization", scope.organization(),
                "the organization of the workspace's tenant");
        String tenant = TsbMetadata.required(r, root, metadata, "tenant", scope.tenant(),
                "the name of the tenant the workspace belongs to");
        String name = TsbMetadata.required(r, root, metadata, "name", scope.name(),
                "the workspace's name, a DNS label such as payments");
        List<String> warnings = new ArrayList<>();
        String displayName = TsbMetadata.topologyDisplayName(r, metadata, spec, warnings, "description",
                "namespaceSelector");
        String tenantFqn = TsbMetadata.tenantFqn(organization, tenant);
        WorkspaceInfo info = new WorkspaceInfo(tenantFqn, name, displayName, TsbDocument.objectMeta(r, metadata));
        TsbMetadata.checkFqn(r, spec, tenantFqn == null || name == null ? null : info.fqn());
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedWorkspace(document, info, warnings);
    }

    /** The document of a workspace, as the API writes it. */
    public static ObjectNode write(WorkspaceInfo workspace) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = TsbMetadata.header(doc, API_VERSION, KIND, workspace.tenant());
        metadata.put("name", workspace.name());
        ObjectNode spec = TsbMetadata.writeSpec(doc, metadata, workspace.meta(), workspace.displayName());
        spec.put("fqn", workspace.fqn());
        return doc;
    }
}
