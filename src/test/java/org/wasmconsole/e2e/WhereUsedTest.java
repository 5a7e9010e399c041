package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extension side of attachments: "Where used" with the Istio preview, the delete and narrowing
 * guards, an operator's scoped view, and what a tenant delete takes with it. Attachments are set up
 * through the services in unique workspaces, deleted after each test with the extensions.
 */
class WhereUsedTest extends ExtensionBrowserTest {

    static final String TENANT1 = "organizations/tse/tenants/tenant1";
    static final String PAYMENTS = "organizations/tse/tenants/payments";

    @Autowired
    AttachmentService attachments;
    @Autowired
    TopologyService topology;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;

    private final List<String[]> workspaces = new ArrayList<>();
    private final List<String> createdTenants = new ArrayList<>();

    @AfterEach
    void deleteWorkspacesAndTenants() {
        asSystem(() -> {
            createdTenants.forEach(t -> tenants.find(ORG, t).ifPresent(found -> tenants.delete(ORG, t)));
            workspaces.stream().filter(w -> !createdTenants.contains(w[0].substring(w[0].lastIndexOf('/') + 1)))
                    .forEach(w -> topology.findWorkspace(w[0], w[1])
                            .ifPresent(found -> topology.deleteWorkspace(w[0], w[1])));
        });
    }

