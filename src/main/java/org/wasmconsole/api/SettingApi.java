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
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.SettingLevel;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.attachment.StoredSetting;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.resource.DocumentScope;
import org.wasmconsole.resource.ParsedSetting;
import org.wasmconsole.resource.SettingDocuments;
import org.wasmconsole.security.Roles;
import tools.jackson.databind.node.ObjectNode;

/**
 * TSB's default settings at TSB's paths: {@code /organizations/{org}/settings},
 * {@code /organizations/{org}/tenants/{tenant}/settings} and
 * {@code /organizations/{org}/tenants/{tenant}/workspaces/{workspace}/settings}, with OrganizationSetting,
 * TenantSetting and WorkspaceSetting documents whose {@code spec.defaultSecuritySetting.extension} attaches
 * extensions. A replace (PUT) writes the whole document; an operator reads the organization's and those of
 * their own tenants (others are 404); only admins write.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}")
@Tag(name = "Default settings", description = "OrganizationSetting, TenantSetting and WorkspaceSetting"
        + " (api.tsb.tetrate.io/v2): the extensions of their defaultSecuritySetting run on every workload under them"
        + " unless a lower level replaces them")
@RequiredArgsConstructor
class SettingApi {

    static final String ORG = "/settings";
    static final String TENANT = "/tenants/{tenant}/settings";
    static final String WORKSPACE = "/tenants/{tenant}/workspaces/{workspace}/settings";
    static final String ONE = "/{name}";

    private final DefaultSettingService settings;
    private final FilterChainService chains;
    private final RequestBodies bodies;

    @Operation(summary = "List the default settings of an organization, tenant or workspace",
            description = "JSON: {\"settings\": [documents]}; YAML: a multi-document stream.")
    @GetMapping(path = {ORG, TENANT, WORKSPACE}, produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void list(@PathVariable String organization, @PathVariable(required = false) String tenant,
              @PathVariable(required = false) String workspace, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        List<StoredSetting> found = settings.list(ref(organization, tenant, workspace, "-"));
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "settings")) {
            found.forEach(s -> writer.write(SettingDocuments.write(s.definition(), s.etag())));
        }
    }

    @Operation(summary = "One default setting; its etag in the ETag header")
    @GetMapping(path = {ORG + ONE, TENANT + ONE, WORKSPACE + ONE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable(required = false) String tenant,
                               @PathVariable(required = false) String workspace, @PathVariable String name,
                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                               HttpServletRequest request) {
        StoredSetting setting = settings.get(ref(organization, tenant, workspace, name));
        if (setting.etag().equals(DocumentBodies.etagOf(ifNoneMatch))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(setting.etag()).build();
        }
        return document(ResponseEntity.ok(), setting, request);
    }

    @Operation(summary = "Create a default setting",
            description = "The document's kind must be the path's level. metadata.organization, tenant and workspace"
                    + " may be left out. 409 when it exists; 422 when an extension is not allowed at this level (an"
                    + " organization setting takes only extensions open to all tenants).")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(path = {ORG, TENANT, WORKSPACE}, consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> create(@PathVariable String organization, @PathVariable(required = false) String tenant,
                                  @PathVariable(required = false) String workspace, HttpServletRequest request) {
        settings.list(ref(organization, tenant, workspace, "-")); // 404 for an unknown owner before the body
        SourceDocument source = bodies.document(request);
        DefaultSettingDefinition d = read(source, request, organization, tenant, workspace, null).definition();
        if (settings.find(d.ref()).isPresent()) {
            throw new ConflictException("metadata.name", d.ref().level().label() + " " + d.fqn() + " already exists;"
                    + " PUT to its path to replace it");
        }
        StoredSetting created = DocumentBodies.withLines(source, request, () -> settings.save(d, null));
        return document(ResponseEntity.created(URI.create(request.getRequestURI() + "/" + d.ref().name())), created,
                request);
    }

    @Operation(summary = "Replace a default setting whole, its extension list included",
            description = "With an etag (If-Match or spec.etag), only if it is still the current one (409 otherwise).")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(path = {ORG + ONE, TENANT + ONE, WORKSPACE + ONE},
            consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable String organization, @PathVariable(required = false) String tenant,
                                   @PathVariable(required = false) String workspace, @PathVariable String name,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   HttpServletRequest request) {
        settings.get(ref(organization, tenant, workspace, name)); // 404 first
        SourceDocument source = bodies.document(request);
        ParsedSetting parsed = read(source, request, organization, tenant, workspace, name);
        String header = DocumentBodies.isAny(ifMatch) ? null : DocumentBodies.etagOf(ifMatch);
        if (header != null && parsed.etag() != null && !header.equals(parsed.etag())) {
            throw ApiException.badRequest("spec.etag", "differs from the If-Match header; send one of them");
        }
        String etag = DocumentBodies.isAny(ifMatch) ? null : header != null ? header : parsed.etag();
        StoredSetting saved = DocumentBodies.withLines(source, request,
                () -> settings.save(parsed.definition(), etag));
        return document(ResponseEntity.ok(), saved, request);
    }

    @Operation(summary = "Delete a default setting", description = "With If-Match, only if that is still the current etag.")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping(path = {ORG + ONE, TENANT + ONE, WORKSPACE + ONE})
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable(required = false) String tenant,
                                @PathVariable(required = false) String workspace, @PathVariable String name,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        settings.delete(ref(organization, tenant, workspace, name),
                DocumentBodies.isAny(ifMatch) ? null : DocumentBodies.etagOf(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The filter chain of a default setting",
            description = "What runs on the workloads under it that no lower level replaces it for: what a STRICTER"
                    + " level above keeps, then its own, in the proxy's order (as a gateway's filterchain).")
    @GetMapping(path = {ORG + ONE + "/filterchain", TENANT + ONE + "/filterchain", WORKSPACE + ONE + "/filterchain"},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> filterChain(@PathVariable String organization, @PathVariable(required = false) String tenant,
                                       @PathVariable(required = false) String workspace, @PathVariable String name,
                                       HttpServletRequest request) {
        SettingRef ref = ref(organization, tenant, workspace, name);
        ObjectNode doc = FilterChainApi.write(chains.of(ref));
        doc.put("target", ref.fqn());
        doc.put("kind", ref.level().documentKind());
        doc.remove("namespace");
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.ok().contentType(format.mediaType).body(format.write(doc));
    }

    static SettingRef ref(String organization, String tenant, String workspace, String name) {
        SettingLevel level = tenant == null ? SettingLevel.ORGANIZATION
                : workspace == null ? SettingLevel.TENANT : SettingLevel.WORKSPACE;
        return new SettingRef(level, organization, tenant, workspace, name);
    }

    /** The document read, its kind and names checked against the path. */
    private static ParsedSetting read(SourceDocument source, HttpServletRequest request, String organization,
                                      String tenant, String workspace, String name) {
        SettingRef path = ref(organization, tenant, workspace, name == null ? "-" : name);
        ParsedSetting parsed = SettingDocuments.read(source, new DocumentScope(organization, tenant, workspace, null,
                name));
        SettingRef ref = parsed.definition().ref();
        DocumentBodies.samePath(source, request, "kind", ref.level().documentKind(), path.level().documentKind(),
                "send a " + ref.level().documentKind() + " to its own path");
        DocumentBodies.samePath(source, request, "metadata.organization", ref.organization(), organization,
                "make them the same");
        DocumentBodies.samePath(source, request, "metadata.tenant", ref.tenant(), tenant, "make them the same");
        DocumentBodies.samePath(source, request, "metadata.workspace", ref.workspace(), workspace,
                "make them the same");
        if (name != null) {
            DocumentBodies.samePath(source, request, "metadata.name", ref.name(), name, "it cannot be renamed: create"
                    + " the new one and delete the old");
        }
        return parsed;
    }

    private static ResponseEntity<byte[]> document(ResponseEntity.BodyBuilder response, StoredSetting setting,
                                                   HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.eTag(setting.etag()).contentType(format.mediaType)
                .body(format.write(SettingDocuments.write(setting.definition(), setting.etag())));
    }
}
