package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.resource.DocumentScope;
import org.wasmconsole.resource.ParsedTarget;
import org.wasmconsole.resource.TargetDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;

/**
 * Ingress, Egress and Tier-1 gateways of a gateway group and security settings of a security
 * group, each with its {@code extension} list (spec §5), and the Istio WasmPlugins they give
 * (spec §6). A replace (PUT) writes the whole list; an extension can only be attached in a tenant its
 * allowedIn allows. An operator reads those of their own tenants (others are 404); only admins write.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/tenants/{tenant}/workspaces/{workspace}")
@Tag(name = "Gateways and security settings", description = "IngressGateway, EgressGateway, Tier1Gateway"
        + " (gateway.tsb.tetrate.io/v2) and SecuritySetting (security.tsb.tetrate.io/v2) documents with their"
        + " extension attachments, and the WasmPlugins Istio gets for them")
@RequiredArgsConstructor
class TargetApi {

    static final String INGRESS = "/gatewaygroups/{group}/ingressgateways";
    static final String EGRESS = "/gatewaygroups/{group}/egressgateways";
    static final String TIER1 = "/gatewaygroups/{group}/tier1gateways";
    static final String SETTINGS = "/securitygroups/{group}/settings";
    /** TSB's unified Gateway (attachments under spec.wasmPlugins). */
    static final String GATEWAYS = "/gatewaygroups/{group}/gateways";
    static final String ONE = "/{name}";

    private final AttachmentService attachments;
    private final RequestBodies bodies;

    @Operation(summary = "List the gateways of one kind in a gateway group, or the security settings of a"
            + " security group", description = "JSON: {\"<kind path>\": [documents]}; YAML: a multi-document stream.")
    @GetMapping(path = {INGRESS, EGRESS, TIER1, SETTINGS, GATEWAYS},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void list(@PathVariable String organization, @PathVariable String tenant, @PathVariable String workspace,
              @PathVariable String group, HttpServletRequest request, HttpServletResponse response) throws IOException {
        TargetKind kind = DocumentBodies.targetKind(request);
        List<StoredTarget> found = attachments.list(Tenant.fqn(organization, tenant), workspace, group, kind);
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request),
                kind.pathSegment())) {
            found.forEach(t -> writer.write(TargetDocuments.write(t.definition(), t.etag())));
        }
    }

    @Operation(summary = "One gateway or security setting; its etag in the ETag header")
    @GetMapping(path = {INGRESS + ONE, EGRESS + ONE, TIER1 + ONE, SETTINGS + ONE, GATEWAYS + ONE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable String tenant,
                               @PathVariable String workspace, @PathVariable String group, @PathVariable String name,
                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                               HttpServletRequest request) {
        StoredTarget target = attachments.get(ref(request, organization, tenant, workspace, group, name));
        if (target.etag().equals(DocumentBodies.etagOf(ifNoneMatch))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(target.etag()).build();
        }
        return document(ResponseEntity.ok(), target, request);
    }

    @Operation(summary = "Create a gateway or security setting with its extension list",
            description = "The document's kind must be the path's. metadata.organization, tenant, workspace and group"
                    + " may be left out. 409 when it exists; 422 when an extension is not allowed in the tenant.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(path = {INGRESS, EGRESS, TIER1, SETTINGS, GATEWAYS},
            consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> create(@PathVariable String organization, @PathVariable String tenant,
                                  @PathVariable String workspace, @PathVariable String group,
                                  HttpServletRequest request) {
        TargetKind kind = DocumentBodies.targetKind(request);
        // 404 for an unknown (or invisible) group before the body is read
        attachments.list(Tenant.fqn(organization, tenant), workspace, group, kind);
        SourceDocument source = bodies.document(request);
        ParsedTarget parsed = TargetDocuments.read(source, new DocumentScope(organization, tenant, workspace, group,
                null));
        TargetDefinition definition = checkPath(source, request, parsed, organization, tenant, workspace, group, kind,
                null);
        if (attachments.find(definition.ref()).isPresent()) {
            throw new ConflictException("metadata.name", kind.label() + " " + definition.fqn() + " already exists;"
                    + " PUT to its path to replace it");
        }
        StoredTarget created = DocumentBodies.withLines(source, request, definition.ref().kind()::documentPath,
                () -> attachments.save(definition, null));
        return document(DocumentBodies.warnings(ResponseEntity.created(URI.create(request.getRequestURI() + "/"
                + definition.ref().name())), parsed.warnings()), created, request);
    }

    @Operation(summary = "Replace a gateway or security setting, its whole extension list included",
            description = "With an etag (If-Match or spec.etag), only if it is still the current one (409 otherwise);"
                    + " without one, the document replaces whatever is there.")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(path = {INGRESS + ONE, EGRESS + ONE, TIER1 + ONE, SETTINGS + ONE, GATEWAYS + ONE},
            consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable String organization, @PathVariable String tenant,
                                   @PathVariable String workspace, @PathVariable String group,
                                   @PathVariable String name,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   HttpServletRequest request) {
        TargetKind kind = DocumentBodies.targetKind(request);
        attachments.get(ref(request, organization, tenant, workspace, group, name)); // 404 first
        SourceDocument source = bodies.document(request);
        ParsedTarget parsed = TargetDocuments.read(source, new DocumentScope(organization, tenant, workspace, group,
                name));
        TargetDefinition definition = checkPath(source, request, parsed, organization, tenant, workspace, group, kind,
                name);
        String header = DocumentBodies.isAny(ifMatch) ? null : DocumentBodies.etagOf(ifMatch);
        if (header != null && parsed.etag() != null && !header.equals(parsed.etag())) {
            throw ApiException.badRequest("spec.etag", "differs from the If-Match header; send one of them");
        }
        String etag = DocumentBodies.isAny(ifMatch) ? null : header != null ? header : parsed.etag();
        StoredTarget saved = DocumentBodies.withLines(source, request, definition.ref().kind()::documentPath,
                () -> attachments.save(definition, etag));
        return document(DocumentBodies.warnings(ResponseEntity.ok(), parsed.warnings()), saved, request);
    }

    @Operation(summary = "Delete a gateway or security setting with its attachments",
            description = "With If-Match, only if that is still the current etag.")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping(path = {INGRESS + ONE, EGRESS + ONE, TIER1 + ONE, SETTINGS + ONE, GATEWAYS + ONE})
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable String tenant,
                                @PathVariable String workspace, @PathVariable String group, @PathVariable String name,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                HttpServletRequest request) {
        attachments.delete(ref(request, organization, tenant, workspace, group, name),
                DocumentBodies.isAny(ifMatch) ? null : DocumentBodies.etagOf(ifMatch));
        return ResponseEntity.noContent().build();
    }

    static TargetRef ref(HttpServletRequest request, String organization, String tenant, String workspace,
                                 String group, String name) {
        return new TargetRef(DocumentBodies.targetKind(request), Tenant.fqn(organization, tenant), workspace, group,
                name);
    }

    /** The document's kind and names checked against the path; its definition. */
    private static TargetDefinition checkPath(SourceDocument source, HttpServletRequest request, ParsedTarget parsed,
                                              String organization, String tenant, String workspace, String group,
                                              TargetKind kind, String name) {
        TargetDefinition d = parsed.definition();
        TargetRef ref = d.ref();
        DocumentBodies.samePath(source, request, "kind", ref.kind().documentKind(), kind.documentKind(),
                "send a " + ref.kind().documentKind() + " to .../" + ref.kind().groupKind().pathSegment() + "/<group>/"
                        + ref.kind().pathSegment() + " instead");
        DocumentBodies.sameTenant(source, request, ref.tenant(), organization, tenant);
        DocumentBodies.samePath(source, request, "metadata.workspace", ref.workspace(), workspace,
                "make them the same");
        DocumentBodies.samePath(source, request, "metadata.group", ref.group(), group, "make them the same");
        if (name != null) {
            DocumentBodies.samePath(source, request, "metadata.name", ref.name(), name, "it cannot be renamed: create"
                    + " the new one and delete the old");
        }
        return d;
    }

    private static ResponseEntity<byte[]> document(ResponseEntity.BodyBuilder response, StoredTarget target,
                                                   HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.eTag(target.etag()).contentType(format.mediaType)
                .body(format.write(TargetDocuments.write(target.definition(), target.etag())));
    }
}
