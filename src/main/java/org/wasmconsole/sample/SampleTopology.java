package org.wasmconsole.sample;

import java.util.List;
import java.util.Map;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.json.JsonMapper;
import org.wasmconsole.base.Fqn;

/**
 * A few workspaces, gateways and a security setting using the sample catalogue, so that "where
 * used" and the Istio preview have something to show on a new console. Through the services:
 * every attachment passes the allowedIn rule.
 */
final class SampleTopology {

    private static final String ORG = "tse";

    private final TopologyService topology;
    private final AttachmentService attachments;

    SampleTopology(TopologyService topology, AttachmentService attachments) {
        this.topology = topology;
        this.attachments = attachments;
    }

    /** @return the number of attachments created */
    int create() {
        String payments = tenant("payments");
        workspace(payments, "payments-api", "Payments API");
        group(payments, "payments-api", GroupKind.GATEWAY, "edge", "Edge gateways");
        group(payments, "payments-api", GroupKind.SECURITY, "defaults", "Default security");
        target(new TargetRef(TargetKind.INGRESS_GATEWAY, payments, "payments-api", "edge", "payments-ingress"),
                "Public payments ingress", "payments", Map.of("app", "payments-ingress"), List.of(
                        new Attachment(fqn("rate-limiter"), json("{\"requests_per_second\": 20, \"burst\": 40}"),
                                List.of(MatchSelector.of(WorkloadMode.CLIENT, 8443))),
                        Attachment.of(fqn("request-logger")),
                        Attachment.of(fqn("header-rewrite"))));
        target(new TargetRef(TargetKind.SECURITY_SETTING, payments, "payments-api", "defaults", "pii"),
                "PII protection", "payments", Map.of("app", "payments-api"), List.of(Attachment.of(fqn("pii-redactor"))));

        String platform = tenant("platform");
        workspace(platform, "shared-edge", "Shared edge");
        group(platform, "shared-edge", GroupKind.GATEWAY, "tier1", "Tier-1 gateways");
        target(new TargetRef(TargetKind.TIER1_GATEWAY, platform, "shared-edge", "tier1", "edge-tier1"),
                "Cluster entry", "tier1", Map.of("app", "tier1-gateway", "istio", "ingressgateway"), List.of(
                        Attachment.of(fqn("opa-authz")), Attachment.of(fqn("otel-baggage"))));
        target(new TargetRef(TargetKind.EGRESS_GATEWAY, platform, "shared-edge", "tier1", "egress"),
                "Outbound traffic", "egress", Map.of("app", "egress-gateway"), List.of(
                        new Attachment(fqn("header-rewrite"), json("{\"set\": {\"x-egress\": \"platform\"}}"),
                                List.of(MatchSelector.of(WorkloadMode.CLIENT_AND_SERVER)))));
        return 7;
    }

    private void workspace(String tenant, String name, String displayName) {
        topology.saveWorkspace(new WorkspaceInfo(tenant, name, displayName));
    }

    private void group(String tenant, String workspace, GroupKind kind, String name, String displayName) {
        topology.saveGroup(new GroupInfo(tenant, workspace, kind, name, displayName));
    }

    private void target(TargetRef ref, String displayName, String namespace, Map<String, String> labels,
                        List<Attachment> list) {
        attachments.save(new TargetDefinition(ref, displayName, namespace, labels, list), null);
    }

    private static String tenant(String name) {
        return Fqn.tenant(ORG, name).toString();
    }

    private static String fqn(String extension) {
        return Fqn.extension(ORG, extension).toString();
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
