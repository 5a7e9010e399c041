package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionDocuments;
import org.wasmconsole.extension.yaml.ParsedExtension;
import org.wasmconsole.resource.ConfigSchemaDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/** WasmExtensions of an organization (spec §7), through the same service as the screens. */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/extensions")
@Tag(name = "Extensions", description = "WasmExtension resources; JSON by default, YAML with application/yaml")
@RequiredArgsConstructor
class ExtensionApi {

    private final ExtensionService extensions;
    private final TenantDirectory directory;
    private final RequestBodies bodies;
    private final ModuleService modules;

    @Operation(summary = "List the extensions the caller may see, in catalogue order",
            description = "JSON: {\"extensions\": [documents]}; YAML: a multi-document stream. Streamed. With"
                    + " configSchemas=true, each extension's ExtensionConfigSchema follows it (an apply stream).")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void list(@PathVariable String organization,
              @Parameter(description = "only extensions available to this tenant (name or fqn)")
              @RequestParam(required = false) String tenant,
              @Parameter(description = "only this phase: AUTHN, AUTHZ, STATS or UNSPECIFIED_PHASE")
              @RequestParam(required = false) String phase,
              @Parameter(description = "free text in name, display name, url, summary and description")
              @RequestParam(required = false) String q,
              @Parameter(description = "only extensions with this label: key=value, or key for any value")
              @RequestParam(required = false) String label,
              @Parameter(description = "also write each extension's ExtensionConfigSchema document right after it")
              @RequestParam(defaultValue = "false") boolean configSchemas,
              @Parameter(description = "true: only extensions whose tag names another module than when first checked")
              @RequestParam(defaultValue = "false") boolean tagMoved,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireOrganization(organization);
        ExtensionFilter filter = new ExtensionFilter(organization, q == null || q.isBlank() ? null : q.strip(),
                phase(phase), null, tenant == null || tenant.isBlank() ? null : tenantFqn(organization, tenant),
                label == null || label.isBlank() ? null : label.strip());
        if (tagMoved) {
            filter = filter.withNames(modules.namesWithMovedTag(organization));
        }
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "extensions")) {
            extensions.forEach(filter, e -> {
                writer.write(ExtensionDocuments.write(e.definition(), e.etag()));
                if (configSchemas && e.configSchema() != null) {
                    writer.write(ConfigSchemaDocuments.write(organization, e.definition().name(), e.configSchema()));
                }
            });
        }
    }

    @Operation(summary = "One extension; its etag in the ETag header")
    @GetMapping(path = "/{name}", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable String name,
                               @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                               HttpServletRequest request) {
        StoredExtension extension = extensions.get(organization, name);
        if (extension.etag().equals(DocumentBodies.etagOf(ifNoneMatch))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(extension.etag()).build();
        }
        return document(ResponseEntity.ok(), extension, request);
    }

    @Operation(summary = "Create an extension from a WasmExtension document",
            description = "metadata.organization may be left out (the path's is used). 201 with the stored document.")
    @RolesAllowed(Roles.ADMIN) // an operator is refused before the body is even read
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> create(@PathVariable String organization, HttpServletRequest request) {
        requireOrganization(organization);
        ParsedExtension parsed = read(request, organization, null);
        StoredExtension created = DocumentBodies.withLines(parsed.source(), request, () -> extensions.create(parsed.definition()));
        return document(ResponseEntity.created(URI.create(request.getRequestURI() + "/" + created.definition().name())),
                created, request, parsed.warnings());
    }

    @Operation(summary = "Replace an extension",
            description = "Needs the current etag, in If-Match or spec.etag: 428 without one, 409 when it is stale."
                    + " A spec.allowedIn that leaves out tenants where the extension is attached is refused (409 with"
                    + " the places) unless detach=true, which detaches it there in the same transaction.")
    @RolesAllowed(Roles.ADMIN) // an operator is refused before the body is even read
    @PutMapping(path = "/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable String organization, @PathVariable String name,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                   @Parameter(description = "detach the extension where the new allowedIn no longer"
                                           + " allows it, instead of refusing the change")
                                   @RequestParam(defaultValue = "false") boolean detach,
                                   HttpServletRequest request) {
        StoredExtension current = extensions.get(organization, name); // 404 first: the caller may not even know it exists
        ParsedExtension parsed = read(request, organization, name);
        // If-Match: * is "whatever the current version is" (RFC 9110): overwrite without reading the etag first.
        String etag = DocumentBodies.isAny(ifMatch) ? current.etag() : etag(DocumentBodies.etagOf(ifMatch), parsed.etag());
        StoredExtension updated = DocumentBodies.withLines(parsed.source(), request, () -> extensions.update(parsed.definition(), etag,
                inUse(detach)));
        return document(ResponseEntity.ok(), updated, request, parsed.warnings());
    }

    @Operation(summary = "Delete an extension", description = "With If-Match, only if that is still the current etag."
            + " While it is attached somewhere: 409 with the places, unless detach=true, which detaches it everywhere"
            + " in the same transaction.")
    @RolesAllowed(Roles.ADMIN) // an operator is refused before the body is even read
    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable String name,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                @Parameter(description = "detach it everywhere it is attached instead of refusing")
                                @RequestParam(defaultValue = "false") boolean detach) {
        extensions.delete(organization, name, DocumentBodies.isAny(ifMatch) ? null : DocumentBodies.etagOf(ifMatch),
                inUse(detach));
        return ResponseEntity.noContent().build();
    }

    private static InUse inUse(boolean detach) {
        return detach ? InUse.DETACH : InUse.REFUSE;
    }

    /** The body as a WasmExtension of this organization (and name, for a replace). */
    private ParsedExtension read(HttpServletRequest request, String organization, String name) {
        SourceDocument source = bodies.document(request);
        ParsedExtension parsed = ExtensionDocuments.read(source);
        ExtensionDefinition d = parsed.definition();
        if (d.organization() != null && !d.organization().equals(organization)) {
            throw mismatch(parsed, request, "metadata.organization", "is '" + d.organization()
                    + "' but the path names organization '" + organization + "'; make them the same");
        }
        if (name != null && d.name() != null && !d.name().equals(name)) {
            throw mismatch(parsed, request, "metadata.name", "is '" + d.name() + "' but the path names '" + name
                    + "'; an extension cannot be renamed: create the new one and delete the old");
        }
        ExtensionDefinition.Builder filled = d.toBuilder();
        if (d.organization() == null) {
            filled.organization(organization);
        }
        if (d.name() == null && name != null) {
            filled.name(name);
        }
        return new ParsedExtension(parsed.source(), filled.build(), parsed.etag(), parsed.warnings());
    }

    private static ApiException mismatch(ParsedExtension parsed, HttpServletRequest request, String path,
                                         String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", path + ": " + message,
                List.of(violation(parsed, request, path, message)));
    }

    private static ApiProblem.Violation violation(ParsedExtension parsed, HttpServletRequest request, String path,
                                                  String message) {
        return DocumentBodies.violation(parsed.source(), request, path, message);
    }

    private static String etag(String ifMatch, String inDocument) {
        if (ifMatch != null && inDocument != null && !ifMatch.equals(inDocument)) {
            throw ApiException.badRequest("spec.etag", "differs from the If-Match header; send one of them");
        }
        String etag = ifMatch != null ? ifMatch : inDocument;
        if (etag == null) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "etag-required", "a replace needs the etag of"
                    + " the version it replaces, in If-Match or spec.etag: GET the extension first",
                    List.of(new ApiProblem.Violation("spec.etag", "is required for a replace", null, null)));
        }
        return etag;
    }

    private static ResponseEntity<byte[]> document(ResponseEntity.BodyBuilder response, StoredExtension extension,
                                                   HttpServletRequest request, List<String> warnings) {
        warnings.forEach(w -> response.header(HttpHeaders.WARNING, "299 - \"" + w.replace("\"", "'") + "\""));
        return document(response, extension, request);
    }

    private static ResponseEntity<byte[]> document(ResponseEntity.BodyBuilder response, StoredExtension extension,
                                                   HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.eTag(extension.etag()).contentType(format.mediaType)
                .body(format.write(ExtensionDocuments.write(extension.definition(), extension.etag())));
    }

    private void requireOrganization(String organization) {
        if (directory.organization(organization).isEmpty()) {
            throw new NotFoundException("organization '" + organization + "'");
        }
    }

    private static String tenantFqn(String organization, String tenant) {
        return tenant.startsWith("organizations/") ? tenant : Tenant.fqn(organization, tenant);
    }

    private static PluginPhase phase(String phase) {
        if (phase == null || phase.isBlank()) {
            return null;
        }
        return Arrays.stream(PluginPhase.values()).filter(p -> p.name().equals(phase.strip())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("phase", "'" + phase + "' is not one of "
                        + Arrays.toString(PluginPhase.values())));
    }
}
