package org.wasmconsole.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import tools.jackson.databind.json.JsonMapper;

/** Workspace, Group, gateway and SecuritySetting documents: read, written back, and their shape problems. */
class TargetDocumentsTest {

    static final String TENANT = "organizations/tse/tenants/t1";

    /** 14 lines; the extension item starts on line 10, its match on line 12. */
    static final String GATEWAY = """
            apiVersion: gateway.tsb.tetrate.io/v2
            kind: IngressGateway
            metadata: {organization: tse, tenant: t1, workspace: w1, group: g1, name: ingress}
            spec:
              displayName: Public ingress
              workloadSelector:
                namespace: payments
                labels: {app: ingress}
              extension:
              - fqn: organizations/tse/extensions/wasm-auth
                config: {header: x-tenant}
                match:
                - mode: CLIENT
                  ports: [{number: 8080}, {number: 8443}]
            """;

    static List<SourceDocument> documents(String yaml) {
        return new YamlTreeReader(YamlLimits.DEFAULT).read(yaml);
    }

    static ParsedResource one(String yaml) {
        return ResourceStream.read(documents(yaml).getFirst());
    }

    static List<DocumentProblem> problems(String yaml) {
        ParsedResource r = one(yaml);
        assertThat(r).as("an invalid document").isInstanceOf(InvalidDocument.class);
        return ((InvalidDocument) r).problems();
    }

