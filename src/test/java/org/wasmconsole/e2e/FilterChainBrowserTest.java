package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway's card explains what runs there: the filter chain in the proxy's order with ties flagged,
 * and the TSB fields the console keeps as they are, read-only.
 */
@ConsoleTest
class FilterChainBrowserTest extends BrowserTest {

    static final String ORG = "tse";

    @Autowired
    TenantService tenants;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String tenant = "e2e-chain-" + suffix;
    private final String tenantFqn = "organizations/" + ORG + "/tenants/" + tenant;
    private final List<String> names = List.of("chain-" + suffix + "-stats", "chain-" + suffix + "-b",
            "chain-" + suffix + "-a", "chain-" + suffix + "-authn");

    @AfterEach
    void cleanUp() {
        asSystem(() -> {
            topology.workspaces(tenantFqn).forEach(w -> topology.deleteWorkspace(tenantFqn, w.name()));
            extensions.deleteAll(ORG, names.stream().filter(n -> extensions.find(ORG, n).isPresent()).toList());
            if (tenants.find(ORG, tenant).isPresent()) {
                tenants.delete(ORG, tenant);
            }
        });
    }

    private void extension(String name, PluginPhase phase, int priority) {
        extensions.create(ExtensionDefinition.builder().organization(ORG).name(name).url("oci://docker.io/example/"
                + name + ":1.0").phase(phase).priority(priority).allowedIn(List.of(tenantFqn)).build());
    }

    private void screenshots(String name) {
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot(name);
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        screenshot(name + "-dark");
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
    }

    @Test
    void theCardListsTheFilterChainInTheProxysOrderFlagsTiesAndShowsTheKeptTsbFields() {
        TargetRef ref = new TargetRef(TargetKind.INGRESS_GATEWAY, tenantFqn, "shop", "edge", "public");
        asSystem(() -> {
            tenants.create(ORG, tenant, "Filter chain E2E");
            extension(names.get(0), PluginPhase.STATS, 0);
            extension(names.get(1), PluginPhase.AUTHZ, 10);
            extension(names.get(2), PluginPhase.AUTHZ, 10);
            extension(names.get(3), PluginPhase.AUTHN, -5);
            topology.saveWorkspace(new WorkspaceInfo(tenantFqn, "shop", "Shop front"));
            topology.saveGroup(new GroupInfo(tenantFqn, "shop", GroupKind.GATEWAY, "edge", null));
            ObjectNode kept = (ObjectNode) JsonMapper.builder().build().readTree("""
                    {"http": [{"name": "shop", "port": 443, "hostname": "shop.example.com",
                               "tls": {"mode": "SIMPLE", "secretName": "shop-certs"}}],
                     "waf": {"rules": ["Include @recommended-conf"]}}""");
            attachments.save(new TargetDefinition(ref, "Shop ingress", "shop-gw", Map.of("app", "shop-ingress"),
                    names.stream().map(n -> Attachment.of("organizations/" + ORG + "/extensions/" + n)).toList(),
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
        screenshots("filter-chain");

        page.setViewportSize(390, 844);
        card.locator(".filter-chain-details").scrollIntoViewIfNeeded();
        screenshots("filter-chain-phone");
    }
}
