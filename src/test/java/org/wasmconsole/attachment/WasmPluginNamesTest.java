package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.Names;
import org.wasmconsole.extension.ExtensionDefinition;

/** The generated names of the Istio preview: readable, deterministic, always a DNS-1123 label. */
class WasmPluginNamesTest {

    private static GatewayTarget gateway(String name) {
        return new GatewayTarget(TargetKind.TIER1_GATEWAY, "organizations/tse/tenants/tenant1", "ws", "group",
                name, "tier1", Map.of());
    }

    private static ExtensionDefinition extension(String organization, String name) {
        return ExtensionDefinition.builder().organization(organization).name(name).url("https://example.com/a.wasm")
                .build();
    }

    private static String name(String gateway, String extension) {
        return WasmPluginNames.resourceName(gateway(gateway), extension("tse", extension));
    }

    @Test
    void aShortNameIsGatewayDashExtension() {
        assertThat(name("tier1", "wasm-auth")).isEqualTo("tier1-wasm-auth");
    }

    @Test
    void charactersALabelDoesNotAllowBecomeDashes() {
        assertThat(name("Tier1_GW.eu", "wasm-auth")).isEqualTo("tier1-gw-eu-wasm-auth");
        assertThat(name("_gw_", "wasm-auth")).isEqualTo("gw-wasm-auth");
    }

    @Test
    void aNameOf63CharactersIsKept() {
        String gateway = "g".repeat(53);
        assertThat(name(gateway, "wasm-auth")).isEqualTo(gateway + "-wasm-auth").hasSize(63);
    }

    @Test
    void aLongerNameIsCutAndEndsWithAHashOfTheFullNames() {
        String gateway = "ingress-gateway-for-the-payments-team-in-europe-west";
        String first = name(gateway, "wasm-authentication-filter");
        String second = name(gateway, "wasm-authentication-filter-v2");
        assertThat(first).isEqualTo("ingress-gateway-for-the-payments-team-in-europe-west-w-7e251bdb").hasSize(63);
        assertThat(second).isEqualTo("ingress-gateway-for-the-payments-team-in-europe-west-w-001e9e2d");
        assertThat(Names.checkDnsLabel(first)).isEmpty();
        assertThat(name(gateway, "wasm-authentication-filter")).as("deterministic").isEqualTo(first);
    }

    @Test
    void aCutThatEndsInADashDropsIt() {
        String cut = name("a".repeat(53), "b".repeat(20));
        assertThat(cut).isEqualTo("a".repeat(53) + "-44f88cf3").hasSize(62);
        assertThat(Names.checkDnsLabel(cut)).isEmpty();
    }

    @Test
    void thePluginNameIsOrganizationDotExtension() {
        assertThat(WasmPluginNames.pluginName(extension("tse", "wasm-auth"))).isEqualTo("tse.wasm-auth");
    }
}
