package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The WasmPlugin of spec §6, field by field, as exact YAML text. */
class IstioWasmPluginTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FQN = "organizations/tse/extensions/wasm-auth";
    /** The generated name of the wasm-auth attachment in ingress(): see WasmPluginNamesTest. */
    private static final String NAME = WasmPluginNames.resourceName(ingress(), minimal().build());

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ExtensionDefinition.Builder minimal() {
        return ExtensionDefinition.builder().organization("tse").name("wasm-auth")
                .url("oci://docker.io/example/wasm-auth:1.0");
    }

    /** The extension of spec §1. */
    private static ExtensionDefinition.Builder full() {
        return minimal().url("oci://docker.io/example/my-wasm-extension:1.0")
                .source("https://github.com/example/wasm-extension").description("Long text").summary("short")
                .phase(PluginPhase.AUTHZ).priority(1000).imagePullPolicy(PullPolicy.IF_NOT_PRESENT)
                .imagePullSecret("regcred").config(json("{\"some_key\": \"some_value\"}"))
                .env(List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME")))
                .matchMode(WorkloadMode.CLIENT_AND_SERVER).allowedIn(List.of("organizations/tse/tenants/tenant1"));
    }

    private static GatewayTarget gateway(String name, Map<String, String> labels) {
        return new GatewayTarget(TargetKind.INGRESS_GATEWAY, "organizations/tse/tenants/tenant1", "payments",
                "payments-gateways", name, "payments-gw", labels);
    }

    /** Labels given out of order, to show they come out sorted. */
    private static GatewayTarget ingress() {
        return gateway("ingress", Map.of("istio", "ingressgateway", "app", "payments-gateway"));
    }

    private static String render(ExtensionDefinition.Builder extension, Attachment attachment) {
        return IstioWasmPlugin.yaml(extension.build(), attachment, ingress());
    }

    @Test
    void aMinimalExtensionWritesUrlPluginNameAndPriorityZero() {
        assertThat(render(minimal(), Attachment.of(FQN))).isEqualTo("""
                ---
                apiVersion: extensions.istio.io/v1alpha1
                kind: WasmPlugin
                metadata:
                  name: %s
                  namespace: payments-gw
                  labels:
                    app.kubernetes.io/managed-by: wasm-console
                  annotations:
                    wasm-console/target: organizations/tse/tenants/tenant1/workspaces/payments/gatewaygroups/payments-gateways/ingressgateways/ingress
                    wasm-console/extension: organizations/tse/extensions/wasm-auth
                spec:
                  selector:
                    matchLabels:
                      app: payments-gateway
                      istio: ingressgateway
                  url: oci://docker.io/example/wasm-auth:1.0
                  pluginName: tse.wasm-auth
                  priority: 0
                """.formatted(NAME));
    }

    @Test
    void aFullExtensionWritesEveryFieldInIstioOrder() {
        assertThat(render(full(), Attachment.of(FQN))).isEqualTo("""
                ---
                apiVersion: extensions.istio.io/v1alpha1
                kind: WasmPlugin
                metadata:
                  name: %s
                  namespace: payments-gw
                  labels:
                    app.kubernetes.io/managed-by: wasm-console
                  annotations:
                    wasm-console/target: organizations/tse/tenants/tenant1/workspaces/payments/gatewaygroups/payments-gateways/ingressgateways/ingress
                    wasm-console/extension: organizations/tse/extensions/wasm-auth
                spec:
                  selector:
                    matchLabels:
                      app: payments-gateway
                      istio: ingressgateway
                  url: oci://docker.io/example/my-wasm-extension:1.0
                  imagePullPolicy: IfNotPresent
                  imagePullSecret: regcred
                  pluginConfig:
                    some_key: some_value
                  pluginName: tse.wasm-auth
                  phase: AUTHZ
                  priority: 1000
                  vmConfig:
                    env:
                    - name: LOG_LEVEL
                      valueFrom: INLINE
                      value: debug
                    - name: POD_NAME
                      valueFrom: HOST
                  match:
                  - mode: CLIENT_AND_SERVER
                """.formatted(NAME));
    }

    @Test
    void theAttachmentsConfigReplacesTheExtensions() {
        Attachment attachment = new Attachment(FQN, json("{\"header\": \"x-tenant\", \"limits\": {\"rps\": 10}}"),
                List.of());
        assertThat(render(full(), attachment)).contains("""
                  pluginConfig:
                    header: x-tenant
                    limits:
                      rps: 10
                  pluginName: tse.wasm-auth
                """).doesNotContain("some_key");
    }

    @Test
    void anEmptyAttachmentConfigReplacesTheExtensionsWithNothing() {
        Attachment attachment = new Attachment(FQN, json("{}"), List.of());
        assertThat(render(full(), attachment)).contains("\n  pluginConfig: {}\n").doesNotContain("some_key");
    }

    @Test
    void theAttachmentsSelectorsReplaceTheExtensionsMatch() {
        Attachment attachment = new Attachment(FQN, null, List.of(
                MatchSelector.of(WorkloadMode.SERVER, 8080, 8443), MatchSelector.of(WorkloadMode.CLIENT)));
        assertThat(render(full(), attachment)).endsWith("""
                      valueFrom: HOST
                  match:
                  - mode: SERVER
                    ports:
                    - number: 8080
                    - number: 8443
                  - mode: CLIENT
                """).contains("\n    some_key: some_value\n");
    }

    @Test
    void withoutLabelsTheSelectorIsOmittedAndThePreviewIsNotReady() {
        GatewayTarget unlabelled = gateway("ingress", Map.of());
        IstioPreview preview = IstioWasmPlugin.preview(IstioKind.WASM_PLUGIN, minimal().build(), Attachment.of(FQN),
                unlabelled);
        assertThat(preview.yaml()).doesNotContain("selector");
        assertThat(preview.ready()).isFalse();
        assertThat(preview.problems()).extracting(Violation::path).containsExactly("spec.selector");
        assertThat(preview.problems().getFirst().message()).contains("every workload of namespace payments-gw");
        assertThat(IstioWasmPlugin.yaml(minimal().build(), Attachment.of(FQN), gateway("ingress", null)))
                .isEqualTo(preview.yaml());
    }

    @Test
    void aSelectorWithoutModeIsWrittenAsClientAndServerWhichIstioReadsForIt() {
        Attachment attachment = new Attachment(FQN, null, List.of(new MatchSelector(null, List.of(8443))));
        assertThat(render(minimal(), attachment)).endsWith("""
                  match:
                  - mode: CLIENT_AND_SERVER
                    ports:
                    - number: 8443
                """);
    }

    @Test
    void aGatewayPluginThatCanNeverMatchIsNotReady() {
        // Istio matches a gateway's listeners as CLIENT (pilot/pkg/model/extensions.go, workloadModeForListenerClass).
        IstioPreview inherited = IstioWasmPlugin.preview(IstioKind.WASM_PLUGIN,
                minimal().matchMode(WorkloadMode.SERVER).build(), Attachment.of(FQN), ingress());
        assertThat(inherited.problems()).extracting(Violation::path).containsExactly("spec.match[0].mode");
        GatewayTarget setting = new GatewayTarget(TargetKind.SECURITY_SETTING, "organizations/tse/tenants/tenant1",
                "payments", "sec", "strict", "payments", Map.of("app", "payments"));
        assertThat(IstioWasmPlugin.preview(IstioKind.WASM_PLUGIN, minimal().matchMode(WorkloadMode.SERVER).build(),
                Attachment.of(FQN), setting).ready()).as("a sidecar's SERVER traffic exists").isTrue();
    }

    @Test
    void everyPreviewOfAValidExtensionPassesIstiosSchemaInBothKinds() {
        for (IstioKind kind : IstioKind.values()) {
            IstioPreview preview = IstioWasmPlugin.preview(kind, full().build(), Attachment.of(FQN), ingress());
            assertThat(preview.problems()).as(kind.kind()).isEmpty();
            assertThat(preview.effectivePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
            assertThat(preview.effectiveModes()).containsExactly("CLIENT_AND_SERVER");
        }
        IstioPreview untagged = IstioWasmPlugin.preview(IstioKind.TRAFFIC_EXTENSION,
                minimal().url("oci://docker.io/example/wasm-auth").build(), Attachment.of(FQN), ingress());
        assertThat(untagged.effectivePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
        assertThat(untagged.pullPolicyReason()).contains("Istio's default");
    }

    @Test
    void aTrafficExtensionCarriesTheWasmFieldsUnderWasm() {
        assertThat(IstioWasmPlugin.preview(IstioKind.TRAFFIC_EXTENSION, full().build(), Attachment.of(FQN), ingress())
                .yaml()).endsWith("""
                spec:
                  selector:
                    matchLabels:
                      app: payments-gateway
                      istio: ingressgateway
                  phase: AUTHZ
                  priority: 1000
                  match:
                  - mode: CLIENT_AND_SERVER
                  wasm:
                    url: oci://docker.io/example/my-wasm-extension:1.0
                    imagePullPolicy: IfNotPresent
                    imagePullSecret: regcred
                    pluginConfig:
                      some_key: some_value
                    pluginName: tse.wasm-auth
                    vmConfig:
                      env:
                      - name: LOG_LEVEL
                        valueFrom: INLINE
                        value: debug
                      - name: POD_NAME
                        valueFrom: HOST
                """).contains("kind: TrafficExtension\n");
    }

    @Test
    void priorityIsAlwaysWrittenNegativeIncluded() {
        assertThat(render(minimal().priority(-5), Attachment.of(FQN))).contains("\n  priority: -5\n");
        assertThat(render(minimal().priority(0), Attachment.of(FQN))).contains("\n  priority: 0\n");
    }

    @Test
    void unspecifiedPhaseAndPolicyAreLeftToIstiosDefaults() {
        String yaml = render(minimal().phase(PluginPhase.UNSPECIFIED_PHASE)
                .imagePullPolicy(PullPolicy.UNSPECIFIED_POLICY).url("oci://docker.io/example/wasm-auth"),
                Attachment.of(FQN));
        assertThat(yaml).doesNotContain("phase", "imagePullPolicy", "UNSPECIFIED");
        assertThat(render(minimal().imagePullPolicy(PullPolicy.ALWAYS).phase(PluginPhase.STATS), Attachment.of(FQN)))
                .contains("\n  imagePullPolicy: Always\n", "\n  phase: STATS\n");
    }

    @Test
    void aHostVariableNeverCarriesAValue() {
        // A HOST variable with a value is refused by the extension's rules; the preview drops it regardless.
        ExtensionDefinition.Builder extension = minimal().env(List.of(
                new EnvVar("POD_NAME", EnvValueSource.HOST, "ignored"),
                new EnvVar("EMPTY", null, null)));
        assertThat(render(extension, Attachment.of(FQN))).endsWith("""
                  priority: 0
                  vmConfig:
                    env:
                    - name: POD_NAME
                      valueFrom: HOST
                    - name: EMPTY
                      valueFrom: INLINE
                """).doesNotContain("ignored");
    }

    @Test
    void theDocumentIsATreeForCallersThatCombineDocuments() {
        ObjectNode doc = IstioWasmPlugin.document(full().build(), Attachment.of(FQN), ingress());
        assertThat(doc.path("spec").path("priority").intValue()).isEqualTo(1000);
        assertThat(doc.path("spec").path("pluginConfig")).isEqualTo(json("{\"some_key\": \"some_value\"}"));
        // The extension's config is copied, not shared: changing the document leaves it alone.
        ((ObjectNode) doc.path("spec").path("pluginConfig")).put("other", 1);
        assertThat(full().build().config()).isEqualTo(json("{\"some_key\": \"some_value\"}"));
    }

    @Test
    void refusesAnAttachmentOfAnotherExtension() {
        assertThatThrownBy(() -> render(minimal(), Attachment.of("organizations/tse/extensions/other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the attachment names organizations/tse/extensions/other, not " + FQN);
    }
}
