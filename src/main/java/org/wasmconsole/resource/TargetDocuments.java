package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.FieldReader;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.TsbDocument;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps between the TSB documents that attach extensions (IngressGateway, EgressGateway,
 * Tier1Gateway in a gateway group; SecuritySetting in a security group) and
 * {@link TargetDefinition}s. Reading checks the shape (kind, apiVersion, known fields, types, mode
 * names, ports as {@code {number: N}} items, spec §5); the rules about the values (names, labels,
 * port range, which extensions may be attached) are the service's.
 * <pre>
 * apiVersion: gateway.tsb.tetrate.io/v2
 * kind: IngressGateway
 * metadata: {organization: tse, tenant: t1, workspace: w1, group: g1, name: ingress}
 * spec:
 *   displayName: Public ingress
 *   workloadSelector: {namespace: payments, labels: {app: ingress}}
 *   extension:
 *   - fqn: organizations/tse/extensions/wasm-auth
 *     config: {header: x-tenant}
 *     match: [{mode: CLIENT, ports: [{number: 8080}]}]
 * </pre>
 */
public final class TargetDocuments {

    private static final Set<String> METADATA = Set.of("organization", "tenant", "workspace", "group", "name",
            "displayName", "resourceVersion", "labels", "annotations");
    private static final Set<String> SPEC = Set.of("displayName", "workloadSelector", "fqn", "etag");
    private static final Set<String> SELECTOR = Set.of("namespace", "labels");
    private static final Set<String> ATTACHMENT = Set.of("fqn", "config", "match");
    private static final Set<String> MATCH = Set.of("mode", "ports");
    private static final Set<String> PORT = Set.of("number");
    /** The modes a selector can name (UNDEFINED is the extension's "not set", not a choice here). */
    private static final WorkloadMode[] MODES = {WorkloadMode.CLIENT, WorkloadMode.SERVER,
            WorkloadMode.CLIENT_AND_SERVER};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TargetDocuments() {
    }

    /** Whether a document of this kind is read here. */
    public static boolean reads(String kind) {
        return TargetKind.ofDocumentKind(kind).isPresent();
    }

    /** The kinds read here, as a message lists them. */
    public static String kinds() {
        return String.join(", ", Arrays.stream(TargetKind.values()).map(TargetKind::documentKind).toList());
    }

    /**
     * Reads one document; metadata may leave out what the scope gives. Throws {@link DocumentException}
     * listing every shape problem found.
     */
    public static ParsedTarget read(SourceDocument document, DocumentScope scope) {
        FieldReader r = new FieldReader(document);
        JsonNode root = TsbMetadata.root(r, document);
        String kindName = r.string(root, "", "kind");
        TargetKind kind = TargetKind.ofDocumentKind(kindName).orElse(null);
        if (kind == null) {
            r.problem("kind", (kindName == null ? "is required" : "'" + kindName + "' is not supported here")
                    + ": write kind: one of " + kinds());
        } else {
            TsbMetadata.apiVersion(r, root, kind.groupKind().apiVersion(), kind.documentKind());
        }
        JsonNode metadata = TsbMetadata.metadata(r, root, METADATA);
        JsonNode spec = TsbMetadata.spec(r, root, known(kind));
        ObjectNode kept = kept(kind, spec);
        String groupWord = kind == null || kind.isGateway() ? "gateway group" : "security group";
        String organization = TsbMetadata.required(r, root, metadata, "organization", scope.organization(),
                "the organization of the tenant");
        String tenant = TsbMetadata.required(r, root, metadata, "tenant", scope.tenant(), "the tenant's name");
        String workspace = TsbMetadata.required(r, root, metadata, "workspace", scope.workspace(),
                "the name of the workspace of the " + groupWord);
        String group = TsbMetadata.required(r, root, metadata, "group", scope.group(),
                "the name of the " + groupWord + " this belongs to");
        String name = TsbMetadata.required(r, root, metadata, "name", scope.name(), "its name, a DNS label");
        String displayName = TsbDocument.displayName(r, metadata, spec);
        List<String> warnings = new ArrayList<>();
        JsonNode selector = r.object(spec, "spec", "workloadSelector");
        String namespace = null;
        Map<String, String> labels = new LinkedHashMap<>();
        if (selector != null) {
            r.onlyKnown(selector, "spec.workloadSelector", SELECTOR);
            namespace = r.string(selector, "spec.workloadSelector", "namespace");
            labels = labels(r, selector);
        }
        List<Attachment> attachments = attachments(r, spec, kind == null ? "extension" : kind.attachmentsField());
        String etag = TsbDocument.etag(r, metadata, spec);
        TargetDefinition definition = kind == null ? null : new TargetDefinition(new TargetRef(kind,
                TsbMetadata.tenantFqn(organization, tenant), workspace, group, name), displayName, namespace, labels,
                attachments, TsbDocument.objectMeta(r, metadata), kept);
        TsbMetadata.checkFqn(r, spec, definition == null || definition.ref().tenant() == null || workspace == null
                || group == null || name == null ? null : definition.fqn());
        if (!r.problems().isEmpty()) {
            throw new DocumentException(r.problems());
        }
        return new ParsedTarget(document, definition, etag, warnings);
    }

