package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.resource.DocumentScope;
import org.wasmconsole.resource.GroupDocuments;
import org.wasmconsole.resource.ParsedGroup;
import org.wasmconsole.resource.ParsedWorkspace;
import org.wasmconsole.resource.WorkspaceDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantService;

/**
 * A tenant's workspaces and their gateway and security groups (TSB's Workspace and Group
 * documents), where gateways and security settings live. An operator reads those of their own
 * tenants (others are 404); only admins write. Deleting a workspace or group deletes what is in it.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/tenants/{tenant}/workspaces")
@Tag(name = "Workspaces and groups", description = "Workspace (api.tsb.tetrate.io/v2) and Group documents:"
        + " gateway groups (gateway.tsb.tetrate.io/v2) and security groups (security.tsb.tetrate.io/v2)")
@RequiredArgsConstructor
class TopologyApi {

    static final String GATEWAY_GROUPS = "/{workspace}/gatewaygroups";
    static final String SECURITY_GROUPS = "/{workspace}/securitygroups";

    private final TopologyService topology;
    private final TenantService tenants;
    private final RequestBodies bodies;

    @Operation(summary = "List the tenant's workspaces", description = "JSON: {\"workspaces\": [documents]};"
            + " YAML: a multi-document stream.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void listWorkspaces(@PathVariable String organization, @PathVariable String tenant, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        var found = topology.workspaces(Tenant.fqn(organization, tenant));
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "workspaces")) {
            found.forEach(w -> writer.write(WorkspaceDocuments.write(w)));
        }
    }

    @Operation(summary = "One workspace")
    @GetMapping(path = "/{workspace}", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> getWorkspace(@PathVariable String organization, @PathVariable String tenant,
                                        @PathVariable String workspace, HttpServletRequest request) {
        return body(ResponseEntity.ok(), WorkspaceDocuments.write(workspace(organization, tenant, workspace)), request);
    }

    @Operation(summary = "Create a workspace from a Workspace document",
            description = "metadata.organization and metadata.tenant may be left out (the path's are used). 409 when"
                    + " it exists.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> createWorkspace(@PathVariable String organization, @PathVariable String tenant,
                                           HttpServletRequest request) {
        tenants.get(organization, tenant);
        SourceDocument source = bodies.document(request);
        ParsedWorkspace parsed = WorkspaceDocuments.read(source, new DocumentScope(organization, tenant, null, null,
                null));
        checkWorkspacePath(source, request, parsed, organization, tenant, null);
        WorkspaceInfo w = parsed.workspace();
        if (topology.findWorkspace(w.tenant(), w.name()).isPresent()) {
            throw new ConflictException("metadata.name", "workspace " + w.fqn() + " already exists; PUT to its path"
                    + " to change it");
        }
        WorkspaceInfo created = DocumentBodies.withLines(source, request, () -> topology.saveWorkspace(w));
        return body(DocumentBodies.warnings(ResponseEntity.created(URI.create(request.getRequestURI() + "/"
                + created.name())), parsed.warnings()), WorkspaceDocuments.write(created), request);
    }

    @Operation(summary = "Change a workspace's display name", description = "The name never changes.")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(path = "/{workspace}", consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replaceWorkspace(@PathVariable String organization, @PathVariable String tenant,
                                            @PathVariable String workspace, HttpServletRequest request) {
        workspace(organization, tenant, workspace);
        SourceDocument source = bodies.document(request);
        ParsedWorkspace parsed = WorkspaceDocuments.read(source, new DocumentScope(organization, tenant, null, null,
                workspace));
        checkWorkspacePath(source, request, parsed, organization, tenant, workspace);
        WorkspaceInfo saved = DocumentBodies.withLines(source, request, () -> topology.saveWorkspace(parsed.workspace()));
        return body(DocumentBodies.warnings(ResponseEntity.ok(), parsed.warnings()), WorkspaceDocuments.write(saved),
                request);
    }

    @Operation(summary = "Delete a workspace", description = "With its groups, their gateways and security settings"
            + " and their attachments, in one transaction.")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping("/{workspace}")
    ResponseEntity<Void> deleteWorkspace(@PathVariable String organization, @PathVariable String tenant,
                                         @PathVariable String workspace) {
        topology.deleteWorkspace(Tenant.fqn(organization, tenant), workspace);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List the workspace's gateway groups or security groups",
            description = "JSON: {\"groups\": [documents]}; YAML: a multi-document stream.")
    @GetMapping(path = {GATEWAY_GROUPS, SECURITY_GROUPS}, produces = {MediaType.APPLICATION_JSON_VALUE,
            ApiFormat.YAML_VALUE})
    void listGroups(@PathVariable String organization, @PathVariable String tenant, @PathVariable String workspace,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        GroupKind kind = DocumentBodies.groupKind(request);
        var found = topology.groups(Tenant.fqn(organization, tenant), workspace).stream()
                .filter(g -> g.kind() == kind).toList();
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "groups")) {
            found.forEach(g -> writer.write(GroupDocuments.write(g)));
        }
    }

    @Operation(summary = "One gateway group or security group")
    @GetMapping(path = {GATEWAY_GROUPS + "/{group}", SECURITY_GROUPS + "/{group}"},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> getGroup(@PathVariable String organization, @PathVariable String tenant,
                                    @PathVariable String workspace, @PathVariable String group,
                                    HttpServletRequest request) {
        GroupInfo found = group(organization, tenant, workspace, DocumentBodies.groupKind(request), group);
        return body(ResponseEntity.ok(), GroupDocuments.write(found), request);
    }

    @Operation(summary = "Create a gateway group or security group from a Group document",
            description = "Its apiVersion must be the path's kind of group. metadata.organization, tenant and"
                    + " workspace may be left out. 409 when it exists.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(path = {GATEWAY_GROUPS, SECURITY_GROUPS},
            consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> createGroup(@PathVariable String organization, @PathVariable String tenant,
                                       @PathVariable String workspace, HttpServletRequest request) {
        GroupKind kind = DocumentBodies.groupKind(request);
        workspace(organization, tenant, workspace);
        SourceDocument source = bodies.document(request);
        ParsedGroup parsed = GroupDocuments.read(source, new DocumentScope(organization, tenant, workspace, null,
                null));
        checkGroupPath(source, request, parsed, organization, tenant, workspace, kind, null);
        GroupInfo g = parsed.group();
        if (topology.findGroup(g.tenant(), g.workspace(), g.kind(), g.name()).isPresent()) {
            throw new ConflictException("metadata.name", kind.label().toLowerCase() + " " + g.fqn()
                    + " already exists; PUT to its path to change it");
        }
        GroupInfo created = DocumentBodies.withLines(source, request, () -> topology.saveGroup(g));
        return body(DocumentBodies.warnings(ResponseEntity.created(URI.create(request.getRequestURI() + "/"
                + created.name())), parsed.warnings()), GroupDocuments.write(created), request);
    }

    @Operation(summary = "Change a group's display name", description = "The name never changes.")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(path = {GATEWAY_GROUPS + "/{group}", SECURITY_GROUPS + "/{group}"},
            consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replaceGroup(@PathVariable String organization, @PathVariable String tenant,
                                        @PathVariable String workspace, @PathVariable String group,
                                        HttpServletRequest request) {
        GroupKind kind = DocumentBodies.groupKind(request);
        group(organization, tenant, workspace, kind, group);
        SourceDocument source = bodies.document(request);
        ParsedGroup parsed = GroupDocuments.read(source, new DocumentScope(organization, tenant, workspace, null,
                group));
        checkGroupPath(source, request, parsed, organization, tenant, workspace, kind, group);
        GroupInfo saved = DocumentBodies.withLines(source, request, () -> topology.saveGroup(parsed.group()));
        return body(DocumentBodies.warnings(ResponseEntity.ok(), parsed.warnings()), GroupDocuments.write(saved),
                request);
    }

    @Operation(summary = "Delete a group", description = "With its gateways or security settings and their"
            + " attachments, in one transaction.")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping(path = {GATEWAY_GROUPS + "/{group}", SECURITY_GROUPS + "/{group}"})
    ResponseEntity<Void> deleteGroup(@PathVariable String organization, @PathVariable String tenant,
                                     @PathVariable String workspace, @PathVariable String group,
                                     HttpServletRequest request) {
        topology.deleteGroup(Tenant.fqn(organization, tenant), workspace, DocumentBodies.groupKind(request), group);
        return ResponseEntity.noContent().build();
    }

    private WorkspaceInfo workspace(String organization, String tenant, String workspace) {
        String tenantFqn = Tenant.fqn(organization, tenant);
        return topology.findWorkspace(tenantFqn, workspace)
                .orElseThrow(() -> new NotFoundException("workspace "
                        + Fqn.tenantOf(tenantFqn).workspace(workspace)));
    }

    private GroupInfo group(String organization, String tenant, String workspace, GroupKind kind, String group) {
        String tenantFqn = Tenant.fqn(organization, tenant);
        return topology.findGroup(tenantFqn, workspace, kind, group).orElseThrow(() -> new NotFoundException(
                kind.label().toLowerCase() + " " + Fqn.tenantOf(tenantFqn).workspace(workspace)
                        .group(kind.pathSegment(), group)));
    }

    private static void checkWorkspacePath(SourceDocument source, HttpServletRequest request, ParsedWorkspace parsed,
                                           String organization, String tenant, String name) {
        DocumentBodies.sameTenant(source, request, parsed.workspace().tenant(), organization, tenant);
        if (name != null) {
            DocumentBodies.samePath(source, request, "metadata.name", parsed.workspace().name(), name,
                    "a workspace cannot be renamed: create the new one and delete the old");
        }
    }

    private static void checkGroupPath(SourceDocument source, HttpServletRequest request, ParsedGroup parsed,
                                       String organization, String tenant, String workspace, GroupKind kind,
                                       String name) {
        GroupInfo g = parsed.group();
        DocumentBodies.samePath(source, request, "apiVersion", g.kind().apiVersion(), kind.apiVersion(),
                "POST a " + g.kind().label().toLowerCase() + " to " + g.kind().pathSegment() + " instead");
        DocumentBodies.sameTenant(source, request, g.tenant(), organization, tenant);
        DocumentBodies.samePath(source, request, "metadata.workspace", g.workspace(), workspace,
                "make them the same");
        if (name != null) {
            DocumentBodies.samePath(source, request, "metadata.name", g.name(), name,
                    "a group cannot be renamed: create the new one and delete the old");
        }
    }

    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder response,
                                               tools.jackson.databind.JsonNode document, HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.contentType(format.mediaType).body(format.write(document));
    }
}
