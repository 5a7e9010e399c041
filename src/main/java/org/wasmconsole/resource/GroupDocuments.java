package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between TSB Group documents and {@link GroupInfo}. The apiVersion says which kind of group:
 * {@code gateway.tsb.tetrate.io/v2} a gateway group, {@code security.tsb.tetrate.io/v2} a security
 * group. TSB's {@code description}, {@code namespaceSelector} and {@code configMode} are accepted
 * with a warning.
 * <pre>
 * apiVersion: gateway.tsb.tetrate.io/v2
 * kind: Group
 * metadata: {organization: tse, tenant: t1, workspace: w1, name: g1}
 * spec: {displayName: Edge}
 * </pre>
 */
public final class GroupDocuments {

    public static final String KIND = "Group";

    private static final Set<String> METADATA = Set.of("organization", "tenant", "workspace", "name",
            "displayName", "resourceVersion", "labels", "annotations");
    private static final Set<String> SPEC = Set.of("displayName", "description", "namespaceSelector", "configMode",
            "fqn", "etag");

    private GroupDocuments() {
    }

    /** The kind of group an apiVersion stands for. */
    public static Optional<GroupKind> kindOf(String apiVersion) {
        return Arrays.stream(GroupKind.values()).filter(k -> k.apiVersion().equals(apiVersion)).findFirst();
    }

    /** Reads one document; throws {@link DocumentException} listing every shape problem found. */
    public static ParsedGroup read(SourceDocument document, DocumentScope scope) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbMetadata.root(r, document);
        String apiVersion = r.string(root, "", "apiVersion");
        Optional<GroupKind> groupKind = kindOf(apiVersion);
        if (groupKind.isEmpty()) {
            r.problem("apiVersion", (apiVersion == null ? "is required" : "'" + apiVersion + "' is not supported")
                    + " for a Group: write apiVersion: " + GroupKind.GATEWAY.apiVersion() + " for a gateway group or "
                    + GroupKind.SECURITY.apiVersion() + " for a security group");
        }
        TsbMetadata.kind(r, root, KIND);
        JsonNode metadata = TsbMetadata.metadata(r, root, METADATA);
        JsonNode spec = TsbMetadata.spec(r, root, SPEC);
        String organization = TsbMetadata.required(r, root, metadata, "organization", scope.organization(),
                "the organization of the group's tenant");
        String tenant = TsbMetadata.required(r, root, metadata, "tenant", scope.tenant(),
                "the name of the tenant of the group's workspace");
        String workspace = TsbMetadata.required(r, root, metadata, "workspace", scope.workspace(),
                "the name of the workspace the group belongs to");
        String name = TsbMetadata.required(r, root, metadata, "name", scope.name(),
                "the group's name, a DNS label such as edge");
        List<String> warnings = new ArrayList<>();
        String displayName = TsbMetadata.topologyDisplayName(r, metadata, spec, warnings, "description",
                "namespaceSelector", "configMode");
        GroupInfo info = groupKind.map(k -> new GroupInfo(TsbMetadata.tenantFqn(organization, tenant), workspace,
                k, name, displayName, TsbDocument.objectMeta(r, metadata))).orElse(null);
        TsbMetadata.checkFqn(r, spec, info == null || info.tenant() == null || workspace == null || name == null
                ? null : info.fqn());
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedGroup(document, info, warnings);
    }

    /** The document of a group, as the API writes it. */
    public static ObjectNode write(GroupInfo group) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = TsbMetadata.header(doc, group.kind().apiVersion(), KIND, group.tenant());
        metadata.put("workspace", group.workspace());
        metadata.put("name", group.name());
        ObjectNode spec = TsbMetadata.writeSpec(doc, metadata, group.meta(), group.displayName());
        spec.put("fqn", group.fqn());
        return doc;
    }
}
