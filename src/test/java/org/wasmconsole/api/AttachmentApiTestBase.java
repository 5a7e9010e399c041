package org.wasmconsole.api;

import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;

/**
 * The fixture of the gateway and security setting API tests: in each tenant (team-a, team-b) a
 * workspace w1 with a gateway group g1 and a security group s1, and helpers that write an
 * IngressGateway document and read what is stored.
 */
abstract class AttachmentApiTestBase extends ApiTestBase {

    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    @BeforeAll
    void workspacesAndGroups() {
        asSystem(() -> {
            for (String tenant : List.of("team-a", "team-b")) {
                topology.saveWorkspace(new WorkspaceInfo(f.tenant(tenant), "w1", null));
                topology.saveGroup(new GroupInfo(f.tenant(tenant), "w1", GroupKind.GATEWAY, "g1", null));
                topology.saveGroup(new GroupInfo(f.tenant(tenant), "w1", GroupKind.SECURITY, "s1", null));
            }
        });
    }

    String workspaces(String tenant) {
        return "/api/v2/organizations/" + f.org + "/tenants/" + tenant + "/workspaces";
    }

    String ingress(String tenant) {
        return workspaces(tenant) + "/w1/gatewaygroups/g1/ingressgateways";
    }

    String fqn(String extension) {
        return "organizations/" + f.org + "/extensions/" + extension;
    }

    /** An IngressGateway of w1/g1; the first extension item starts on line 12, its match on line 14. */
    String gateway(String tenant, String name, String... extensions) {
        StringBuilder items = new StringBuilder();
        for (String e : extensions) {
            items.append("  - fqn: ").append(fqn(e)).append("\n    config: {header: x-").append(e)
                    .append("}\n    match: [{mode: CLIENT, ports: [{number: 8080}]}]\n");
        }
        return """
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: IngressGateway
                metadata:
                  organization: %s
                  tenant: %s
                  workspace: w1
                  group: g1
                  name: %s
                spec:
                  workloadSelector: {namespace: payments, labels: {app: %s}}
                """.formatted(f.org, tenant, name, name) + (items.isEmpty() ? "" : "  extension:\n" + items);
    }

    Optional<StoredTarget> stored(String tenant, String name) {
        return asSystem(() -> attachments.find(new TargetRef(TargetKind.INGRESS_GATEWAY, f.tenant(tenant), "w1",
                "g1", name)));
    }

    static List<String> paths(ApiClient.Answer problem) {
        List<String> paths = new ArrayList<>();
        problem.json().get("violations").forEach(v -> paths.add(v.get("path").asString()));
        return paths;
    }
}
