package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wasmconsole.base.Names;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The generated names of the Istio preview: one per attachment in a namespace, readable,
 * deterministic, always a DNS-1123 label of at most 63 characters.
 */
class WasmPluginNamesTest {

    private static final String TENANT = "organizations/tse/tenants/payments";

    private static GatewayTarget target(TargetKind kind, String tenant, String workspace, String group, String name) {
        return new GatewayTarget(kind, tenant, workspace, group, name, "payments", Map.of("app", "gw"));
    }

    private static GatewayTarget target(TargetKind kind, String name) {
        return target(kind, TENANT, "ws", "group", name);
    }

    private static ExtensionDefinition extension(String organization, String name) {
        return ExtensionDefinition.builder().organization(organization).name(name).url("https://example.com/a.wasm")
                .build();
    }

    private static String name(GatewayTarget target, String extension) {
        return WasmPluginNames.resourceName(target, extension("tse", extension));
    }

    @Test
    void theThreeAttachmentsThatCollidedAsGatewayDashExtensionGetThreeNames() {
        String ingressRateLimiter = name(target(TargetKind.INGRESS_GATEWAY, "payments-ingress"), "rate-limiter");
        String settingRateLimiter = name(target(TargetKind.SECURITY_SETTING, "payments-ingress"), "rate-limiter");
        String paymentsIngressRateLimiter = name(target(TargetKind.INGRESS_GATEWAY, "payments"),
                "ingress-rate-limiter");
        assertThat(List.of(ingressRateLimiter, settingRateLimiter, paymentsIngressRateLimiter)).doesNotHaveDuplicates();
        assertThat(ingressRateLimiter).matches("igw-payments-ingress-rate-limiter-[0-9a-f]{10}");
        assertThat(settingRateLimiter).matches("sec-payments-ingress-rate-limiter-[0-9a-f]{10}");
        assertThat(paymentsIngressRateLimiter).matches("igw-payments-ingress-rate-limiter-[0-9a-f]{10}");
    }

    @Test
    void gatewaysOfTheSameNameInDifferentGroupsOrTenantsSharingANamespaceGetDifferentNames() {
        String a = name(target(TargetKind.INGRESS_GATEWAY, TENANT, "ws", "group-a", "ingress"), "wasm-auth");
        String b = name(target(TargetKind.INGRESS_GATEWAY, TENANT, "ws", "group-b", "ingress"), "wasm-auth");
        String c = name(target(TargetKind.INGRESS_GATEWAY, "organizations/tse/tenants/other", "ws", "group-a",
                "ingress"), "wasm-auth");
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
    }

    @Test
    void theSameExtensionNameInAnotherOrganizationGetsAnotherName() {
        GatewayTarget t = target(TargetKind.TIER1_GATEWAY, "tier1");
        assertThat(WasmPluginNames.resourceName(t, extension("tse", "wasm-auth")))
                .isNotEqualTo(WasmPluginNames.resourceName(t, extension("acme", "wasm-auth")));
    }

    @Test
    void aNameIsTheSameOnEveryRender() {
        GatewayTarget t = target(TargetKind.EGRESS_GATEWAY, "egress");
        assertThat(name(t, "wasm-auth")).isEqualTo(name(target(TargetKind.EGRESS_GATEWAY, "egress"), "wasm-auth"))
                .isEqualTo("egw-egress-wasm-auth-" + WasmPluginNames.id(t, extension("tse", "wasm-auth")));
    }

    @Test
    void charactersALabelDoesNotAllowBecomeDashes() {
        assertThat(name(target(TargetKind.TIER1_GATEWAY, "Tier1_GW.eu"), "wasm-auth"))
                .startsWith("t1gw-tier1-gw-eu-wasm-auth-");
    }

    @Test
    void aLongReadablePartIsCutAndTheIdStays() {
        String gateway = "ingress-gateway-for-the-payments-team-in-europe-west";
        String first = name(target(TargetKind.INGRESS_GATEWAY, gateway), "wasm-authentication-filter");
        String second = name(target(TargetKind.INGRESS_GATEWAY, gateway), "wasm-authentication-filter-v2");
        assertThat(first).hasSizeLessThanOrEqualTo(63)
                .matches("igw-ingress-gateway-for-the-payments-team-in-europe-[0-9a-f]{10}");
        assertThat(first).isNotEqualTo(second);
        assertThat(Names.checkDnsLabel(first)).isEmpty();
        // A cut that ends in '-' drops it rather than writing "--".
        String cut = name(target(TargetKind.INGRESS_GATEWAY, "a".repeat(47)), "b".repeat(20));
        assertThat(cut).matches("igw-a{47}-[0-9a-f]{10}");
    }

    /**
     * The property: over thousands of generated attachments in one namespace, with names made of
     * few letters and many dashes so that concatenations often read the same, no two distinct
     * attachments share a name, and every name is a DNS label of at most 63 characters.
     */
    @Test
    void noTwoDistinctAttachmentsInANamespaceShareAName() {
        Random random = new Random(17);
        Map<String, String> identityByName = new HashMap<>();
        List<String[]> fixed = List.of(
                new String[]{"INGRESS_GATEWAY", "payments-ingress", "rate-limiter"},
                new String[]{"SECURITY_SETTING", "payments-ingress", "rate-limiter"},
                new String[]{"INGRESS_GATEWAY", "payments", "ingress-rate-limiter"});
        Stream<String[]> generated = Stream.generate(() -> new String[]{
                TargetKind.values()[random.nextInt(TargetKind.values().length)].name(),
                label(random), label(random)}).limit(20_000);
        Stream.concat(fixed.stream(), generated).forEach(a -> {
            TargetKind kind = TargetKind.valueOf(a[0]);
            String tenant = "organizations/tse/tenants/t" + random.nextInt(3);
            String group = "g" + random.nextInt(3);
            GatewayTarget t = target(kind, tenant, "ws", group, a[1]);
            ExtensionDefinition e = extension(random.nextInt(5) == 0 ? "acme" : "tse", a[2]);
            String identity = String.join("|", a[0], tenant, group, a[1], e.fqn());
            String name = WasmPluginNames.resourceName(t, e);
            assertThat(name.length()).isLessThanOrEqualTo(63);
            assertThat(Names.checkDnsLabel(name)).as(name).isEmpty();
            String earlier = identityByName.putIfAbsent(name, identity);
            assertThat(earlier == null || earlier.equals(identity)).as(name + " for " + identity + " and " + earlier)
                    .isTrue();
        });
        assertThat(identityByName).hasSizeGreaterThan(10_000);
    }

    /** A DNS label from 'a', 'b' and many '-': short ones repeat, so identities repeat too. */
    private static String label(Random random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 6 : 70);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append("ab-".charAt(random.nextInt(3)));
        }
        String text = s.toString().replaceAll("^-+|-+$", "");
        return text.isEmpty() ? "a" : text.substring(0, Math.min(63, text.length())).replaceAll("-+$", "");
    }

    @Test
    void thePluginNameIsOrganizationDotExtension() {
        assertThat(WasmPluginNames.pluginName(extension("tse", "wasm-auth"))).isEqualTo("tse.wasm-auth");
    }
}
