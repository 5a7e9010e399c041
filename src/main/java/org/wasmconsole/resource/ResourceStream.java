package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionDocumentException;
import org.wasmconsole.extension.yaml.ExtensionDocuments;
import tools.jackson.databind.JsonNode;

/**
 * Reads an apply stream ({@code tctl apply -f}): every document of a {@code ---} stream, each as the
 * resource its kind names. A stream that cannot be parsed at all (malformed YAML, a limit exceeded)
 * throws {@link DocumentException}; a document of the wrong shape becomes an {@link InvalidDocument},
 * so that the other documents are still read and reported.
 */
public final class ResourceStream {

    /** The kinds an apply stream takes, as messages list them. */
    public static final String KINDS = ExtensionDocuments.KIND + " (apiVersion: " + ExtensionDocuments.API_VERSION
            + "), " + TenantDocuments.KIND + " and " + WorkspaceDocuments.KIND + " (apiVersion: "
            + TenantDocuments.API_VERSION + "), " + GroupDocuments.KIND + " (apiVersion: "
            + GroupKind.GATEWAY.apiVersion() + " or " + GroupKind.SECURITY.apiVersion() + "), "
            + TargetKind.INGRESS_GATEWAY.documentKind() + ", " + TargetKind.EGRESS_GATEWAY.documentKind() + ", "
            + TargetKind.TIER1_GATEWAY.documentKind() + ", " + TargetKind.GATEWAY.documentKind() + " (apiVersion: "
            + GroupKind.GATEWAY.apiVersion() + ") or "
            + TargetKind.SECURITY_SETTING.documentKind() + " (apiVersion: " + GroupKind.SECURITY.apiVersion() + "), "
            + "OrganizationSetting, TenantSetting, WorkspaceSetting (apiVersion: " + TenantDocuments.API_VERSION
            + "), or "
            + ConfigSchemaDocuments.KIND + " (apiVersion: " + ConfigSchemaDocuments.API_VERSION + ")";

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
        String kind = text(document.root(), "kind");
        try {
            if (TenantDocuments.KIND.equals(kind)) {
                return TenantDocuments.read(document);
            }
            if (WorkspaceDocuments.KIND.equals(kind)) {
                return WorkspaceDocuments.read(document, DocumentScope.NONE);
            }
            if (GroupDocuments.KIND.equals(kind)) {
                return GroupDocuments.read(document, DocumentScope.NONE);
            }
            if (TargetDocuments.reads(kind)) {
                return TargetDocuments.read(document, DocumentScope.NONE);
            }
            if (SettingDocuments.reads(kind)) {
                return SettingDocuments.read(document, DocumentScope.NONE);
            }
            if (ConfigSchemaDocuments.KIND.equals(kind)) {
                return ConfigSchemaDocuments.read(document);
            }
            if (ExtensionDocuments.KIND.equals(kind) || kind == null) {
                return new ExtensionResource(ExtensionDocuments.read(document));
            }
            return new InvalidDocument(document, kind, fqnOf(document, kind), List.of(new DocumentProblem(
                    document.number(), document.lineOf("kind"), "kind", "'" + kind + "' cannot be applied here: "
                    + "write kind: " + KINDS)));
        } catch (DocumentException e) {
            return new InvalidDocument(document, kind, fqnOf(document, kind), e.problems(),
                    e instanceof ExtensionDocumentException x && !x.partial().isEmpty() ? x.partial().getFirst() : null);
        }
    }

    /** The fqn a document's metadata spells, for reports of documents that could not be read. */
    private static String fqnOf(SourceDocument document, String kind) {
        JsonNode metadata = document.root().isObject() ? FieldReader.present(document.root(), "metadata") : null;
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        String org = text(metadata, "organization");
        String name = text(metadata, "name");
        if (org == null || name == null) {
            return null;
        }
        if (TenantDocuments.KIND.equals(kind)) {
            return TenantDocuments.fqn(org, name);
        }
        String tenant = text(metadata, "tenant");
        String workspace = text(metadata, "workspace");
        if (SettingDocuments.reads(kind)) {
            String owner = "organizations/" + org + (tenant == null ? "" : "/tenants/" + tenant
                    + (workspace == null ? "" : "/workspaces/" + workspace));
            return owner + "/settings/" + name;
        }
        if (WorkspaceDocuments.KIND.equals(kind)) {
            return tenant == null ? null : Fqn.tenant(org, tenant).workspace(name).toString();
        }
        if (GroupDocuments.KIND.equals(kind) || TargetDocuments.reads(kind)) {
            Optional<GroupKind> groupKind = GroupDocuments.KIND.equals(kind)
                    ? GroupDocuments.kindOf(text(document.root(), "apiVersion"))
                    : TargetKind.ofDocumentKind(kind).map(TargetKind::groupKind);
            String group = GroupDocuments.KIND.equals(kind) ? name : text(metadata, "group");
            if (tenant == null || workspace == null || group == null || groupKind.isEmpty()) {
                return null;
            }
            Fqn groupFqn = Fqn.tenant(org, tenant).workspace(workspace).group(groupKind.get().pathSegment(), group);
            return (GroupDocuments.KIND.equals(kind) ? groupFqn
                    : groupFqn.target(TargetKind.ofDocumentKind(kind).orElseThrow().pathSegment(), name)).toString();
        }
        return ConfigSchemaDocuments.KIND.equals(kind) ? ExtensionDefinition.fqn(org, name) + "/configschema"
                : ExtensionDefinition.fqn(org, name);
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.isObject() ? FieldReader.present(parent, field) : null;
        return node != null && node.isString() ? node.asString() : null;
    }
}
