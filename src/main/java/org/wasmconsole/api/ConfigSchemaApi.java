package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.ConfigSchemaDocuments;
import org.wasmconsole.resource.ParsedConfigSchema;
import org.wasmconsole.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * An extension's config schema (issue #19) as an {@code ExtensionConfigSchema} document
 * ({@code console.wasmconsole.org/v1}), beside the TSB WasmExtension rather than in it.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/extensions/{name}/configschema")
@Tag(name = "Extensions", description = "WasmExtension resources; JSON by default, YAML with application/yaml")
@RequiredArgsConstructor
class ConfigSchemaApi {

    private final ConfigSchemaService schemas;
    private final RequestBodies bodies;

    @Operation(summary = "The extension's config schema",
            description = "An ExtensionConfigSchema document; 404 when the extension has none.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable String name,
                               HttpServletRequest request) {
        JsonNode schema = schemas.find(organization, name).orElseThrow(() -> new NotFoundException(
                "config schema of " + ExtensionDefinition.fqn(organization, name)));
        return document(ResponseEntity.ok(), organization, name, schema, null, request);
    }

    @Operation(summary = "Set or replace the extension's config schema",
            description = "Takes an ExtensionConfigSchema document or just its spec ({\"schema\": {...}}). The schema"
                    + " must be valid JSON Schema 2020-12 (422 with the path of each problem) and accept the extension's"
                    + " spec.config and every attachment's config override (422 listing those it would break)."
                    + " With If-Match, only if that is still the extension's etag. The extension's etag changes.")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> put(@PathVariable String organization, @PathVariable String name,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               HttpServletRequest request) {
        schemas.find(organization, name); // 404 first: the caller may not even know the extension exists
        SourceDocument source = bodies.document(request);
        ParsedConfigSchema parsed = ConfigSchemaDocuments.read(source, organization, name);
        DocumentBodies.samePath(source, request, "metadata.organization", parsed.organization(), organization,
                "make them the same");
        DocumentBodies.samePath(source, request, "metadata.name", parsed.name(), name,
                "a config schema belongs to the extension the path names; make them the same");
        StoredExtension saved = DocumentBodies.withLines(source, request,
                () -> schemas.set(organization, name, parsed.schema(), ifMatch));
        return document(ResponseEntity.ok(), organization, name, saved.configSchema(), saved.etag(), request);
    }

    @Operation(summary = "Remove the extension's config schema", description = "204; 404 when it has none.")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable String name,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        if (!schemas.remove(organization, name, ifMatch)) {
            throw new NotFoundException("config schema of " + ExtensionDefinition.fqn(organization, name));
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<byte[]> document(ResponseEntity.BodyBuilder response, String organization,
                                                   String name, JsonNode schema, String etag,
                                                   HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        if (etag != null) {
            response.eTag(etag);
        }
        return response.contentType(format.mediaType)
                .body(format.write(ConfigSchemaDocuments.write(organization, name, schema)));
    }
}
