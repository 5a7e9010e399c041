package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Workspaces, groups, gateways and security settings through the API: round trips in JSON and
 * YAML, the allowedIn rule, where used, in-use deletes, operators, and malformed documents. What
 * Istio gets for them is IstioPreviewApiTest's.
 */
class AttachmentApiTest extends AttachmentApiTestBase {

    @Override
    String organization() {
        return "api-attach";
    }

    @Test
    void workspacesAndGroupsRoundTrip() {
        ApiClient.Answer created = admin.yaml().postYaml(workspaces("team-a"), """
                apiVersion: api.tsb.tetrate.io/v2
                kind: Workspace
                metadata: {name: shop}
                spec: {displayName: Shop}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(workspaces("team-a") + "/shop");
        assertThat(created.body()).contains("kind: Workspace", "tenant: team-a", "fqn: " + f.tenant("team-a")
                + "/workspaces/shop");
        assertThat(admin.postJson(workspaces("team-a"), "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\":"
                + " \"Workspace\", \"metadata\": {\"name\": \"shop\"}}").status()).isEqualTo(409);

        JsonNode list = admin.get(workspaces("team-a")).json().get("workspaces");
        assertThat(list.findValuesAsString("name")).contains("w1", "shop");
        ApiClient.Answer renamed = admin.putJson(workspaces("team-a") + "/shop", "{\"apiVersion\":"
                + " \"api.tsb.tetrate.io/v2\", \"kind\": \"Workspace\", \"spec\": {\"displayName\": \"Web shop\"}}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(admin.get(workspaces("team-a") + "/shop").json().get("spec").get("displayName").asString())
                .isEqualTo("Web shop");

        String groups = workspaces("team-a") + "/shop/gatewaygroups";
        ApiClient.Answer group = admin.postYaml(groups, """
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: Group
                metadata: {name: edge}
                spec: {displayName: Edge}
                """);
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        ApiClient.Answer wrongKind = admin.postYaml(groups, """
                apiVersion: security.tsb.tetrate.io/v2
                kind: Group
                metadata: {name: sec}
                """);
        assertThat(wrongKind.status()).isEqualTo(422);
        assertThat(paths(wrongKind)).containsExactly("apiVersion");
        assertThat(admin.postYaml(workspaces("team-a") + "/shop/securitygroups", """
                apiVersion: security.tsb.tetrate.io/v2
                kind: Group
                metadata: {name: sec}
                """).status()).isEqualTo(201);
        assertThat(admin.get(groups).json().get("groups").findValuesAsString("name")).containsExactly("edge");
        assertThat(admin.get(workspaces("team-a") + "/shop/securitygroups/sec").json().get("apiVersion").asString())
                .isEqualTo("security.tsb.tetrate.io/v2");
        assertThat(admin.get(workspaces("team-a") + "/shop/gatewaygroups/sec").status()).isEqualTo(404);

        assertThat(admin.postYaml(groups + "/edge/tier1gateways", """
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: Tier1Gateway
                metadata: {name: t1}
                spec: {workloadSelector: {namespace: edge, labels: {app: t1}}}
                """).status()).isEqualTo(201);
        assertThat(admin.delete(groups + "/edge").status()).isEqualTo(204);
        assertThat(admin.get(groups + "/edge/tier1gateways/t1").status()).isEqualTo(404);
        assertThat(admin.delete(workspaces("team-a") + "/shop").status()).isEqualTo(204);
        assertThat(admin.get(workspaces("team-a") + "/shop").status()).isEqualTo(404);
        assertThat(admin.get(workspaces("team-a") + "/shop/securitygroups/sec").status()).isEqualTo(404);
    }

    @Test
    void aGatewayRoundTripsWithItsAttachmentsEtagAndReplace() {
        ApiClient.Answer created = admin.postYaml(ingress("team-a"), gateway("team-a", "rt", "open", "only-a"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String etag = created.header("ETag");
        // One etag form (quoted), the same in the header, the body and the service.
        assertThat(etag).isEqualTo(stored("team-a", "rt").orElseThrow().etag()).startsWith("\"");

        JsonNode doc = admin.get(ingress("team-a") + "/rt").json();
        JsonNode first = doc.get("spec").get("extension").get(0);
        assertThat(first.get("fqn").asString()).isEqualTo(fqn("open"));
        assertThat(first.get("config").get("header").asString()).isEqualTo("x-open");
        assertThat(first.get("match").get(0).get("ports").get(0).get("number").asInt()).isEqualTo(8080);
        assertThat(doc.get("spec").get("workloadSelector").get("labels").get("app").asString()).isEqualTo("rt");
        assertThat(admin.header("If-None-Match", etag).get(ingress("team-a") + "/rt").status()).isEqualTo(304);
        assertThat(admin.get(ingress("team-a")).json().get("ingressgateways").findValuesAsString("name"))
                .contains("rt");
        assertThat(admin.postYaml(ingress("team-a"), gateway("team-a", "rt")).status()).isEqualTo(409);

        ApiClient.Answer stale = admin.header("If-Match", "\"0000\"").putYaml(ingress("team-a") + "/rt",
                gateway("team-a", "rt", "a-and-b"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stored("team-a", "rt").orElseThrow().definition().attachments()).hasSize(2);

        ApiClient.Answer replaced = admin.header("If-Match", etag).putYaml(ingress("team-a") + "/rt",
                gateway("team-a", "rt", "a-and-b"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(stored("team-a", "rt").orElseThrow().definition().attachments())
                .extracting(a -> a.fqn()).containsExactly(fqn("a-and-b"));
        ApiClient.Answer noEtag = admin.putYaml(ingress("team-a") + "/rt", gateway("team-a", "rt"));
        assertThat(noEtag.status()).as("PUT without an etag replaces").isEqualTo(200);
        assertThat(stored("team-a", "rt").orElseThrow().definition().attachments()).isEmpty();

        assertThat(admin.putYaml(ingress("team-a") + "/nope", gateway("team-a", "nope")).status()).isEqualTo(404);
        assertThat(admin.get(workspaces("team-a") + "/w1/gatewaygroups/nope/ingressgateways").status())
                .isEqualTo(404);
        assertThat(admin.postYaml(workspaces("team-a") + "/nope/gatewaygroups/g1/ingressgateways",
                gateway("team-a", "x")).status()).isEqualTo(404);
        assertThat(admin.delete(ingress("team-a") + "/rt").status()).isEqualTo(204);
        assertThat(stored("team-a", "rt")).isEmpty();
    }

    @Test
    void aSecuritySettingLivesInASecurityGroup() {
        String settings = workspaces("team-b") + "/w1/securitygroups/s1/settings";
        ApiClient.Answer created = admin.postJson(settings, """
                {"apiVersion": "security.tsb.tetrate.io/v2", "kind": "SecuritySetting",
                 "metadata": {"name": "defaults"},
                 "spec": {"workloadSelector": {"namespace": "payments", "labels": {"app": "payments"}},
                          "extension": [{"fqn": "%s", "match": [{"mode": "SERVER"}]}]}}
                """.formatted(fqn("only-b")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode doc = admin.get(settings + "/defaults").json();
        assertThat(doc.get("kind").asString()).isEqualTo("SecuritySetting");
        assertThat(doc.get("spec").get("fqn").asString()).isEqualTo(f.tenant("team-b")
                + "/workspaces/w1/securitygroups/s1/settings/defaults");
        assertThat(doc.get("spec").get("extension").get(0).get("match").get(0).get("mode").asString())
                .isEqualTo("SERVER");
        ApiClient.Answer gatewayKind = admin.postYaml(settings, gateway("team-b", "wrong"));
        assertThat(gatewayKind.status()).isEqualTo(422);
        assertThat(paths(gatewayKind)).contains("kind");
    }

    @Test
    void anExtensionNotAllowedInTheTenantIsRefusedAtItsFqnAndNothingIsSaved() {
        ApiClient.Answer refused = admin.postYaml(ingress("team-a"), gateway("team-a", "forbidden", "open", "only-b"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode violation = refused.json().get("violations").get(0);
        assertThat(violation.get("path").asString()).isEqualTo("spec.extension[1].fqn");
        assertThat(violation.get("line").asInt()).isEqualTo(15);
        assertThat(violation.get("message").asString()).contains("not allowed in tenant 'team-a'")
                .doesNotContain("team-b");
        assertThat(stored("team-a", "forbidden")).isEmpty();

        admin.postYaml(ingress("team-a"), gateway("team-a", "kept", "open"));
        String etag = stored("team-a", "kept").orElseThrow().etag();
        ApiClient.Answer replace = admin.putYaml(ingress("team-a") + "/kept", gateway("team-a", "kept", "only-b"));
        assertThat(replace.status()).isEqualTo(422);
        assertThat(paths(replace)).containsExactly("spec.extension[0].fqn");
        assertThat(stored("team-a", "kept").orElseThrow().etag()).isEqualTo(etag);
    }

    @Test
    void malformedGatewayDocumentsAre400WithTheirPathAndLine() {
        ApiClient.Answer ports = admin.postYaml(ingress("team-a"), gateway("team-a", "bad", "open")
                .replace("ports: [{number: 8080}]", "ports: [8080]"));
        assertThat(ports.status()).isEqualTo(400);
        JsonNode v = ports.json().get("violations").get(0);
        assertThat(v.get("path").asString()).isEqualTo("spec.extension[0].match[0].ports[0]");
        assertThat(v.get("line").asInt()).isEqualTo(14);
        ApiClient.Answer match = admin.postYaml(ingress("team-a"), gateway("team-a", "bad", "open")
                .replace("match: [{mode: CLIENT, ports: [{number: 8080}]}]", "match: {}"));
        assertThat(match.status()).isEqualTo(400);
        assertThat(paths(match)).containsExactly("spec.extension[0].match");
        ApiClient.Answer range = admin.postYaml(ingress("team-a"), gateway("team-a", "bad", "open")
                .replace("8080", "70000"));
        assertThat(range.status()).as("a port out of range is a rule, not a shape").isEqualTo(422);
        assertThat(paths(range)).containsExactly("spec.extension[0].match[0].ports[0].number");
        assertThat(stored("team-a", "bad")).isEmpty();
    }

    @Test
    void whereUsedListsEveryAttachmentAndDeletingRefusesUnlessDetached() {
        asSystem(() -> extensions.create(f.extension("busy", List.of())));
        admin.postYaml(ingress("team-a"), gateway("team-a", "uses-busy", "open", "busy"));
        admin.postYaml(ingress("team-b"), gateway("team-b", "uses-busy", "busy"));

        JsonNode used = admin.get(f.extensions() + "/busy/attachments").json().get("attachments");
        assertThat(used.findValuesAsString("target")).containsExactly(
                f.tenant("team-a") + "/workspaces/w1/gatewaygroups/g1/ingressgateways/uses-busy",
                f.tenant("team-b") + "/workspaces/w1/gatewaygroups/g1/ingressgateways/uses-busy");
        JsonNode first = used.get(0);
        assertThat(first.get("kind").asString()).isEqualTo("IngressGateway");
        assertThat(first.get("tenant").asString()).isEqualTo(f.tenant("team-a"));
        assertThat(first.get("namespace").asString()).isEqualTo("payments");
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("attachment").get("config").get("header").asString()).isEqualTo("x-busy");
        JsonNode seenByA = opA.get(f.extensions() + "/busy/attachments").json().get("attachments");
        assertThat(seenByA.findValuesAsString("tenant")).containsExactly(f.tenant("team-a"));

        ApiClient.Answer refused = admin.delete(f.extensions() + "/busy");
        assertThat(refused.status()).isEqualTo(409);
        List<String> places = new ArrayList<>();
        refused.json().get("places").forEach(p -> places.add(p.asString()));
        assertThat(places).hasSize(2).anySatisfy(p -> assertThat(p).contains(f.tenant("team-b")
                + "/workspaces/w1/gatewaygroups/g1/ingressgateways/uses-busy", "spec.extension[0]"));
        assertThat(asSystem(() -> extensions.find(f.org, "busy"))).isPresent();

        ApiClient.Answer narrowed = admin.putYaml(f.extensions() + "/busy", """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata: {name: busy}
                spec:
                  url: oci://docker.io/example/busy:1.0
                  allowedIn: [%s]
                  etag: '%s'
                """.formatted(f.tenant("team-a"), asSystem(() -> extensions.get(f.org, "busy")).etag()));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(409);
        assertThat(narrowed.json().get("places")).hasSize(1);

        assertThat(admin.delete(f.extensions() + "/busy?detach=true").status()).isEqualTo(204);
        assertThat(asSystem(() -> extensions.find(f.org, "busy"))).isEmpty();
        assertThat(stored("team-a", "uses-busy").orElseThrow().definition().attachments())
                .extracting(a -> a.fqn()).containsExactly(fqn("open"));
        assertThat(stored("team-b", "uses-busy").orElseThrow().definition().attachments()).isEmpty();
        assertThat(admin.get(f.extensions() + "/busy/attachments").status()).isEqualTo(404);
    }

    @Test
    void narrowingAllowedInWithDetachKeepsTheAllowedAttachments() {
        asSystem(() -> extensions.create(f.extension("narrowed", List.of())));
        admin.postYaml(ingress("team-a"), gateway("team-a", "uses-narrowed", "narrowed"));
        admin.postYaml(ingress("team-b"), gateway("team-b", "uses-narrowed", "narrowed"));
        String doc = """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata: {name: narrowed}
                spec:
                  url: oci://docker.io/example/narrowed:1.0
                  allowedIn: [%s]
                """.formatted(f.tenant("team-a"));
        String etag = asSystem(() -> extensions.get(f.org, "narrowed")).etag();
        ApiClient.Answer answer = admin.header("If-Match", etag).putYaml(f.extensions() + "/narrowed?detach=true", doc);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(stored("team-a", "uses-narrowed").orElseThrow().definition().attachments()).hasSize(1);
        assertThat(stored("team-b", "uses-narrowed").orElseThrow().definition().attachments()).isEmpty();
    }

    @Test
    void operatorsReadTheirOwnTenantsOnlyAndNeverWrite() {
        admin.postYaml(ingress("team-a"), gateway("team-a", "op-visible", "open"));
        admin.postYaml(ingress("team-b"), gateway("team-b", "op-hidden", "open"));

        assertThat(opA.get(ingress("team-a") + "/op-visible").status()).isEqualTo(200);
        assertThat(opA.get(ingress("team-a")).json().get("ingressgateways").findValuesAsString("name"))
                .contains("op-visible");
        assertThat(opA.get(workspaces("team-a")).status()).isEqualTo(200);
        assertThat(opA.get(ingress("team-b") + "/op-hidden").status()).isEqualTo(404);
        assertThat(opA.get(ingress("team-b")).status()).isEqualTo(404);
        assertThat(opA.get(workspaces("team-b")).status()).isEqualTo(404);
        assertThat(opA.get(workspaces("team-b") + "/w1/gatewaygroups").status()).isEqualTo(404);

        assertThat(opA.postYaml(ingress("team-a"), gateway("team-a", "by-op", "open")).status()).isEqualTo(403);
        assertThat(opA.putYaml(ingress("team-a") + "/op-visible", gateway("team-a", "op-visible")).status())
                .isEqualTo(403);
        assertThat(opA.delete(ingress("team-a") + "/op-visible").status()).isEqualTo(403);
        assertThat(opA.delete(workspaces("team-a") + "/w1").status()).isEqualTo(403);
        assertThat(opA.postJson(workspaces("team-a"), "{}").status()).isEqualTo(403);
        assertThat(stored("team-a", "by-op")).isEmpty();
        assertThat(stored("team-a", "op-visible").orElseThrow().definition().attachments()).hasSize(1);
        assertThat(ApiClient.anonymous(port).get(ingress("team-a")).status()).isEqualTo(401);
    }
}
