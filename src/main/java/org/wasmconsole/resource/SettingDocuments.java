package org.wasmconsole.resource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.SettingLevel;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between TSB's OrganizationSetting, TenantSetting and WorkspaceSetting documents
 * (api.tsb.tetrate.io/v2) and {@link DefaultSettingDefinition}s. The console manages
 * {@code spec.displayName} and {@code spec.defaultSecuritySetting.extension}; every other field TSB
 * has there ({@code defaultTrafficSetting}, the default security setting's {@code authenticationSettings},
 * {@code authorization}, {@code propagationStrategy}, ...) is kept verbatim and written back unchanged; a
 * field TSB does not have is refused with its path.
 * <pre>
 * apiVersion: api.tsb.tetrate.io/v2
 * kind: TenantSetting
 * metadata: {organization: tse, tenant: t1, name: default}
 * spec:
 *   defaultSecuritySetting:
 *     authenticationSettings: {trafficMode: REQUIRED}
 *     extension:
 *     - fqn: organizations/tse/extensions/wasm-auth
 * </pre>
 */
public final class SettingDocuments {

    private static final String SECURITY = "defaultSecuritySetting";
    private static final String SECURITY_PATH = "spec." + SECURITY;
    private static final Set<String> SPEC = Set.of("displayName", "description", "fqn", "etag", SECURITY,
            "defaultTrafficSetting");
    /** TSB's further spec fields per level (api.tsb.tetrate.io/v2 reference). */
    private static final Map<SettingLevel, Set<String>> MORE = Map.of(
            SettingLevel.ORGANIZATION, Set.of("networkSettings", "regionalFailover"),
            SettingLevel.TENANT, Set.of(),
            SettingLevel.WORKSPACE, Set.of("defaultEastWestGatewaySettings", "regionalFailover"));
    /** A SecuritySetting's spec (tsb/security/v2), as the default security setting carries it. */
    private static final Set<String> SECURITY_FIELDS = Set.of("displayName", "description", "authentication",
            "authenticationSettings", "authorization", "propagationStrategy", "waf", "extension", "fqn", "etag",
            "configGenerationMetadata");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SettingDocuments() {
    }

    public static boolean reads(String kind) {
        return SettingLevel.ofDocumentKind(kind).isPresent();
    }

    /** Reads one document; metadata may leave out what the scope gives. Throws {@link DocumentException}. */
    public static ParsedSetting read(SourceDocument document, DocumentScope scope) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbMetadata.root(r, document);
        String kindName = r.string(root, "", "kind");
        SettingLevel level = SettingLevel.ofDocumentKind(kindName).orElse(null);
        if (level == null) {
            r.problem("kind", "'" + kindName + "' is not supported here: write kind: OrganizationSetting,"
                    + " TenantSetting or WorkspaceSetting");
            throw new DocumentException(r.problems());
        }
        TsbMetadata.apiVersion(r, root, SettingLevel.API_VERSION, level.documentKind());
        Set<String> metadataFields = new HashSet<>(Set.of("organization", "name", "displayName", "resourceVersion",
                "labels", "annotations"));
        if (level != SettingLevel.ORGANIZATION) {
            metadataFields.add("tenant");
        }
        if (level == SettingLevel.WORKSPACE) {
            metadataFields.add("workspace");
        }
        JsonNode metadata = TsbMetadata.metadata(r, root, metadataFields);
        Set<String> specFields = new HashSet<>(SPEC);
        specFields.addAll(MORE.get(level));
        JsonNode spec = TsbMetadata.spec(r, root, specFields);
        String organization = TsbMetadata.required(r, root, metadata, "organization", scope.organization(),
                "the organization the setting belongs to");
        String tenant = level == SettingLevel.ORGANIZATION ? null : TsbMetadata.required(r, root, metadata, "tenant",
                scope.tenant(), "the name of the tenant the setting belongs to");
        String workspace = level != SettingLevel.WORKSPACE ? null : TsbMetadata.required(r, root, metadata,
                "workspace", scope.workspace(), "the name of the workspace the setting belongs to");
        String name = TsbMetadata.required(r, root, metadata, "name", scope.name(), "its name, a DNS label such as"
                + " default");
        String displayName = TsbDocument.displayName(r, metadata, spec);
        JsonNode security = r.object(spec, "spec", SECURITY);
        List<Attachment> attachments = List.of();
        if (security != null) {
            r.onlyKnown(security, SECURITY_PATH, SECURITY_FIELDS);
            attachments = TargetDocuments.attachments(r, security, SECURITY_PATH, "extension");
        }
        String etag = TsbDocument.etag(r, metadata, spec);
        SettingRef ref = new SettingRef(level, organization, tenant, workspace, name);
        DefaultSettingDefinition definition = new DefaultSettingDefinition(ref, displayName, security != null,
                attachments, TsbDocument.objectMeta(r, metadata), kept(spec));
        boolean named = organization != null && name != null && (level == SettingLevel.ORGANIZATION || tenant != null)
                && (level != SettingLevel.WORKSPACE || workspace != null);
        TsbMetadata.checkFqn(r, spec, named ? ref.fqn() : null);
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedSetting(document, definition, etag, List.of());
    }

    /** The spec without what the console manages, the default security setting without its extension list. */
    private static ObjectNode kept(JsonNode spec) {
        ObjectNode kept = NODES.objectNode();
        if (spec == null || !spec.isObject()) {
            return kept;
        }
        spec.properties().forEach(e -> {
            String field = e.getKey();
            if (Set.of("displayName", "fqn", "etag").contains(field) || e.getValue().isNull()) {
                return;
            }
            if (field.equals(SECURITY) && e.getValue().isObject()) {
                ObjectNode security = (ObjectNode) e.getValue().deepCopy();
                security.remove("extension");
                kept.set(field, security);
            } else {
                kept.set(field, e.getValue().deepCopy());
            }
        });
        return kept;
    }

    /** The document of a default setting; fqn and etag when etag is given. */
    public static ObjectNode write(DefaultSettingDefinition d, String etag) {
        SettingRef ref = d.ref();
        ObjectNode doc = NODES.objectNode();
        ObjectNode metadata = TsbDocument.organizationHeader(doc, SettingLevel.API_VERSION,
                ref.level().documentKind(), ref.organization());
        if (ref.tenant() != null) {
            metadata.put("tenant", ref.tenant());
        }
        if (ref.workspace() != null) {
            metadata.put("workspace", ref.workspace());
        }
        metadata.put("name", ref.name());
        ObjectNode spec = TsbMetadata.writeSpec(doc, metadata, d.meta(), d.displayName());
        d.kept().properties().forEach(e -> spec.set(e.getKey(), e.getValue().deepCopy()));
        if (d.security()) {
            ObjectNode security = spec.has(SECURITY) && spec.get(SECURITY).isObject()
                    ? (ObjectNode) spec.get(SECURITY) : spec.putObject(SECURITY);
            if (!d.attachments().isEmpty()) {
                ArrayNode list = security.putArray("extension");
                d.attachments().forEach(a -> list.add(TargetDocuments.attachment(a)));
            }
        }
        if (etag != null) {
            spec.put("fqn", d.fqn());
            spec.put("etag", etag);
        }
        return doc;
    }
}
