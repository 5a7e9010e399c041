package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Default security settings against the real database (H2, and PostgreSQL with -Dtest.postgres.url):
 * TSB's propagation into a security setting's filter chain, the allowedIn rule per level, the guards
 * when an extension is deleted or narrowed, and that settings go with their workspace and tenant.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultSettingServiceTest {

    static final String ORG = "default-settings-test";
    static final String TENANT = "organizations/" + ORG + "/tenants/blue";

    @Autowired
    DefaultSettingService settings;
    @Autowired
    AttachmentService attachments;
    @Autowired
    FilterChainService chains;
    @Autowired
    TopologyService topology;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            tenants.create(ORG, "blue", null);
            tenants.create(ORG, "gone", null);
            for (String name : List.of("open-a", "open-b", "open-c")) {
                extensions.create(extension(name, List.of(), PluginPhase.STATS));
            }
            extensions.create(extension("blue-only", List.of(TENANT), PluginPhase.AUTHN));
            topology.saveWorkspace(new WorkspaceInfo(TENANT, "ws", null));
            topology.saveGroup(new GroupInfo(TENANT, "ws", GroupKind.SECURITY, "sec", null));
            attachments.save(new TargetDefinition(SECURITY, null, "ns", Map.of("app", "x"),
                    List.of(Attachment.of(fqn("blue-only")))), null);
        });
    }

    static final TargetRef SECURITY = new TargetRef(TargetKind.SECURITY_SETTING, TENANT, "ws", "sec", "strict");

    static ExtensionDefinition extension(String name, List<String> allowedIn, PluginPhase phase) {
        return ExtensionDefinition.builder().organization(ORG).name(name).url("oci://docker.io/example/" + name + ":1")
                .phase(phase).allowedIn(allowedIn).build();
    }

    static String fqn(String name) {
        return "organizations/" + ORG + "/extensions/" + name;
    }

    static ObjectNode strategy(String strategy) {
        return (ObjectNode) JsonMapper.builder().build().readTree(
                "{\"defaultSecuritySetting\": {\"propagationStrategy\": \"" + strategy + "\"}}");
    }

    static DefaultSettingDefinition setting(SettingRef ref, String strategy, String... attached) {
        return new DefaultSettingDefinition(ref, null, true, java.util.Arrays.stream(attached)
                .map(n -> Attachment.of(fqn(n))).toList(), null, strategy(strategy));
    }

    String etag(String name) {
        return extensions.get(ORG, name).etag();
    }

    @Test
    void aSecuritySettingReplacesTheDefaultsAboveItUnlessTheyAreStricterAsInTsb() {
        asSystem(() -> {
            SettingRef org = SettingRef.organization(ORG, "org");
            SettingRef tenant = SettingRef.tenant(ORG, "blue", "tenant");
            settings.save(setting(org, "REPLACE", "open-a"), null);
            settings.save(setting(tenant, "STRICTER", "open-b"), null);
            // REPLACE above: the organization default does not reach the security setting; STRICTER stays.
            assertThat(chains.of(SECURITY).rows()).extracting(FilterChain.Row::extensionName, FilterChain.Row::source)
                    .containsExactlyInAnyOrder(tuple("blue-only", "this Security Setting"),
                            tuple("open-b", "tenant default"));
            // The tenant default's own chain replaces the organization's (REPLACE there).
            assertThat(chains.of(tenant).rows()).extracting(FilterChain.Row::extensionName).containsExactly("open-b");
            // A workspace default adds to the STRICTER tenant default.
            SettingRef workspace = SettingRef.workspace(ORG, "blue", "ws", "ws");
            settings.save(setting(workspace, "REPLACE", "open-c"), null);
            assertThat(chains.of(workspace).rows()).extracting(FilterChain.Row::source)
                    .containsExactlyInAnyOrder("tenant default", "workspace default");
            assertThat(attachments.previews(SECURITY, IstioKind.WASM_PLUGIN)).hasSize(2);
            settings.delete(workspace, null);
            settings.delete(tenant, null);
            settings.delete(org, null);
        });
    }

    @Test
    void theOrganizationLevelTakesOnlyExtensionsOpenToAllTenantsAndTheGuardsKnowIt() {
        asSystem(() -> {
            SettingRef org = SettingRef.organization(ORG, "guarded");
            assertThatThrownBy(() -> settings.save(setting(org, "REPLACE", "blue-only"), null))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("spec.defaultSecuritySetting.extension[0].fqn");
            settings.save(setting(org, "REPLACE", "open-a"), null);
            assertThat(settings.whereUsed(fqn("open-a"))).extracting(u -> u.ref().fqn())
                    .containsExactly("organizations/" + ORG + "/settings/guarded");
            ExtensionDefinition narrowed = extension("open-a", List.of(TENANT), PluginPhase.STATS);
            assertThatThrownBy(() -> extensions.update(narrowed, etag("open-a"), InUse.REFUSE))
                    .isInstanceOf(ExtensionInUseException.class).hasMessageContaining("settings/guarded");
            extensions.update(narrowed, etag("open-a"), InUse.DETACH);
            assertThat(settings.get(org).definition().attachments()).isEmpty();
            extensions.update(extension("open-a", List.of(), PluginPhase.STATS), etag("open-a"), InUse.REFUSE);
            settings.delete(org, null);
        });
    }

    @Test
    void settingsGoWithTheirWorkspaceAndTenant() {
        asSystem(() -> {
            String gone = "organizations/" + ORG + "/tenants/gone";
            topology.saveWorkspace(new WorkspaceInfo(gone, "w", null));
            settings.save(setting(SettingRef.workspace(ORG, "gone", "w", "default"), "REPLACE", "open-c"), null);
            settings.save(setting(SettingRef.tenant(ORG, "gone", "default"), "REPLACE", "open-c"), null);
            topology.deleteWorkspace(gone, "w");
            assertThat(settings.reaching(gone)).extracting(s -> s.ref().fqn()).containsExactly(gone + "/settings/default");
            tenants.delete(ORG, "gone");
            assertThat(settings.whereUsed(fqn("open-c"))).isEmpty();
        });
    }
}