    /** The fields a spec of this kind may have: the console's and the TSB fields it keeps. */
    private static Set<String> known(TargetKind kind) {
        Set<String> known = new java.util.HashSet<>(SPEC);
        if (kind == null) {
            known.add("extension");
            return known;
        }
        known.add(kind.attachmentsField());
        known.addAll(TsbSpecFields.of(kind));
        return known;
    }

    /** TSB's fields that the console does not manage, verbatim and in document order. */
    private static ObjectNode kept(TargetKind kind, JsonNode spec) {
        ObjectNode kept = NODES.objectNode();
        if (kind != null && spec != null && spec.isObject()) {
            spec.properties().forEach(e -> {
                if (TsbSpecFields.kept(kind, e.getKey()) && !e.getValue().isNull()) {
                    kept.set(e.getKey(), e.getValue().deepCopy());
                }
            });
        }
        return kept;
    }

    private static Map<String, String> labels(FieldReader r, JsonNode selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode node = r.object(selector, "spec.workloadSelector", "labels");
        if (node == null) {
            return labels;
        }
        for (String key : node.propertyNames()) {
            // A label without a value is kept as an empty one: the service says what to write.
            JsonNode value = FieldReader.present(node, key);
            String text = value == null ? "" : r.string(value, "spec.workloadSelector.labels." + key);
            if (text != null) {
                labels.put(key, text);
            }
        }
        return labels;
    }

    private static List<Attachment> attachments(FieldReader r, JsonNode spec, String field) {
        return attachments(r, spec, "spec", field);
    }

    /** An attachment list at {@code <parentPath>.<field>} (a default setting's is under spec.defaultSecuritySetting). */
    static List<Attachment> attachments(FieldReader r, JsonNode parent, String parentPath, String field) {
        JsonNode list = r.array(parent, parentPath, field);
        List<Attachment> attachments = new ArrayList<>();
        if (list == null) {
            return attachments;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = parentPath + "." + field + "[" + i + "]";
            JsonNode item = list.get(i);
            if (item.isNull()) {
                attachments.add(null); // the service says the entry is empty
                continue;
            }
            if (!item.isObject()) {
                r.problem(path, "must be a mapping with fqn, config and match, not " + FieldReader.describe(item));
                continue;
            }
            r.onlyKnown(item, path, ATTACHMENT);
            attachments.add(new Attachment(r.string(item, path, "fqn"), FieldReader.present(item, "config"),
                    match(r, item, path)));
        }
        return attachments;
    }

