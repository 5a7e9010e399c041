package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.PluginPhase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway's card explains what runs there: the filter chain in the proxy's order with ties flagged,
 * and the TSB fields the console keeps as they are, read-only.
 */
class FilterChainBrowserTest extends TopologyBrowserTest {

    private final List<String> names = List.of("chain-" + suffix + "-stats", "chain-" + suffix + "-b",
            "chain-" + suffix + "-a", "chain-" + suffix + "-authn");

    FilterChainBrowserTest() {
        super("e2e-chain-");
    }

    private void extension(String name, PluginPhase phase, int priority) {
        createExtension(extension(name, "oci://docker.io/example/" + name + ":1.0").phase(phase).priority(priority));
    }

    @Test
    void theCardListsTheFilterChainInTheProxysOrderFlagsTiesAndShowsTheKeptTsbFields() {
        TargetRef ref = target(TargetKind.INGRESS_GATEWAY, "shop", "edge", "public");
        asSystem(() -> {
            createTenant("Filter chain E2E");
            extension(names.get(0), PluginPhase.STATS, 0);
            extension(names.get(1), PluginPhase.AUTHZ, 10);
            extension(names.get(2), PluginPhase.AUTHZ, 10);
            extension(names.get(3), PluginPhase.AUTHN, -5);
            createWorkspaceWithGroup("shop", "Shop front", GroupKind.GATEWAY, "edge");
            ObjectNode kept = (ObjectNode) JsonMapper.builder().build().readTree("""
                    {"http": [{"name": "shop", "port": 443, "hostname": "shop.example.com",
                               "tls": {"mode": "SIMPLE", "secretName": "shop-certs"}}],
                     "waf": {"rules": ["Include @recommended-conf"]}}""");
            attachments.save(new TargetDefinition(ref, "Shop ingress", "shop-gw", Map.of("app", "shop-ingress"),
                    names.stream().map(n -> Attachment.of(extensionFqn(n))).toList(),
                    ObjectMeta.of(Map.of("env", "prod"), Map.of("tetrate.io/owner", "shop-team")), kept), null);
        });
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant + "?target=" + ref.fqn()));
        Locator card = page.locator(".target-card.target-highlight");
        assertThat(card).hasCount(1);

        card.locator(".filter-chain-details vaadin-details-summary").click();
        Locator rows = card.locator(".chain-row .chain-extension");
        assertThat(rows).hasText(new String[] {names.get(3), names.get(2), names.get(1), names.get(0)});
        assertThat(card.locator(".chain-tie")).hasCount(2);
        assertThat(card.locator(".filter-chain-tie-warning")).containsText(names.get(2));

        card.locator(".kept-details vaadin-details-summary").click();
        assertThat(card.locator(".kept-details vaadin-details-summary")).containsText("http, waf");
        assertThat(card.locator(".kept-yaml")).containsText("secretName: shop-certs");
        assertThat(card.locator(".kept-yaml")).containsText("env: prod");
        card.scrollIntoViewIfNeeded();
        lightAndDark("filter-chain");

        page.setViewportSize(390, 844);
        card.locator(".filter-chain-details").scrollIntoViewIfNeeded();
        lightAndDark("filter-chain-phone");
    }
}
