package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import tools.jackson.databind.JsonNode;

/**
 * The apply stream with Workspace, Group, gateway and SecuritySetting documents: one stream builds a
 * tenant, an extension and the gateway that attaches it; the allowedIn rule and missing parents are
 * error entries that save nothing, in a dry run and for real.
 */
class ApplyAttachmentsTest extends ApiTestBase {

    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    @Override
    String organization() {
        return "api-apply-att";
    }

    String tenantFqn(String tenant) {
        return "organizations/" + f.org + "/tenants/" + tenant;
    }

    String tenant(String name) {
        return "---\napiVersion: api.tsb.tetrate.io/v2\nkind: Tenant\nmetadata: {organization: " + f.org + ", name: "
                + name + "}\n";
    }

    String extension(String name, String allowedIn) {
        return "---\napiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata: {organization: " + f.org
                + ", name: " + name + "}\nspec:\n  url: oci://docker.io/example/" + name + ":1.0\n"
                + (allowedIn == null ? "" : "  allowedIn: [" + tenantFqn(allowedIn) + "]\n");
    }

    String workspace(String tenant, String name) {
        return "---\napiVersion: api.tsb.tetrate.io/v2\nkind: Workspace\nmetadata: {organization: " + f.org
                + ", tenant: " + tenant + ", name: " + name + "}\nspec: {displayName: Payments}\n";
    }

    String group(String tenant, String workspace, String name) {
        return "---\napiVersion: gateway.tsb.tetrate.io/v2\nkind: Group\nmetadata: {organization: " + f.org
                + ", tenant: " + tenant + ", workspace: " + workspace + ", name: " + name + "}\n";
    }

    /** 14 lines: the extension's fqn on line 11 of the document, its config header on line 12. */
    String gateway(String tenant, String workspace, String group, String name, String extension, String header) {
        return """
                ---
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: IngressGateway
                metadata:
                  organization: %s
                  tenant: %s
                  workspace: %s
                  group: %s
                  name: %s
                spec:
                  extension:
                  - fqn: organizations/%s/extensions/%s
                    config: {header: %s}
                    match: [{mode: CLIENT, ports: [{number: 8443}]}]
                  workloadSelector: {namespace: payments, labels: {app: gw}}
                """.formatted(f.org, tenant, workspace, group, name, f.org, extension, header);
    }

