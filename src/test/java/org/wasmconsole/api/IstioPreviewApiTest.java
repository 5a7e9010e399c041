package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;

/**
 * What Istio gets for a gateway's attachments through the API (spec §6): the WasmPlugin or the
 * TrafficExtension of one gateway, a workspace or a tenant as one kubectl stream, and a preview
 * Istio would refuse or misread explained instead of handed out.
 */
class IstioPreviewApiTest extends AttachmentApiTestBase {

    @Override
    String organization() {
        return "api-istio";
    }

    @Test
    void thePreviewIsTheWasmPluginIstioGets() {
        admin.postYaml(ingress("team-a"), gateway("team-a", "previewed", "only-a"));
        ApiClient.Answer yaml = admin.yaml().get(ingress("team-a") + "/previewed/wasmplugins");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("---\napiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\n")
                .contains("namespace: payments", "matchLabels:", "app: previewed", "header: x-only-a");

        JsonNode plugin = admin.get(ingress("team-a") + "/previewed/wasmplugins").json().get("wasmplugins").get(0);
        assertThat(plugin.get("kind").asString()).isEqualTo("WasmPlugin");
        assertThat(plugin.get("metadata").get("namespace").asString()).isEqualTo("payments");
        assertThat(plugin.get("spec").get("selector").get("matchLabels").get("app").asString()).isEqualTo("previewed");
        assertThat(plugin.get("spec").get("url").asString()).isEqualTo("oci://docker.io/example/only-a:1.0");
        assertThat(plugin.get("spec").get("match").get(0).get("ports").get(0).get("number").asInt()).isEqualTo(8080);
        assertThat(opA.get(ingress("team-a") + "/previewed/wasmplugins").status()).isEqualTo(200);
        assertThat(opB.get(ingress("team-a") + "/previewed/wasmplugins").status()).isEqualTo(404);
    }

    @Test
    void aTrafficExtensionIsTheSameContentWithTheWasmFieldsUnderWasm() {
        admin.postYaml(ingress("team-a"), gateway("team-a", "as-traffic-extension", "only-a"));
        ApiClient.Answer yaml = admin.yaml().get(ingress("team-a") + "/as-traffic-extension/wasmplugins"
                + "?kind=TrafficExtension");
        assertThat(yaml.status()).as(yaml.body()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("---\napiVersion: extensions.istio.io/v1alpha1\nkind: TrafficExtension\n")
                .contains("  wasm:\n    url: oci://docker.io/example/only-a:1.0\n");
        ApiClient.Answer unknown = admin.get(ingress("team-a") + "/as-traffic-extension/wasmplugins?kind=EnvoyFilter");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(paths(unknown)).containsExactly("kind");
    }

    @Test
    void aWorkspaceAndATenantAreEachOneKubectlStream() {
        admin.postYaml(ingress("team-b"), gateway("team-b", "stream-one", "open"));
        admin.postYaml(ingress("team-b"), gateway("team-b", "stream-two", "open", "only-b"));
        String tenant = "/api/v2/organizations/" + f.org + "/tenants/team-b";
        ApiClient.Answer workspace = admin.yaml().get(workspaces("team-b") + "/w1/wasmplugins");
        assertThat(workspace.status()).as(workspace.body()).isEqualTo(200);
        assertThat(workspace.body().split("(?m)^---$")).hasSizeGreaterThanOrEqualTo(4); // "" + 3 documents
        assertThat(workspace.body()).contains("app: stream-one", "app: stream-two", "header: x-only-b");
        ApiClient.Answer whole = admin.yaml().get(tenant + "/wasmplugins?kind=TrafficExtension");
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.body()).contains("kind: TrafficExtension", "app: stream-two").doesNotContain("kind: WasmPlugin");
        assertThat(opB.get(tenant + "/wasmplugins").status()).isEqualTo(200);
        assertThat(opA.get(tenant + "/wasmplugins").status()).isEqualTo(404);
    }

    @Test
    void aPreviewIstioWouldRefuseOrMisreadIsNotHandedOutButExplained() {
        asSystem(() -> extensions.create(f.extension("turns-server", List.of())));
        String gw = """
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: IngressGateway
                metadata: {name: inherits-mode}
                spec:
                  workloadSelector: {namespace: payments, labels: {app: inherits}}
                  extension: [{fqn: %s}]
                """.formatted(fqn("turns-server"));
        assertThat(admin.postYaml(ingress("team-a"), gw).status()).isEqualTo(201);
        // The extension changes afterwards to SERVER only, which never matches a gateway's traffic.
        var stored = asSystem(() -> extensions.get(f.org, "turns-server"));
        asSystem(() -> extensions.update(stored.definition().toBuilder().matchMode(WorkloadMode.SERVER).build(),
                stored.etag()));
        ApiClient.Answer answer = admin.yaml().get(ingress("team-a") + "/inherits-mode/wasmplugins");
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(paths(answer)).singleElement().asString().startsWith("WasmPlugin payments/igw-inherits-mode-turns-server-")
                .endsWith(": spec.match[0].mode");
        assertThat(answer.body()).contains("never matches the traffic of a gateway");
    }
}
