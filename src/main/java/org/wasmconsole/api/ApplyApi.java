package org.wasmconsole.api;

import jakarta.annotation.security.RolesAllowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.apply.ApplyReport;
import org.wasmconsole.apply.ApplyService;
import org.wasmconsole.apply.DocumentResult;
import org.wasmconsole.security.Roles;

/**
 * {@code tctl apply -f} over HTTP: a YAML stream of WasmExtension, Tenant, Workspace, Group, gateway
 * and SecuritySetting documents, all or nothing. 200 with the report when every document is fine;
 * otherwise the status of the most basic error (400 malformed, 422 a rule, 409 a stale etag) with
 * the same report inside.
 */
@RestController
@RolesAllowed(Roles.ADMIN)
@RequestMapping("/api/v2/apply")
@Tag(name = "Apply", description = "Apply a multi-document YAML stream in one transaction")
@RequiredArgsConstructor
class ApplyApi {

    private final ApplyService apply;
    private final RequestBodies bodies;

    @Operation(summary = "Apply WasmExtension, Tenant, Workspace, Group, IngressGateway, EgressGateway,"
            + " Tier1Gateway and SecuritySetting documents",
            description = "Applied in that order of kinds, so that one stream can create an extension and attach it."
                    + " Per document: created, updated (with the changed fields), unchanged or error. "
                    + "A dry run reports without saving.")
    @PostMapping(consumes = {ApiFormat.YAML_VALUE, "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> apply(@Parameter(description = "report what would happen, save nothing")
                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                 HttpServletRequest request) {
        ApplyReport report = apply.apply(bodies.text(request), dryRun);
        ReportBody body = ReportBody.of(report);
        if (report.hasErrors()) {
            HttpStatus status = switch (report.worstError().orElseThrow()) {
                case MALFORMED -> HttpStatus.BAD_REQUEST;
                case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
                case CONFLICT -> HttpStatus.CONFLICT;
            };
            List<DocumentResult> errors = report.errors();
            throw new ApiException(status, "apply-refused", errors.size() + " of " + report.documents().size()
                    + " documents have errors; nothing was saved", ApiErrors.violations(errors.stream()
                    .flatMap(d -> d.problems().stream()).toList(), ApiFormat.YAML), body);
        }
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.ok().contentType(format.mediaType).body(format.writeValue(body));
    }
}
