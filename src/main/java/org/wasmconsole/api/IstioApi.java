package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.IstioKind;
import org.wasmconsole.attachment.IstioPreview;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.tenant.Tenant;

/**
 * What Istio gets (spec §6) for one gateway or security setting, one workspace or one tenant: the
 * {@code WasmPlugin}s (or, with {@code ?kind=TrafficExtension}, Istio 1.30's {@code TrafficExtension}s)
 * of every attachment, as one kubectl-ready YAML stream or {@code {"wasmplugins": [...]}} in JSON.
 * Only what passes Istio's own CRD schema and rules is handed out: otherwise 422 with each problem at
 * {@code <resource name>.<path>} and why, so that nothing half-valid reaches {@code kubectl apply}.
 */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/tenants/{tenant}")
@Tag(name = "Istio output", description = "The WasmPlugins or TrafficExtensions Istio gets for a target,"
        + " a workspace or a tenant, checked against Istio's CRD schemas")
record IstioApi(AttachmentService attachments) {

    private static final String KIND_HELP = "WasmPlugin or TrafficExtension (Istio 1.30+); default: the"
            + " organization's setting console.istio.kind (WasmPlugin unless set)";
    private static final String WS = "/workspaces/{workspace}";
    private static final String PLUGINS = "/{name}/wasmplugins";

    @Operation(summary = "The Istio resources of a gateway's or security setting's attachments, in list order",
            description = "YAML: the multi-document stream to give kubectl; JSON: {\"wasmplugins\": [documents]}."
                    + " 422 when one of them would not pass Istio's CRD schema or rules.")
    @GetMapping(path = {WS + TargetApi.INGRESS + PLUGINS, WS + TargetApi.EGRESS + PLUGINS,
            WS + TargetApi.TIER1 + PLUGINS, WS + TargetApi.SETTINGS + PLUGINS, WS + TargetApi.GATEWAYS + PLUGINS}, produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void target(@PathVariable String organization, @PathVariable String tenant, @PathVariable String workspace,
                @PathVariable String group, @PathVariable String name,
                @Parameter(description = KIND_HELP) @RequestParam(name = "kind", required = false) String kind,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(attachments.previews(TargetApi.ref(request, organization, tenant, workspace, group, name), kind(kind, attachments)),
                request, response);
    }

    @Operation(summary = "Everything Istio gets for one workspace: every attachment of its gateways and"
            + " security settings", description = "Ordered by target, then list order; as for one target.")
    @GetMapping(path = "/workspaces/{workspace}/wasmplugins",
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void workspace(@PathVariable String organization, @PathVariable String tenant, @PathVariable String workspace,
                   @Parameter(description = KIND_HELP) @RequestParam(name = "kind", required = false) String kind,
                   HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(attachments.previews(Tenant.fqn(organization, tenant), workspace, kind(kind, attachments)), request, response);
    }

    @Operation(summary = "Everything Istio gets for one tenant: every attachment in all its workspaces",
            description = "Ordered by target, then list order; as for one target.")
    @GetMapping(path = "/wasmplugins", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void tenant(@PathVariable String organization, @PathVariable String tenant,
                @Parameter(description = KIND_HELP) @RequestParam(name = "kind", required = false) String kind,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(attachments.previews(Tenant.fqn(organization, tenant), null, kind(kind, attachments)), request, response);
    }

    private static IstioKind kind(String kind, AttachmentService attachments) {
        if (kind == null || kind.isEmpty()) {
            return attachments.defaultIstioKind();
        }
        return IstioKind.ofKind(kind).orElseThrow(() -> new ValidationException("kind", "'" + kind
                + "' is not an Istio kind the console writes: use WasmPlugin or TrafficExtension"));
    }

    private static void write(List<IstioPreview> previews, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<Violation> problems = new ArrayList<>();
        previews.forEach(p -> p.problems().forEach(v -> problems.add(new Violation(p.kind().kind() + " "
                + p.document().path("metadata").path("namespace").asString() + "/" + p.name() + ": " + v.path(),
                v.message()))));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request), "wasmplugins")) {
            previews.forEach(p -> writer.write(p.document()));
        }
    }
}