    static DocumentProblem problemAt(String yaml, String path) {
        List<DocumentProblem> problems = problems(yaml);
        return problems.stream().filter(p -> p.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + path + " in " + problems));
    }

    @Test
    void aGatewayDocumentIsReadAsTheDefinitionItSpells() {
        ParsedTarget parsed = (ParsedTarget) one(GATEWAY);
        TargetDefinition d = parsed.definition();
        assertThat(d.ref()).isEqualTo(new TargetRef(TargetKind.INGRESS_GATEWAY, TENANT, "w1", "g1", "ingress"));
        assertThat(d.displayName()).isEqualTo("Public ingress");
        assertThat(d.namespace()).isEqualTo("payments");
        assertThat(d.labels()).isEqualTo(Map.of("app", "ingress"));
        Attachment a = d.attachments().getFirst();
        assertThat(a.fqn()).isEqualTo("organizations/tse/extensions/wasm-auth");
        assertThat(a.config().get("header").asString()).isEqualTo("x-tenant");
        assertThat(a.match()).containsExactly(MatchSelector.of(WorkloadMode.CLIENT, 8080, 8443));
        assertThat(parsed.fqn()).isEqualTo(TENANT + "/workspaces/w1/gatewaygroups/g1/ingressgateways/ingress");
        assertThat(parsed.etag()).isNull();
    }

    @Test
    void aWrittenTargetReadsBackTheSameWithItsEtag() {
        TargetDefinition d = new TargetDefinition(new TargetRef(TargetKind.SECURITY_SETTING, TENANT, "w1", "s1",
                "defaults"), null, "payments", Map.of("app", "api", "tier", "back"), List.of(
                Attachment.of("organizations/tse/extensions/a"),
                new Attachment("organizations/tse/extensions/b", JsonMapper.builder().build().readTree("{\"x\": [1, 2]}"),
                        List.of(MatchSelector.of(WorkloadMode.SERVER), MatchSelector.of(WorkloadMode.CLIENT, 80)))));
        String yaml = ExtensionYaml.toYaml(TargetDocuments.write(d, "\"abc123\""));
        assertThat(yaml).contains("apiVersion: security.tsb.tetrate.io/v2", "kind: SecuritySetting", "group: s1",
                "- number: 80", "etag: '\"abc123\"'", "fqn: " + d.fqn());

        ParsedTarget back = (ParsedTarget) one(yaml);
        assertThat(back.definition()).isEqualTo(d);
        assertThat(back.etag()).isEqualTo("\"abc123\"");
    }

    @Test
    void workspaceAndGroupDocumentsReadAndWriteBack() {
        ParsedWorkspace w = (ParsedWorkspace) one("""
                apiVersion: api.tsb.tetrate.io/v2
                kind: Workspace
                metadata: {organization: tse, tenant: t1, name: w1}
                spec: {displayName: Payments, namespaceSelector: {names: ['*/payments']}}
                """);
        assertThat(w.workspace().fqn()).isEqualTo(TENANT + "/workspaces/w1");
        assertThat(w.workspace().displayName()).isEqualTo("Payments");
        assertThat(w.warnings()).singleElement().asString().contains("spec.namespaceSelector");
        assertThat(((ParsedWorkspace) one(ExtensionYaml.toYaml(WorkspaceDocuments.write(w.workspace()))))
                .workspace()).isEqualTo(w.workspace());

        ParsedGroup g = (ParsedGroup) one("""
                apiVersion: security.tsb.tetrate.io/v2
                kind: Group
                metadata: {organization: tse, tenant: t1, workspace: w1, name: s1}
                """);
        assertThat(g.group().kind()).isEqualTo(GroupKind.SECURITY);
        assertThat(g.fqn()).isEqualTo(TENANT + "/workspaces/w1/securitygroups/s1");
        assertThat(((ParsedGroup) one(ExtensionYaml.toYaml(GroupDocuments.write(g.group())))).group())
                .isEqualTo(g.group());
    }

    @Test
    void portsMustBeNumberItemsAsInTsb() {
        DocumentProblem p = problemAt(GATEWAY.replace("[{number: 8080}, {number: 8443}]", "[8080]"),
                "spec.extension[0].match[0].ports[0]");
        assertThat(p.line()).isEqualTo(14);
        assertThat(p.message()).contains("{number: <port>}", "not 8080");
    }

    @Test
    void wrongTypesAreShapeProblemsAtTheirPathAndLine() {
        DocumentProblem matchMapping = problemAt(GATEWAY.replace("""
                    match:
                    - mode: CLIENT
                      ports: [{number: 8080}, {number: 8443}]
                """, "    match: {}\n"), "spec.extension[0].match");
        assertThat(matchMapping.line()).isEqualTo(12);
        assertThat(matchMapping.message()).contains("must be a list");

        assertThat(problemAt(GATEWAY.replace("mode: CLIENT", "mode: UNDEFINED"), "spec.extension[0].match[0].mode")
                .message()).contains("'UNDEFINED' is not one of CLIENT, SERVER, CLIENT_AND_SERVER");
        assertThat(problemAt(GATEWAY.replace("{number: 8443}", "{number: high}"),
                "spec.extension[0].match[0].ports[1].number").line()).isEqualTo(14);
        assertThat(problemAt(GATEWAY.replace("config: {header", "conf: {header"), "spec.extension[0].conf").line())
                .isEqualTo(11);
        assertThat(problemAt(GATEWAY.replace("{app: ingress}", "{version: 2}"), "spec.workloadSelector.labels.version")
                .message()).contains("quote it");
        assertThat(problemAt(GATEWAY.replace("  - fqn: organizations/tse/extensions/wasm-auth\n",
                "  - organizations/tse/extensions/wasm-auth\n  - fqn: x\n"), "spec.extension[0]").line()).isEqualTo(10);
        assertThat(problemAt(GATEWAY.replace("workloadSelector:\n    namespace: payments\n    labels: {app: ingress}\n",
                "workloadSelector: payments\n"), "spec.workloadSelector").line()).isEqualTo(6);
    }

    @Test
    void kindsApiVersionsAndNamesAreChecked() {
        assertThat(problemAt(GATEWAY.replace("gateway.tsb.tetrate.io/v2", "security.tsb.tetrate.io/v2"), "apiVersion")
                .message()).contains("write apiVersion: gateway.tsb.tetrate.io/v2");
        assertThat(problemAt(GATEWAY.replace("group: g1, ", ""), "metadata.group").message()).contains("is required");
        assertThat(problemAt(GATEWAY.replace("  displayName:", "  fqn: organizations/tse/x\n  displayName:"),
                "spec.fqn").line()).isEqualTo(5);
        assertThat(problemAt("apiVersion: gateway.tsb.tetrate.io/v3\nkind: Group\nmetadata: {name: g}\n",
                "apiVersion").message()).contains("gateway.tsb.tetrate.io/v2", "security.tsb.tetrate.io/v2");
        DocumentProblem unknown = problemAt("apiVersion: gateway.tsb.tetrate.io/v2\nkind: VirtualService\n", "kind");
        assertThat(unknown.message()).contains("cannot be applied here", "IngressGateway", "SecuritySetting",
                "Workspace", "Group", "WasmExtension", "Tenant");
    }

    @Test
    void theApiPathFillsWhatTheDocumentLeavesOut() {
        ParsedTarget parsed = TargetDocuments.read(documents("""
                apiVersion: gateway.tsb.tetrate.io/v2
                kind: Tier1Gateway
                metadata: {name: t1gw}
                spec: {workloadSelector: {namespace: edge}}
                """).getFirst(), new DocumentScope("tse", "t1", "w1", "g1", null));
        assertThat(parsed.fqn()).isEqualTo(TENANT + "/workspaces/w1/gatewaygroups/g1/tier1gateways/t1gw");
        assertThat(parsed.definition().attachments()).isEmpty();
    }
}