    private static List<MatchSelector> match(FieldReader r, JsonNode attachment, String parent) {
        JsonNode list = r.array(attachment, parent, "match");
        List<MatchSelector> match = new ArrayList<>();
        if (list == null) {
            return match;
        }
        for (int j = 0; j < list.size(); j++) {
            String path = parent + ".match[" + j + "]";
            JsonNode item = list.get(j);
            if (item.isNull()) {
                match.add(null); // the service says the selector is empty
                continue;
            }
            if (!item.isObject()) {
                r.problem(path, "must be a mapping with mode and ports, e.g. {mode: CLIENT, ports: [{number: 8080}]},"
                        + " not " + FieldReader.describe(item));
                continue;
            }
            r.onlyKnown(item, path, MATCH);
            WorkloadMode mode = r.enumValue(item, path, "mode", MODES, Enum::name);
            match.add(new MatchSelector(mode, ports(r, item, path)));
        }
        return match;
    }

    private static List<Integer> ports(FieldReader r, JsonNode selector, String parent) {
        JsonNode list = r.array(selector, parent, "ports");
        List<Integer> ports = new ArrayList<>();
        if (list == null) {
            return ports;
        }
        for (int k = 0; k < list.size(); k++) {
            String path = parent + ".ports[" + k + "]";
            JsonNode item = list.get(k);
            if (!item.isObject()) {
                r.problem(path, "must be a mapping {number: <port>} as in TSB, e.g. - number: 8080, not "
                        + FieldReader.describe(item));
                continue;
            }
            r.onlyKnown(item, path, PORT);
            ports.add(r.int32(item, path, "number")); // null when absent: the service says it is required
        }
        return ports;
    }

    /** The document of a gateway or security setting; fqn and etag when etag is given. */
    public static ObjectNode write(TargetDefinition d, String etag) {
        TargetRef ref = d.ref();
        ObjectNode doc = NODES.objectNode();
        ObjectNode metadata = TsbMetadata.header(doc, ref.kind().groupKind().apiVersion(), ref.kind().documentKind(),
                ref.tenant());
        metadata.put("workspace", ref.workspace());
        metadata.put("group", ref.group());
        metadata.put("name", ref.name());
        ObjectNode spec = TsbMetadata.writeSpec(doc, metadata, d.meta(), d.displayName());
        if (d.kept().has("description")) {
            spec.set("description", d.kept().get("description").deepCopy());
        }
        ObjectNode selector = spec.putObject("workloadSelector");
        if (d.namespace() != null) {
            selector.put("namespace", d.namespace());
        }
        if (!d.labels().isEmpty()) {
            ObjectNode labels = selector.putObject("labels");
            d.labels().forEach(labels::put);
        }
        d.kept().properties().forEach(e -> {
            if (!e.getKey().equals("description")) {
                spec.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (!d.attachments().isEmpty()) {
            ArrayNode list = spec.putArray(ref.kind().attachmentsField());
            d.attachments().forEach(a -> list.add(attachment(a)));
        }
        if (etag != null) {
            spec.put("fqn", d.fqn());
            spec.put("etag", etag);
        }
        return doc;
    }

    /** One item of an {@code extension} list: fqn, then config and match when the attachment overrides them. */
    public static ObjectNode attachment(Attachment a) {
        ObjectNode item = NODES.objectNode();
        item.put("fqn", a.fqn());
        if (a.config() != null && !a.config().isNull()) {
            item.set("config", a.config().deepCopy());
        }
        if (!a.match().isEmpty()) {
            ArrayNode match = item.putArray("match");
            for (MatchSelector s : a.match()) {
                ObjectNode selector = match.addObject();
                if (s.mode() != null) {
                    selector.put("mode", s.mode().name());
                }
                if (!s.ports().isEmpty()) {
                    ArrayNode ports = selector.putArray("ports");
                    s.ports().forEach(p -> ports.addObject().put("number", p));
                }
            }
        }
        return item;
    }
}
