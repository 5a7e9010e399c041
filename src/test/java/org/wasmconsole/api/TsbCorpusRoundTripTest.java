package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real TSB documents in and out (issue 18): a corpus written as TSB documents it (gateways with their
 * http, tcp, tlsPassthrough and waf sections, an egress authorization, tier-1 servers, a security
 * setting's authentication and authorization, labels and annotations) is applied, exported through
 * the API and applied again: the export carries the same data as the input and the second apply
 * changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TsbCorpusRoundTripTest extends ApiTestBase {

    private static final String WS = "/tenants/bookinfo/workspaces/bookinfo-ws";

    @Override
    String organization() {
        return "tsb-corpus";
    }

    String corpus() {
        try (InputStream in = getClass().getResourceAsStream("/tsb/corpus.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ORG", f.org);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(String yaml) {
        return new YamlTreeReader(YamlLimits.DEFAULT).read(yaml).stream().map(SourceDocument::root).toList();
    }

    /** Everything the API exports of the corpus's tenant, as one stream. */
    String export() {
        ApiClient yaml = admin.yaml();
        String org = "/api/v2/organizations/" + f.org;
        List<String> parts = new ArrayList<>(List.of(
                yaml.get(org + "/tenants/bookinfo").body(),
                yaml.get(org + "/extensions/wasm-auth").body(),
                yaml.get(org + "/extensions/wasm-stats").body(),
                yaml.get(org + WS).body(),
                yaml.get(org + WS + "/gatewaygroups/bookinfo-gw").body(),
                yaml.get(org + WS + "/securitygroups/bookinfo-sec").body()));
        for (String kind : List.of("ingressgateways", "egressgateways", "tier1gateways", "gateways")) {
            parts.add(yaml.get(org + WS + "/gatewaygroups/bookinfo-gw/" + kind).body());
        }
        parts.add(yaml.get(org + WS + "/securitygroups/bookinfo-sec/settings").body());
        parts.add(yaml.get(org + "/settings").body());
        parts.add(yaml.get(org + "/tenants/bookinfo/settings").body());
        parts.add(yaml.get(org + WS + "/settings").body());
        return String.join("\n", parts);
    }

    /** A document's identity: kind, group of its apiVersion, and every name in its metadata. */
    static String key(JsonNode doc) {
        JsonNode m = doc.get("metadata");
        StringBuilder key = new StringBuilder(doc.get("apiVersion").asString() + " " + doc.get("kind").asString());
        for (String field : List.of("organization", "tenant", "workspace", "group", "name")) {
            key.append(' ').append(m.has(field) ? m.get(field).asString() : "-");
        }
        return key.toString();
    }

    /** The document without what the server adds (fqn, etag): what a user wrote. */
    static JsonNode written(JsonNode doc) {
        ObjectNode copy = (ObjectNode) doc.deepCopy();
        if (copy.get("spec") instanceof ObjectNode spec) {
            spec.remove(List.of("fqn", "etag"));
            if (spec.isEmpty()) {
                copy.remove("spec");
            }
        }
        return copy;
    }

    @Test
    @Order(1)
    void theCorpusAppliesWhole() {
        ApiClient.Answer dry = admin.postYaml("/api/v2/apply?dryRun=true", corpus());
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        ApiClient.Answer applied = admin.postYaml("/api/v2/apply", corpus());
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("summary").get("created").asInt()).isEqualTo(documents(corpus()).size());
        assertThat(applied.json().findValues("warnings").stream().flatMap(w -> w.valueStream()).toList())
                .as("nothing of the corpus is ignored").isEmpty();
    }

    @Test
    @Order(2)
    void theExportCarriesTheSameDataAndAppliesAsUnchanged() {
        String exported = export();
        Map<String, JsonNode> byKey = new HashMap<>();
        documents(exported).forEach(d -> byKey.put(key(d), d));
        for (JsonNode input : documents(corpus())) {
            JsonNode output = byKey.get(key(input));
            assertThat(output).as("exported " + key(input)).isNotNull();
            assertThat(written(output)).as(key(input)).isEqualTo(input);
        }

        ApiClient.Answer again = admin.postYaml("/api/v2/apply", exported);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("summary").get("unchanged").asInt()).as(again.body())
                .isEqualTo(documents(exported).size());
        ApiClient.Answer corpusAgain = admin.postYaml("/api/v2/apply?dryRun=true", corpus());
        assertThat(corpusAgain.json().get("summary").get("unchanged").asInt()).as(corpusAgain.body())
                .isEqualTo(documents(corpus()).size());
    }

    @Test
    @Order(3)
    void aChangedTsbFieldOrLabelIsReportedFieldByFieldInTheDiff() {
        String changed = corpus().replace("SecRuleEngine DetectionOnly", "SecRuleEngine On")
                .replace("    env: prod\n", "    env: staging\n").replace("\"4711\"", "\"4712\"");
        ApiClient.Answer dry = admin.postYaml("/api/v2/apply?dryRun=true", changed);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("summary").get("updated").asInt()).isEqualTo(3);
        Map<String, List<String>> changes = new HashMap<>();
        dry.json().get("documents").valueStream().filter(d -> d.get("outcome").asString().equals("updated"))
                .forEach(d -> changes.put(d.get("kind").asString(), d.get("changes").findValuesAsString("path")));
        assertThat(changes).containsOnlyKeys("Tenant", "Workspace", "IngressGateway");
        assertThat(changes.get("IngressGateway")).containsExactlyInAnyOrder("metadata.labels.env", "spec.waf.rules[1]");
        assertThat(changes.get("Workspace")).containsExactly("metadata.labels.env");
        assertThat(changes.get("Tenant")).containsExactly("metadata.labels.cost-center");
    }

    @Test
    @Order(4)
    void aFieldTsbDoesNotHaveIsStillRefusedWithItsPath() {
        String typo = corpus().replace("  tlsPassthrough:\n", "  tlsPasthrough:\n");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", typo);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("spec.tlsPasthrough", "tlsPassthrough");
        String label = corpus().replace("    env: prod\n", "    env: 2026\n");
        ApiClient.Answer number = admin.postYaml("/api/v2/apply?dryRun=true", label);
        assertThat(number.status()).as(number.body()).isEqualTo(400);
        assertThat(number.body()).contains("metadata.labels.env", "quote it");
    }

    @Test
    @Order(5)
    void etagsHaveOneFormInHeaderAndBody() {
        for (String path : List.of("/extensions/wasm-auth",
                WS + "/gatewaygroups/bookinfo-gw/ingressgateways/ingress-bookinfo")) {
            ApiClient.Answer answer = admin.get("/api/v2/organizations/" + f.org + path);
            String header = answer.header("ETag");
            assertThat(header).as(path).startsWith("\"").endsWith("\"");
            assertThat(answer.json().get("spec").get("etag").asString()).as(path).isEqualTo(header);
            ApiClient.Answer notModified = admin.header("If-None-Match", header)
                    .get("/api/v2/organizations/" + f.org + path);
            assertThat(notModified.status()).as(path).isEqualTo(304);
        }
    }

    @Test
    @Order(6)
    void theFilterChainOfAGatewayListsItsExtensionsInTheProxysOrder() {
        ApiClient.Answer answer = admin.get("/api/v2/organizations/" + f.org + WS
                + "/gatewaygroups/bookinfo-gw/ingressgateways/ingress-bookinfo/filterchain");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode filters = answer.json().get("filters");
        assertThat(filters.findValuesAsString("extension")).containsExactly(
                "organizations/" + f.org + "/extensions/wasm-auth", "organizations/" + f.org + "/extensions/wasm-stats");
        JsonNode auth = filters.get(0);
        assertThat(auth.get("phase").asString()).isEqualTo("AUTHN");
        assertThat(auth.get("config").get("header").asString()).isEqualTo("x-bookinfo");
        assertThat(auth.get("configFrom").asString()).isEqualTo("attachment");
        assertThat(auth.get("match").get(0).get("ports").get(0).get("number").asInt()).isEqualTo(9443);
        assertThat(auth.get("source").asString()).isEqualTo("this Ingress Gateway");
        JsonNode stats = filters.get(1);
        assertThat(stats.get("match").get(0).get("mode").asString()).isEqualTo("CLIENT");
        assertThat(stats.get("matchFrom").asString()).isEqualTo("extension");
        assertThat(stats.get("imagePullPolicy").asString()).isEqualTo("Always");
        assertThat(answer.json().get("ties").asBoolean()).isFalse();
        ApiClient.Answer missing = opB.get("/api/v2/organizations/" + f.org + WS
                + "/gatewaygroups/bookinfo-gw/ingressgateways/ingress-bookinfo/filterchain");
        assertThat(missing.status()).as("another tenant's operator").isEqualTo(404);
    }

    @Test
    @Order(7)
    void theUnifiedGatewayKeepsItsAttachmentsUnderWasmPluginsAndRulesNameThatPath() {
        String gateway = WS + "/gatewaygroups/bookinfo-gw/gateways/unified";
        JsonNode chain = admin.get("/api/v2/organizations/" + f.org + gateway + "/filterchain").json();
        assertThat(chain.get("filters").findValuesAsString("extension")).containsExactly(
                "organizations/" + f.org + "/extensions/wasm-auth", "organizations/" + f.org + "/extensions/wasm-stats");
        assertThat(admin.get(f.extensions() + "/wasm-stats/attachments").json().get("attachments")
                .findValuesAsString("kind")).contains("Gateway");

        String missing = corpus().replace("  - fqn: organizations/" + f.org + "/extensions/wasm-stats\n  - fqn:",
                "  - fqn: organizations/" + f.org + "/extensions/no-such\n  - fqn:");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", missing);
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("spec.wasmPlugins[0].fqn").doesNotContain("spec.extension[0].fqn");
        ApiClient.Answer put = admin.putYaml("/api/v2/organizations/" + f.org + gateway, documents(missing).stream()
                .filter(d -> d.get("kind").asString().equals("Gateway")).findFirst().orElseThrow().toString());
        assertThat(put.status()).as(put.body()).isEqualTo(422);
        assertThat(put.body()).contains("spec.wasmPlugins[0].fqn");
    }

    @Test
    @Order(8)
    void theCatalogueFiltersOnALabelAsKubernetesSelectsOne() {
        String list = "/api/v2/organizations/" + f.org + "/extensions?label=";
        assertThat(admin.get(list + "team=platform").json().get("extensions").findValuesAsString("name"))
                .containsExactly("wasm-auth");
        assertThat(admin.get(list + "team").json().get("extensions").findValuesAsString("name"))
                .containsExactly("wasm-auth");
        assertThat(admin.get(list + "team=plat").json().get("extensions")).isEmpty();
        assertThat(admin.get(list + "tea").json().get("extensions")).as("a key is matched whole").isEmpty();
        assertThat(admin.get(list + "tetrate.io/owner").json().get("extensions"))
                .as("annotations are not labels").isEmpty();
        assertThat(admin.get(list + "app.kubernetes.io/part-of=edge").json().get("extensions")
                .findValuesAsString("name")).containsExactly("wasm-auth");
    }

    @Test
    @Order(9)
    void defaultSettingsReachTheSecuritySettingsBelowThemAsTsbPropagatesThem() {
        String org = "/api/v2/organizations/" + f.org;
        // The SecuritySetting replaces the tenant's and workspace's defaults (REPLACE, TSB's default); the
        // organization's is STRICTER, so its extension stays.
        JsonNode chain = admin.get(org + WS + "/securitygroups/bookinfo-sec/settings/defaults/filterchain").json();
        assertThat(chain.get("filters").findValuesAsString("source"))
                .containsExactly("this Security Setting", "organization default");
        assertThat(chain.get("filters").get(1).get("sourceFqn").asString())
                .isEqualTo("organizations/" + f.org + "/settings/org-settings");
        assertThat(chain.get("filters").get(1).get("config").get("prefix").asString()).isEqualTo("org");
        // A workspace default's own chain: the organization's kept, then its own (replacing the tenant's).
        JsonNode ws = admin.get(org + WS + "/settings/ws-settings/filterchain").json();
        assertThat(ws.get("kind").asString()).isEqualTo("WorkspaceSetting");
        assertThat(ws.get("filters").findValuesAsString("source"))
                .containsExactly("workspace default", "organization default");
        assertThat(ws.get("filters").get(0).get("config").get("header").asString()).isEqualTo("x-workspace");
        // The Istio preview of the security setting includes the inherited plugin.
        ApiClient.Answer plugins = admin.yaml().get(org + WS + "/securitygroups/bookinfo-sec/settings/defaults/wasmplugins");
        assertThat(plugins.body()).contains("wasm-stats", "wasm-auth");
        // Where used names the settings.
        assertThat(admin.get(f.extensions() + "/wasm-auth/attachments").json().get("attachments")
                .findValuesAsString("kind")).contains("TenantSetting", "WorkspaceSetting", "SecuritySetting");
        // Operators: their own tenant's settings and the organization's; another tenant's operator gets 404.
        assertThat(opB.get(org + "/tenants/bookinfo/settings/tenant-settings").status()).isEqualTo(404);
        assertThat(opB.get(org + "/settings/org-settings").status()).isEqualTo(200);
        assertThat(opB.putJson(org + "/settings/org-settings", "{}").status()).isEqualTo(403);
    }

    @Test
    @Order(10)
    void anOrganizationDefaultTakesOnlyExtensionsOpenToAllTenantsAndGuardsThem() {
        String org = "/api/v2/organizations/" + f.org;
        String restricted = corpus().replace("    - fqn: organizations/" + f.org + "/extensions/wasm-stats\n      config:\n"
                + "        prefix: org", "    - fqn: organizations/" + f.org + "/extensions/wasm-auth");
        ApiClient.Answer refused = admin.postYaml("/api/v2/apply?dryRun=true", restricted);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("spec.defaultSecuritySetting.extension[0].fqn", "reaches every tenant");
        // Narrowing wasm-stats to one tenant would leave the organization default invalid: refused, naming it.
        ApiClient.Answer stats = admin.get(f.extensions() + "/wasm-stats");
        ObjectNode narrowed = (ObjectNode) stats.json().deepCopy();
        ((ObjectNode) narrowed.get("spec")).putArray("allowedIn").add("organizations/" + f.org + "/tenants/bookinfo");
        ApiClient.Answer put = admin.putJson(f.extensions() + "/wasm-stats", narrowed.toString());
        assertThat(put.status()).as(put.body()).isEqualTo(409);
        assertThat(put.body()).contains("organizations/" + f.org + "/settings/org-settings");
        ApiClient.Answer delete = admin.delete(f.extensions() + "/wasm-stats");
        assertThat(delete.status()).as(delete.body()).isEqualTo(409);
        // A field TSB does not have is refused with its path; the known ones are kept.
        String typo = corpus().replace("      trafficMode: OPTIONAL\n", "      trafficMode: OPTIONAL\n    extention: []\n");
        ApiClient.Answer answer = admin.postYaml("/api/v2/apply?dryRun=true", typo);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("spec.defaultSecuritySetting.extention");
        JsonNode tenant = admin.get(org + "/tenants/bookinfo/settings/tenant-settings").json();
        assertThat(tenant.get("spec").get("defaultTrafficSetting").get("egress").get("host").asString())
                .isEqualTo("bookinfo-perimeter/tsb-egress");
    }
}
