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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.resource.ParsedTenant;
import org.wasmconsole.resource.TenantDocuments;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.TenantDirectory;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * Tenants of an organization: list and create (spec §7), and, so that a script can do what the
 * screens do, get, change the display name and delete. An operator sees only their own; only admins write.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/tenants")
@Tag(name = "Tenants", description = "Tenant resources (api.tsb.tetrate.io/v2)")
@RequiredArgsConstructor
class TenantApi {

    private final TenantService tenants;
    private final TenantDirectory directory;
    private final RequestBodies bodies;

    @Operation(summary = "List the tenants the caller may see",
            description = "JSON: {\"tenants\": [documents]}; YAML: a multi-document stream.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void list(@PathVariable String organization, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        requireOrganization(organization);
        List<TenantInfo> found = tenants.list(organization);
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "tenants")) {
            found.forEach(t -> writer.write(document(t)));
        }
    }

    @Operation(summary = "Create a tenant from a Tenant document", description = "201 with the stored document.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> create(@PathVariable String organization, HttpServletRequest request) {
        requireOrganization(organization);
        SourceDocument source = bodies.document(request);
        ParsedTenant parsed = TenantDocuments.read(source, organization);
        if (parsed.organization() != null && !parsed.organization().equals(organization)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "metadata.organization differs from"
                    + " the path", List.of(new ApiProblem.Violation("metadata.organization", "is '"
                    + parsed.organization() + "' but the path names organization '" + organization + "'", null, null)));
        }
        TenantInfo created = withLines(source, request,
                () -> tenants.create(organization, parsed.name(), parsed.displayName(), parsed.meta()));
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.created(URI.create(request.getRequestURI() + "/" + created.name()))
                .contentType(format.mediaType).body(format.write(document(created)));
    }

    @Operation(summary = "One tenant", description = "An operator gets only their own tenants; others are 404.")
    @GetMapping(path = "/{name}", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable String name,
                               HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.ok().contentType(format.mediaType)
                .body(format.write(document(tenants.get(organization, name))));
    }

    @Operation(summary = "Change a tenant's display name, labels and annotations",
            description = "The name is the tenant's identity and never changes; no display name clears it.")
    @RolesAllowed(Roles.ADMIN)
    @PutMapping(path = "/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable String organization, @PathVariable String name,
                                   HttpServletRequest request) {
        tenants.get(organization, name);
        SourceDocument source = bodies.document(request);
        ParsedTenant parsed = TenantDocuments.read(source, organization);
        if (parsed.name() != null && !parsed.name().equals(name)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "metadata.name differs from the path",
                    List.of(new ApiProblem.Violation("metadata.name", "is '" + parsed.name() + "' but the path names '"
                            + name + "'; a tenant cannot be renamed, only its display name changed", null, null)));
        }
        TenantInfo renamed = withLines(source, request, () -> {
            if (!parsed.meta().violations().isEmpty()) { // checked first: nothing is saved when they are wrong
                throw new org.wasmconsole.base.ValidationException(parsed.meta().violations());
            }
            tenants.rename(organization, name, parsed.displayName());
            return tenants.relabel(organization, name, parsed.meta());
        });
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.ok().contentType(format.mediaType).body(format.write(document(renamed)));
    }

    @Operation(summary = "Delete a tenant", description = "Removes it from every extension's allowedIn in the same"
            + " transaction; refused while it is some extension's only tenant (that extension would open to all).")
    @RolesAllowed(Roles.ADMIN)
    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String organization, @PathVariable String name) {
        tenants.delete(organization, name);
        return ResponseEntity.noContent().build();
    }

    /** The tenant service's violations, named as in a TSB Tenant document and pointed at their line in YAML. */
    private static TenantInfo withLines(SourceDocument source, HttpServletRequest request,
                                        java.util.function.Supplier<TenantInfo> write) {
        try {
            return write.get();
        } catch (ValidationException e) {
            boolean yaml = ApiFormat.ofBody(request) == ApiFormat.YAML;
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "the document breaks a rule: "
                    + e.getMessage(), e.violations().stream().map(v -> {
                        String path = v.path().equals("metadata.displayName") ? "spec.displayName" : v.path();
                        return new ApiProblem.Violation(path, v.message(), yaml ? 1 : null,
                                yaml ? source.lineOf(path) : null);
                    }).toList());
        }
    }

    private static tools.jackson.databind.JsonNode document(TenantInfo t) {
        return TenantDocuments.write(t.organization(), t.name(), t.displayName(), t.meta());
    }

    private void requireOrganization(String organization) {
        if (directory.organization(organization).isEmpty()) {
            throw new NotFoundException("organization '" + organization + "'");
        }
    }
}