    Optional<StoredTarget> stored(String tenant, String workspace, String group, String name) {
        return asSystem(() -> {
            try {
                return attachments.find(new TargetRef(TargetKind.INGRESS_GATEWAY, tenantFqn(tenant), workspace,
                        group, name));
            } catch (org.wasmconsole.base.NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    static JsonNode document(JsonNode report, int number) {
        return report.get("documents").get(number - 1);
    }

    @Test
    void oneStreamCreatesTenantExtensionWorkspaceGroupAndTheGatewayThatAttachesIt() {
        // deliberately out of order: the gateway first, its tenant last
        String stream = gateway("shop", "w1", "edge", "gw", "auth", "x-tenant") + group("shop", "w1", "edge")
                + workspace("shop", "w1") + extension("auth", "shop") + tenant("shop");

        ApiClient.Answer dry = admin.postYaml("/api/v2/apply?dryRun=true", stream);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("summary").get("created").asInt()).isEqualTo(5);
        assertThat(document(dry.json(), 1).get("kind").asString()).isEqualTo("IngressGateway");
        assertThat(document(dry.json(), 1).get("fqn").asString())
                .isEqualTo(tenantFqn("shop") + "/workspaces/w1/gatewaygroups/edge/ingressgateways/gw");
        assertThat(asSystem(() -> tenants.find(f.org, "shop"))).isEmpty();
        assertThat(asSystem(() -> extensions.find(f.org, "auth"))).isEmpty();

        ApiClient.Answer applied = admin.postYaml("/api/v2/apply", stream);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        StoredTarget gw = stored("shop", "w1", "edge", "gw").orElseThrow();
        assertThat(gw.definition().attachments().getFirst().config().get("header").asString()).isEqualTo("x-tenant");
        assertThat(asSystem(() -> topology.findWorkspace(tenantFqn("shop"), "w1")).orElseThrow().displayName())
                .isEqualTo("Payments");
        assertThat(asSystem(() -> topology.findGroup(tenantFqn("shop"), "w1", GroupKind.GATEWAY, "edge")))
                .isPresent();
        assertThat(admin.get(f.extensions() + "/auth/attachments").json().get("attachments")).hasSize(1);

        JsonNode again = admin.postYaml("/api/v2/apply", stream).json();
        assertThat(again.get("summary").get("unchanged").asInt()).as(again.toString()).isEqualTo(5);
        assertThat(stored("shop", "w1", "edge", "gw").orElseThrow().etag()).isEqualTo(gw.etag());

        ApiClient.Answer changed = admin.postYaml("/api/v2/apply", stream.replace("x-tenant", "x-org"));
        JsonNode update = document(changed.json(), 1);
        assertThat(update.get("outcome").asString()).isEqualTo("updated");
        assertThat(update.get("changes").findValuesAsString("path")).containsExactly("spec.extension[0].config.header");
        assertThat(update.get("changes").get(0).get("after").asString()).isEqualTo("\"x-org\"");
        assertThat(stored("shop", "w1", "edge", "gw").orElseThrow().definition().attachments().getFirst().config()
                .get("header").asString()).isEqualTo("x-org");
    }

    @Test
    void anExtensionNotAllowedInTheTenantIsAnErrorEntryAndNothingIsSaved() {
        String stream = workspace("team-a", "denied-ws") + group("team-a", "denied-ws", "g")
                + gateway("team-a", "denied-ws", "g", "gw", "only-b", "x");
        for (boolean dryRun : new boolean[] {true, false}) {
            ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=" + dryRun, stream);
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            JsonNode report = answer.json().get("report");
            assertThat(report.get("applied").asBoolean()).isFalse();
            assertThat(document(report, 1).get("outcome").asString()).isEqualTo("created");
            JsonNode error = document(report, 3);
            assertThat(error.get("outcome").asString()).isEqualTo("error");
            JsonNode problem = error.get("problems").get(0);
            assertThat(problem.get("path").asString()).isEqualTo("spec.extension[0].fqn");
            assertThat(problem.get("document").asInt()).isEqualTo(3);
            assertThat(problem.get("line").asInt()).isEqualTo(5 + 4 + 12);
            assertThat(problem.get("message").asString()).contains("not allowed in tenant 'team-a'");
            assertThat(asSystem(() -> topology.findWorkspace(tenantFqn("team-a"), "denied-ws"))).isEmpty();
        }
    }

    @Test
    void aMissingParentIsNamedAtItsMetadataField() {
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", workspace("nosuch", "w")
                + group("team-a", "nosuch", "g") + gateway("team-a", "w-none", "g", "gw", "open", "x"));
        assertThat(answer.status()).isEqualTo(422);
        JsonNode report = answer.json().get("report");
        assertThat(document(report, 1).get("problems").get(0).get("path").asString()).isEqualTo("metadata.tenant");
        assertThat(document(report, 2).get("problems").get(0).get("path").asString()).isEqualTo("metadata.workspace");
        assertThat(document(report, 3).get("problems").get(0).get("path").asString()).isEqualTo("metadata.workspace");
        asSystem(() -> topology.saveWorkspace(new org.wasmconsole.attachment.WorkspaceInfo(tenantFqn("team-a"),
                "has-no-group", null)));
        JsonNode noGroup = admin.postYaml("/api/v2/apply?dryRun=true", gateway("team-a", "has-no-group", "g", "gw",
                "open", "x")).json().get("report");
        assertThat(document(noGroup, 1).get("problems").get(0).get("path").asString()).isEqualTo("metadata.group");
    }

    @Test
    void aMalformedTargetDocumentIs400WithItsLineAndTheRestIsNotSaved() {
        String stream = workspace("team-b", "malformed-ws") + gateway("team-b", "malformed-ws", "g", "gw", "open", "x")
                .replace("ports: [{number: 8443}]", "ports: [8443]");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply", stream);
        assertThat(answer.status()).isEqualTo(400);
        JsonNode violation = answer.json().get("violations").get(0);
        assertThat(violation.get("path").asString()).isEqualTo("spec.extension[0].match[0].ports[0]");
        assertThat(violation.get("document").asInt()).isEqualTo(2);
        assertThat(violation.get("line").asInt()).isEqualTo(5 + 14);
        assertThat(asSystem(() -> topology.findWorkspace(tenantFqn("team-b"), "malformed-ws"))).isEmpty();
    }

    @Test
    void theSameTargetTwiceInOneStreamIsRefused() {
        String gw = gateway("team-a", "twice-ws", "g", "gw", "open", "x");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", workspace("team-a", "twice-ws")
                + group("team-a", "twice-ws", "g") + gw + gw);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(document(answer.json().get("report"), 4).get("problems").get(0).get("message").asString())
                .contains("already in document 3");
        assertThat(List.of(document(answer.json().get("report"), 3).get("outcome").asString())).containsExactly("created");
    }
}
