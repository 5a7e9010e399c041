package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.artifact.ModuleReport;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.artifact.Problem;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Roles;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The module behind an extension's url: what the console found there, a check now, pinning, drift. */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/extensions/{name}/module")
@Tag(name = "Extensions")
@RequiredArgsConstructor
class ModuleApi {

    private final ModuleService modules;
    private final ExtensionService extensions;

    @Operation(summary = "The module behind the extension's url",
            description = "What the last check found: url, status (UNCHECKED, OK, WARNING, INVALID, UNREACHABLE,"
                    + " UNCHECKABLE), digest, mediaType, layout, size, artifactSize, created, abiVersion, exports,"
                    + " imports, problems, checkedAt, tagMoved and tagMovedSince (the tag now names another digest"
                    + " than firstDigest), pinnedFrom, pinnable. refresh=true fetches and inspects it now (bounded by"
                    + " console.modules.timeout). Operators: only extensions available to their tenants (else 404).")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable String organization, @PathVariable String name,
                               @Parameter(description = "check the url now instead of answering the last check")
                               @RequestParam(defaultValue = "false") boolean refresh, HttpServletRequest request) {
        ModuleReport report = refresh ? modules.check(organization, name) : modules.report(organization, name);
        return body(ResponseEntity.ok(), report, request);
    }

    @Operation(summary = "Pin the extension's tag url to the digest last found behind it",
            description = "Rewrites oci://registry/repo:tag to oci://registry/repo:tag@sha256:… as an edit of the"
                    + " extension (etag, history); checks first when never checked. If-Match, when given, must be"
                    + " the current etag (409 otherwise). Answers the module with the extension's new ETag; 422 when"
                    + " the url is no tag url or nothing could be resolved behind it.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(path = "/pin", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> pin(@PathVariable String organization, @PathVariable String name,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                               HttpServletRequest request) {
        String etag = ifMatch != null ? ifMatch : extensions.get(organization, name).etag();
        StoredExtension pinned = modules.pin(organization, name, etag);
        return body(ResponseEntity.ok().eTag(pinned.etag()), modules.report(organization, name), request);
    }

    @Operation(summary = "Accept the digest the tag names now",
            description = "After \"tag moved\": the current digest becomes the one later checks compare with.")
    @RolesAllowed(Roles.ADMIN)
    @PostMapping(path = "/accept", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> accept(@PathVariable String organization, @PathVariable String name,
                                  HttpServletRequest request) {
        return body(ResponseEntity.ok(), modules.acceptDigest(organization, name), request);
    }

    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder response, ModuleReport report,
                                               HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.contentType(format.mediaType).body(format.write(document(report)));
    }

    static ObjectNode document(ModuleReport r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("url", r.url());
        node.put("status", r.status().name());
        node.put("digest", r.digest());
        node.put("mediaType", r.mediaType());
        node.put("layout", r.layout());
        node.put("size", r.size());
        node.put("artifactSize", r.artifactSize());
        node.put("moduleSha256", r.moduleSha256());
        node.put("created", r.created() == null ? null : r.created().toString());
        node.put("abiVersion", r.abiVersion());
        ArrayNode exports = node.putArray("exports");
        r.exports().forEach(exports::add);
        ArrayNode imports = node.putArray("imports");
        r.imports().forEach(imports::add);
        ArrayNode problems = node.putArray("problems");
        for (Problem p : r.problems()) {
            problems.addObject().put("severity", p.severity().name()).put("message", p.message());
        }
        node.put("checkedAt", r.checkedAt() == null ? null : r.checkedAt().toString());
        node.put("tagMoved", r.tagMoved());
        node.put("tagMovedSince", r.tagMovedAt() == null ? null : r.tagMovedAt().toString());
        node.put("firstDigest", r.firstDigest());
        node.put("pinnedFrom", r.pinnedFrom());
        node.put("pinnable", r.pinnable());
        return node;
    }
}
