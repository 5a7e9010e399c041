package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.extension.PluginPhase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tenant page shows the tenant's and its workspaces' default security settings with their
 * extensions; an admin attaches one to a workspace default there, and a security setting's filter chain
 * then says which rows come from a default.
 */
class DefaultSettingsBrowserTest extends TopologyBrowserTest {

    @Autowired
    DefaultSettingService settings;

    private final List<String> names = List.of("dflt-" + suffix + "-audit", "dflt-" + suffix + "-authz");

    DefaultSettingsBrowserTest() {
        super("e2e-defaults-");
    }

    /** Before the fixture removes the tenant: its settings hold its extensions. */
    @AfterEach
    void removeSettings() {
        asSystem(() -> {
            if (tenants.find(ORG, tenant).isPresent()) {
                settings.list(SettingRef.tenant(ORG, tenant, "-")).forEach(s -> settings.delete(s.ref(), null));
            }
        });
    }

    @Test
    void theTenantPageShowsDefaultSettingsAndAnAdminAttachesToAWorkspaceDefault() {
        TargetRef setting = target(TargetKind.SECURITY_SETTING, "shop", "sec", "strict");
        asSystem(() -> {
            createTenant("Defaults E2E");
            createExtension(extension(names.get(0), "oci://docker.io/example/audit:1.0").phase(PluginPhase.STATS));
            createExtension(extension(names.get(1), "oci://docker.io/example/authz:1.0").phase(PluginPhase.AUTHZ));
            createWorkspaceWithGroup("shop", "Shop front", GroupKind.SECURITY, "sec");
            attachments.save(new TargetDefinition(setting, null, "shop", Map.of("app", "shop"),
                    List.of(Attachment.of(extensionFqn(names.get(1))))), null);
            ObjectNode stricter = (ObjectNode) JsonMapper.builder().build().readTree("""
                    {"defaultSecuritySetting": {"propagationStrategy": "STRICTER",
                      "authenticationSettings": {"trafficMode": "REQUIRED"}}}""");
            settings.save(new DefaultSettingDefinition(SettingRef.tenant(ORG, tenant, "tenant-defaults"),
                    "Tenant defaults", true, List.of(), null, stricter), null);
        });
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant));
        Locator section = page.locator(".default-settings");
        assertThat(section).containsText("Default security settings");
        Locator tenantBlock = section.locator("[data-owner='" + tenantFqn + "']");
        assertThat(tenantBlock).containsText("Tenant defaults");
        assertThat(tenantBlock).containsText("STRICTER");
        Locator workspaceBlock = section.locator("[data-owner='" + tenantFqn + "/workspaces/shop']");
        assertThat(workspaceBlock).containsText("No WorkspaceSetting here");

        // The admin attaches the audit extension to the tenant default (STRICTER: it reaches the security setting).
        tenantBlock.getByText("Attach extension…").click();
        Locator dialog = page.locator("vaadin-dialog.default-setting-dialog[opened]");
        dialog.locator("vaadin-combo-box input").fill(names.get(0));
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setVisible(true).setHasText(names.get(0))).click();
        dialog.getByText("Attach", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(tenantBlock.locator(".default-attachment")).containsText(names.get(0));

        // The security setting's filter chain now has a row from the tenant default.
        page.navigate(url("/tenants/" + tenant + "?target=" + setting.fqn()));
        Locator card = page.locator(".target-card.target-highlight");
        card.locator(".filter-chain-details vaadin-details-summary").click();
        assertThat(card.locator(".chain-source")).containsText(new String[] {"from this Security Setting",
                "from tenant default"});
        section.scrollIntoViewIfNeeded();
        lightAndDark("default-settings");
        page.setViewportSize(390, 844);
        section.scrollIntoViewIfNeeded();
        lightAndDark("default-settings-phone");

        // "Where used" of the extension names the tenant default.
        page.setViewportSize(1440, 900);
        page.navigate(url("/extensions/" + names.get(0)));
        page.getByRole(com.microsoft.playwright.options.AriaRole.TAB,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Where used (1)")).click();
        Locator used = page.locator(".where-used-panel .where-used-default");
        assertThat(used).hasCount(1);
        assertThat(used).containsText(tenantFqn + "/settings/tenant-defaults");
        assertThat(used).containsText("TenantSetting");
        lightAndDark("default-settings-where-used");
    }
}