    ExtensionDefinition.Builder extension(String name) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0");
    }

    /** A new workspace with one gateway group in the tenant; returns the workspace name. */
    String workspace(String tenantFqn, String prefix) {
        String name = unique(prefix);
        workspaces.add(new String[] {tenantFqn, name});
        asSystem(() -> {
            topology.saveWorkspace(new WorkspaceInfo(tenantFqn, name, null));
            topology.saveGroup(new GroupInfo(tenantFqn, name, GroupKind.GATEWAY, "edge-gateways", null));
        });
        return name;
    }

    TargetRef gateway(String tenantFqn, String workspace, TargetKind kind, String name, String namespace,
                      Map<String, String> labels, Attachment... attached) {
        TargetRef ref = new TargetRef(kind, tenantFqn, workspace, "edge-gateways", name);
        asSystem(() -> attachments.save(new TargetDefinition(ref, null, namespace, labels, List.of(attached)), null));
        return ref;
    }

    static Attachment own(String fqn) {
        return new Attachment(fqn, JsonMapper.builder().build().readTree("{\"header\":\"x-tenant\"}"),
                List.of(MatchSelector.of(WorkloadMode.CLIENT, 8080, 8443)));
    }

    void open(String name) {
        page.navigate(url("/extensions/" + name));
    }

    Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    void dark() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
    }

    void settle() {
        page.waitForFunction("() => !document.querySelector('[opening]') && document.getAnimations().length === 0");
    }

    @Test
    void whereUsedListsEveryAttachmentByTenantAndWorkspaceWithItsIstioPreview() {
        String name = unique("wu-list");
        String fqn = create(extension(name).build()).fqn();
        String wsA = workspace(TENANT1, "wu-a");
        String wsB = workspace(PAYMENTS, "wu-b");
        TargetRef ingress = gateway(TENANT1, wsA, TargetKind.INGRESS_GATEWAY, "ingress-a", "edge",
                Map.of("app", "gateway", "istio", "ingressgateway"), own(fqn));
        gateway(PAYMENTS, wsB, TargetKind.EGRESS_GATEWAY, "egress-b", "payments-egress", Map.of("app", "egress-b"),
                Attachment.of(fqn));

        signInAsAdmin();
        open(name);
        tab("Where used (2)").click();
        Locator panel = page.locator(".where-used-panel");
        assertThat(panel.locator(".where-used-summary")).hasText("2 attachments in 2 tenants.");
        assertThat(panel.locator(".where-used-tenant-title")).hasText(new String[] {"Tenantpayments", "Tenanttenant1"});
        Locator first = panel.locator("tr[data-target='" + ingress.fqn() + "']");
        assertThat(first).containsText("ingress-a");
        assertThat(first).containsText("Ingress Gateway");
        assertThat(first).containsText("edge-gateways");
        assertThat(first).containsText("app=gateway");
        assertThat(first).containsText("Own config");
        assertThat(first).containsText("CLIENT :8080, :8443");
        assertThat(first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ingress-a")))
                .hasAttribute("href", "tenants/tenant1?target=" + URLEncoder.encode(ingress.fqn(), StandardCharsets.UTF_8));
        Locator second = panel.locator("tr.where-used-row").filter(new Locator.FilterOptions().setHasText("egress-b"));
        assertThat(second).containsText("Extension's config");
        assertThat(second).containsText("Extension's match");
        assertThat(second).containsText("app=egress-b");
        settle();
        screenshotWhole("where-used", ".extension-details-view");

        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Istio preview of " + name + " in ingress-a"))
                .click();
        Locator dialog = page.locator("vaadin-dialog.istio-preview-dialog");
        Locator yaml = dialog.locator(".yaml-block");
        page.waitForFunction("() => document.querySelector('.istio-preview-dialog .yaml-block')?.value");
        String text = (String) yaml.evaluate("e => e.value");
        assertThat(text).contains("kind: WasmPlugin").contains("namespace: edge").contains("header: x-tenant");
        settle();
        screenshot("where-used-preview");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

        dark();
        page.reload();
        tab("Where used (2)").click();
        assertThat(page.locator(".where-used-panel tr.where-used-row")).hasCount(2);
        settle();
        screenshotWhole("where-used-dark", ".extension-details-view");
        page.locator("tr[data-target='" + ingress.fqn() + "']").getByRole(AriaRole.BUTTON).click();
        page.waitForFunction("() => document.querySelector('.istio-preview-dialog .yaml-block')?.value");
        settle();
        screenshot("where-used-preview-dark");
    }

    @Test
    void notAttachedShowsWhereToAttachIt() {
        String name = unique("wu-none");
        create(extension(name).build());
        signInAsAdmin();
        open(name);
        tab("Where used").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not attached anywhere")))
                .isVisible();
        assertThat(page.locator(".where-used-empty")).containsText("Tenants \u2192 <tenant> \u2192 Workspaces and gateways");
        settle();
        screenshot("where-used-empty");
        dark();
        settle();
        screenshot("where-used-empty-dark");
    }

    @Test
    void deletingAnAttachedExtensionListsThePlacesAndDetachesEverywhere() {
        String name = unique("wu-del");
        String fqn = create(extension(name).build()).fqn();
        String ws = workspace(TENANT1, "wu-del");
        TargetRef ingress = gateway(TENANT1, ws, TargetKind.INGRESS_GATEWAY, "ingress-del", "edge", Map.of("app", "ingress-del"),
                Attachment.of(fqn));
        TargetRef tier1 = gateway(TENANT1, ws, TargetKind.TIER1_GATEWAY, "tier1-del", "t1", Map.of("app", "t1"),
                Attachment.of(fqn), Attachment.of("organizations/tse/extensions/wasm-http"));

        signInAsAdmin();
        open(name);
        button("Delete " + name).click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText(name + " is attached in 2 places:");
        assertThat(dialog.locator(".usage-list li")).hasCount(2);
        assertThat(dialog).containsText("ingress-del");
        assertThat(dialog).containsText("tier1-del");
        assertThat(dialog).containsText("tenant1 / " + ws + " / edge-gateways");
        settle();
        screenshot("where-used-delete-in-use");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        assertThat(asSystem(() -> extensions.find(ORG, name))).isPresent();

        dark();
        button("Delete " + name).click();
        settle();
        screenshot("where-used-delete-in-use-dark");
        page.getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Detach everywhere and delete")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByText("Detached and deleted " + name)).isVisible();
        assertThat(asSystem(() -> extensions.find(ORG, name))).isEmpty();
        assertThat(asSystem(() -> attachments.get(ingress).definition().attachments())).isEmpty();
        assertThat(asSystem(() -> attachments.get(tier1).definition().attachments()))
                .extracting(Attachment::fqn).containsExactly("organizations/tse/extensions/wasm-http");
    }

    @Test
    void bulkDeleteInTheCatalogueListsThePlacesOfEachExtension() {
        String prefix = unique("wu-bulk");
        String a = prefix + "-a";
        String b = prefix + "-b";
        String fqnA = create(extension(a).build()).fqn();
        create(extension(b).build());
        String ws = workspace(PAYMENTS, "wu-bulk");
        TargetRef egress = gateway(PAYMENTS, ws, TargetKind.EGRESS_GATEWAY, "egress-bulk", "pay", Map.of("app", "egress-bulk"),
                Attachment.of(fqnA));

        signInAsAdmin();
        page.navigate(url("/?q=" + prefix));
        assertThat(page.locator(".match-count")).hasText("2 extensions");
        Locator boxes = page.locator("vaadin-grid.extension-grid vaadin-checkbox")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(boxes).hasCount(2);
        boxes.nth(0).click();
        boxes.nth(1).click();
        button("Delete 2").click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText(a + " is attached in 1 place:");
        assertThat(dialog.locator(".usage-list")).containsText(a + " in Egress Gateway egress-bulk");
        settle();
        screenshot("where-used-bulk-delete");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Detach everywhere and delete 2"))
                .click();
        assertThat(page.getByText("Detached and deleted 2 extensions")).isVisible();
        assertThat(asSystem(() -> extensions.find(ORG, a))).isEmpty();
        assertThat(asSystem(() -> extensions.find(ORG, b))).isEmpty();
        assertThat(asSystem(() -> attachments.get(egress).definition().attachments())).isEmpty();
    }

    @Test
    void narrowingAllowedInShowsTheAttachmentsItWouldLeaveAndDetachesOnlyWhenAsked() {
        String name = unique("wu-narrow");
        String fqn = create(extension(name).allowedIn(List.of(TENANT1, PAYMENTS)).build()).fqn();
        String ws = workspace(PAYMENTS, "wu-narrow");
        TargetRef egress = gateway(PAYMENTS, ws, TargetKind.EGRESS_GATEWAY, "egress-narrow", "pay", Map.of("app", "egress-narrow"),
                Attachment.of(fqn));

        signInAsAdmin();
        page.navigate(url("/extensions/" + name + "/edit"));
        Locator chip = page.locator("vaadin-multi-select-combo-box-chip").filter(
                new Locator.FilterOptions().setHasText("payments"));
        assertThat(chip).isVisible();
        chip.locator("[part='remove-button']").click();
        assertThat(chip).hasCount(0);
        button("Save").click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText("Detach " + name + " where it is no longer allowed?");
        assertThat(dialog).containsText("The new allowed tenants leave out payments, where " + name
                + " is attached in 1 place:");
        assertThat(dialog).containsText("egress-narrow");
        assertThat(dialog).containsText("payments / " + ws + " / edge-gateways");
        settle();
        screenshot("where-used-narrowing");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        assertThat(page).hasURL(url("/extensions/" + name + "/edit"));
        assertThat(asSystem(() -> extensions.get(ORG, name).definition().allowedIn()))
                .containsExactlyInAnyOrder(TENANT1, PAYMENTS);
        assertThat(asSystem(() -> attachments.get(egress).definition().attachments())).hasSize(1);

        dark();
        button("Save").click();
        settle();
        screenshot("where-used-narrowing-dark");
        page.getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Detach and save")).click();
        assertThat(page).hasURL(url("/extensions/" + name));
        assertThat(asSystem(() -> extensions.get(ORG, name).definition().allowedIn())).containsExactly(TENANT1);
        assertThat(asSystem(() -> attachments.get(egress).definition().attachments())).isEmpty();
    }

    @Test
    void anOperatorSeesOnlyTheAttachmentsInTheirTenants() {
        String name = unique("wu-op");
        String fqn = create(extension(name).build()).fqn();
        gateway(TENANT1, workspace(TENANT1, "wu-op1"), TargetKind.INGRESS_GATEWAY, "ingress-hidden", "edge",
                Map.of("app", "shared"), Attachment.of(fqn));
        gateway(PAYMENTS, workspace(PAYMENTS, "wu-op2"), TargetKind.INGRESS_GATEWAY, "ingress-mine", "pay",
                Map.of("app", "pay"), own(fqn));
        String operator = unique("wu-operator");
        asSystem(() -> {
            TenantInfo payments = tenants.find(ORG, "payments").orElseThrow();
            users.create(operator, "operator-password", Role.TENANT_OPERATOR, Set.of(payments.id()));
        });

        signIn(operator, "operator-password");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();
        open(name);
        tab("Where used (1)").click();
        Locator panel = page.locator(".where-used-panel");
        assertThat(panel.locator(".where-used-summary")).hasText("1 attachment in 1 tenant. Only your tenants are shown.");
        assertThat(panel).containsText("ingress-mine");
        assertThat(panel).not().containsText("ingress-hidden");
        assertThat(panel).not().containsText("tenant1");
        settle();
        screenshotWhole("where-used-operator", ".extension-details-view");
        panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Istio preview of " + name
                + " in ingress-mine")).click();
        page.waitForFunction("() => document.querySelector('.istio-preview-dialog .yaml-block')?.value");
        assertThat((String) page.locator(".istio-preview-dialog .yaml-block").evaluate("e => e.value"))
                .contains("kind: WasmPlugin").contains("namespace: pay");
        page.keyboard().press("Escape");
        // The link leads to their own tenant's page (read-only), to that gateway.
        panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ingress-mine")).click();
        assertThat(page.locator(".target-highlight")).containsText("ingress-mine");
    }

    @Test
    void deletingATenantSaysWhichWorkspacesGatewaysAndAttachmentsGoWithIt() {
        String tenant = unique("wu-tenant");
        createdTenants.add(tenant);
        String tenantFqn = "organizations/tse/tenants/" + tenant;
        asSystem(() -> tenants.create(ORG, tenant, null));
        String ws = workspace(tenantFqn, "wu-t");
        gateway(tenantFqn, ws, TargetKind.INGRESS_GATEWAY, "ingress-t", "edge", Map.of("app", "ingress-t"),
                Attachment.of("organizations/tse/extensions/wasm-http"));
        gateway(tenantFqn, ws, TargetKind.EGRESS_GATEWAY, "egress-t", "edge", Map.of("app", "egress-t"));

        signInAsAdmin();
        page.navigate(url("/tenants"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + tenant).setExact(true)).click();
        Locator confirm = page.locator("vaadin-confirm-dialog.tenant-delete-dialog");
        assertThat(page.locator(".tenant-delete-contents"))
                .hasText("Its 1 workspace, 2 gateways and 1 attachment are deleted with it.");
        settle();
        screenshot("where-used-tenant-delete");
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        settle();
        screenshot("where-used-tenant-delete-dark");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete tenant").setExact(true)).click();
        assertThat(page.getByText("Deleted tenant " + tenant)).isVisible();
        assertThat(asSystem(() -> tenants.find(ORG, tenant))).isEmpty();
        assertThat(confirm).isHidden();
    }
}
