package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant page's "Workspaces and gateways": an admin builds a workspace, a gateway group and a
 * gateway in the browser, attaches an extension with its own config and ports, previews the
 * WasmPlugin, edits and detaches it; an extension restricted to another tenant is never offered;
 * an operator of the tenant reads the section (deep link to a gateway) without write actions.
 * Own tenant, extensions and user with unique names, removed afterwards.
 */
class TenantAttachmentsTest extends TopologyBrowserTest {

    static final String OPERATOR_PASSWORD = "operator-password-att";

    @Autowired
    UserService users;

    private final String allowed = "e2e-att-" + suffix + "-auth";
    private final String foreign = "e2e-att-" + suffix + "-other";
    private final String operator = "op-att-" + suffix;
    private TenantInfo created;

    TenantAttachmentsTest() {
        super("e2e-att-");
    }

    @BeforeEach
    void createTenantAndExtensions() {
        asSystem(() -> {
            created = createTenant("Attachments E2E");
            createExtension(extension(allowed, "oci://docker.io/example/att-auth:1.0").displayName("Header auth")
                    .config(JsonMapper.builder().build().readTree("{\"header\":\"x-tenant\",\"strict\":true}")));
            createExtension(extension(foreign, "oci://docker.io/example/att-other:1.0").displayName("Payments only")
                    .allowedIn(List.of("organizations/tse/tenants/payments")));
        });
    }

    /** The operator first; the fixture then removes the topology, the extensions and the tenant. */
    @AfterEach
    void removeOperator() {
        asSystem(() -> {
            if (users.find(operator).isPresent()) {
                users.delete(operator);
            }
        });
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator dialog() {
        return page.locator("vaadin-dialog.topology-dialog[opened]");
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void setEditorText(String selector, String text) {
        page.waitForFunction("s => document.querySelector(s)?.codeMirror", selector);
        page.locator(selector).evaluate("e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(text);
    }

    private void settle() {
        page.waitForFunction("() => document.getAnimations().length === 0");
    }

    private void dark() {
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
    }

    private void light() {
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
    }

    /** Light and dark of what is on screen now. */
    private void screenshots(String name) {
        settle();
        screenshot(name);
        dark();
        settle();
        screenshot(name + "-dark");
        light();
    }

    @Test
    void adminBuildsAGatewayAttachesPreviewsEditsAndDetaches() {
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Workspaces and gateways")))
                .isVisible();
        assertThat(page.getByText("No workspaces yet.", new Page.GetByTextOptions().setExact(false))).isVisible();
        page.locator(".topology-section").scrollIntoViewIfNeeded();
        screenshots("attachments-empty");

        button("New workspace…").click();
        field("Name").fill("Bad Name");
        assertThat(dialog().getByText("is not a DNS label", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();
        field("Name").fill("shop");
        field("Display name").fill("Shop front");
        screenshots("attachments-new-workspace");
        button("Create").click();
        assertThat(page.locator(".workspace-name")).hasText("shop");
        assertThat(page.getByText("No groups in shop yet.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        button("New group…").click();
        assertThat(dialog().locator("vaadin-radio-button[checked]")).hasText("Gateway group");
        field("Name").fill("edge");
        screenshots("attachments-new-group");
        button("Create").click();
        assertThat(page.locator(".group-name")).hasText("edge");

        button("New gateway…").click();
        assertThat(dialog().locator("vaadin-radio-button[checked]")).hasText("Ingress Gateway");
        field("Name").fill("public");
        field("Namespace").fill("shop-gw");
        field("Workload labels").fill("app=shop-ingress, version=v 1");
        button("Create").click();
        assertThat(dialog().getByText("Label version: 'v 1' is not a label value",
                new Locator.GetByTextOptions().setExact(false))).isVisible();
        screenshots("attachments-new-gateway-error");
        field("Workload labels").fill("app=shop-ingress, version=v1");
        button("Create").click();
        Locator card = page.locator(".target-card").filter(new Locator.FilterOptions().setHasText("public"));
        assertThat(card.locator(".target-namespace")).hasText("shop-gw");
        assertThat(card.locator(".target-label")).hasText(new String[] {"app=shop-ingress", "version=v1"});
        assertThat(card.getByText("No extensions attached.", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();

        button("Attach an extension to public").click();
        Locator combo = dialog().locator("vaadin-combo-box.attach-extension input");
        combo.fill("e2e-att-" + suffix);
        Locator options = page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setVisible(true));
        assertThat(options.filter(new Locator.FilterOptions().setHasText(allowed))).isVisible();
        assertThat(options.filter(new Locator.FilterOptions().setHasText("Header auth"))).isVisible();
        assertThat(options.filter(new Locator.FilterOptions().setHasText(foreign))).hasCount(0);
        combo.fill(foreign);
        assertThat(options.filter(new Locator.FilterOptions().setHasText(allowed))).hasCount(0);
        assertThat(options.filter(new Locator.FilterOptions().setHasText(foreign))).hasCount(0);
        combo.fill(allowed);
        options.filter(new Locator.FilterOptions().setHasText(allowed)).click();
        assertThat(dialog().locator(".attach-extension-config .CodeMirror-code")).containsText("header: x-tenant");
        setEditorText(".attach-config", "header: x-shop\nstrict: false");
        button("Add match selector").click();
        dialog().locator(".attach-selector-ports input").fill("8080, 8443");
        screenshots("attachments-attach-dialog");
        button("Attach").click();

        Locator row = card.locator(".attachment-row");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".attachment-extension")).hasText(allowed);
        assertThat(row.locator(".attachment-extension")).hasAttribute("href", "extensions/" + allowed);
        assertThat(row.locator(".attachment-config")).hasText("own config");
        assertThat(row.locator(".attachment-match")).hasText("CLIENT :8080, :8443");
        // Issue #16: the row's actions are labelled, not icon-only.
        for (String word : List.of("Preview", "Edit", "Detach")) {
            assertThat(row.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText(word))).isVisible();
        }
        page.locator(".topology-section").scrollIntoViewIfNeeded();
        screenshots("attachments-tenant-page");
        page.setViewportSize(390, 844); // the attachment row on a phone: one column right of the number
        card.scrollIntoViewIfNeeded();
        screenshots("attachments-tenant-page-phone");
        page.setViewportSize(1440, 900);

        button("Preview " + allowed + " in public").click();
        Locator preview = page.locator("vaadin-dialog.istio-preview-dialog[opened]");
        assertThat(preview).containsText("kind: WasmPlugin");
        assertThat(preview).containsText("namespace: shop-gw");
        assertThat(preview).containsText("x-shop");
        assertThat(preview).containsText("8443");
        screenshots("attachments-preview");
        button("Close").click();

        button("Edit " + allowed + " in public").click();
        assertThat(dialog().locator(".attach-selector-ports input")).hasValue("8080, 8443");
        dialog().locator(".attach-selector-ports input").fill("8080, 70000");
        button("Save").click();
        assertThat(dialog().getByText("Port 2 is 70000; use a port number from 1 to 65535",
                new Locator.GetByTextOptions().setExact(false))).isVisible();
        screenshots("attachments-edit-error");
        dialog().locator(".attach-selector-ports input").fill("9090");
        button("Save").click();
        assertThat(row.locator(".attachment-match")).hasText("CLIENT :9090");

        // What was attached here is on the extension's "Where used", and its link comes back to this gateway.
        row.locator(".attachment-extension").click();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Where used (1)")).click();
        Locator used = page.locator(".where-used-panel");
        assertThat(used).containsText(tenant);
        assertThat(used).containsText("shop");
        assertThat(used).containsText("CLIENT :9090");
        used.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("public")).click();
        assertThat(page.locator(".target-highlight")).containsText("public");

        button("Detach " + allowed + " from public").click();
        Locator confirm = page.locator("vaadin-confirm-dialog.detach-dialog[opened]");
        assertThat(confirm).containsText("Detach " + allowed + " from public?");
        screenshots("attachments-detach-confirm");
        button("Detach").click();
        assertThat(row).hasCount(0);
        assertThat(card.getByText("No extensions attached.", new Locator.GetByTextOptions().setExact(false)))
                .isVisible();

        button("Delete workspace shop").click();
        assertThat(page.locator("vaadin-confirm-dialog.delete-workspace-dialog[opened]"))
                .containsText("with everything in it: 1 group and 1 gateway (no attachments).");
        screenshots("attachments-delete-workspace");
        button("Delete workspace").click();
        assertThat(page.getByText("No workspaces yet.", new Page.GetByTextOptions().setExact(false))).isVisible();
    }

    @Test
    void operatorReadsTheSectionAndFollowsADeepLink() {
        TargetRef ref = target(TargetKind.INGRESS_GATEWAY, "shop", "edge", "public");
        asSystem(() -> {
            createWorkspaceWithGroup("shop", "Shop front", GroupKind.GATEWAY, "edge");
            topology.saveWorkspace(new WorkspaceInfo(tenantFqn, "back-office", null));
            topology.saveGroup(new GroupInfo(tenantFqn, "shop", GroupKind.SECURITY, "policies", "Policies"));
            attachments.save(new TargetDefinition(ref, null, "shop-gw", Map.of("app", "shop-ingress"),
                    List.of(new Attachment(extensionFqn(allowed), null,
                            List.of(MatchSelector.of(WorkloadMode.CLIENT, 8080))))), null);
            attachments.save(new TargetDefinition(target(TargetKind.EGRESS_GATEWAY, "shop", "edge", "outbound"),
                    "Outbound", "shop-egress", Map.of("app", "shop-egress"), List.of()), null);
            attachments.save(new TargetDefinition(target(TargetKind.SECURITY_SETTING, "shop", "policies", "strict"),
                    null, "shop", Map.of("app", "shop"), List.of(Attachment.of(extensionFqn(allowed)))), null);
            users.create(operator, OPERATOR_PASSWORD, Role.TENANT_OPERATOR, Set.of(created.id()));
        });
        signIn(operator, OPERATOR_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();
        page.navigate(url("/tenants/" + tenant + "?target=" + ref.fqn()));
        Locator card = page.locator(".target-card.target-highlight");
        assertThat(card).hasCount(1);
        assertThat(card.locator(".target-name")).hasText("public");
        assertThat(card.locator(".attachment-match")).hasText("CLIENT :8080");
        assertThat(page.locator(".attachment-row")).hasCount(2);
        assertThat(button("Preview " + allowed + " in public")).isVisible();
        for (String write : List.of("New workspace…", "New group…", "New gateway…", "Attach an extension to public",
                "Edit public", "Delete public", "Detach " + allowed + " from public", "Assign extensions…")) {
            assertThat(button(write)).hasCount(0);
        }
        screenshots("attachments-operator");

        button("Preview all WasmPlugins of public").click();
        assertThat(page.locator("vaadin-dialog.istio-preview-dialog[opened]")).containsText("kind: WasmPlugin");
        button("Close").click();

        page.navigate(url("/tenants/payments"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tenant payments was not"
                + " found"))).isVisible();
    }

    @Test
    void aLargeTenantStartsFoldedAndTheDeepLinkUnfoldsItsWorkspace() {
        String attached = extensionFqn(allowed);
        asSystem(() -> {
            for (int w = 0; w < 10; w++) {
                String ws = "ws-" + w;
                topology.saveWorkspace(new WorkspaceInfo(tenantFqn, ws, "Workspace " + w));
                for (int g = 0; g < 3; g++) {
                    topology.saveGroup(new GroupInfo(tenantFqn, ws, GroupKind.GATEWAY, "group-" + g, null));
                    for (int t = 0; t < 5; t++) {
                        attachments.save(new TargetDefinition(target(TargetKind.INGRESS_GATEWAY, ws,
                                "group-" + g, "gw-" + t), null, "ns-" + w, Map.of("app", "gw-" + t),
                                t % 2 == 0 ? List.of(Attachment.of(attached)) : List.of()), null);
                    }
                }
            }
        });
        TargetRef deep = target(TargetKind.INGRESS_GATEWAY, "ws-7", "group-2", "gw-4");
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant + "?target=" + deep.fqn()));
        assertThat(page.locator(".target-card.target-highlight .target-name")).hasText("gw-4");
        assertThat(page.locator(".target-card.target-highlight")).isInViewport();
        assertThat(page.locator(".workspace-block[data-expanded=true] .workspace-name"))
                .hasText(new String[] {"ws-0", "ws-7"});
        assertThat(page.locator(".workspace-block")).hasCount(10);
        assertThat(page.locator(".topology-header .match-count"))
                .hasText("10 workspaces · 30 groups · 150 gateways · 90 attachments");
        screenshots("attachments-large-deep-link");
        button("Collapse all").click();
        assertThat(page.locator(".workspace-block[data-expanded=true]")).hasCount(0);
        page.locator(".topology-section").scrollIntoViewIfNeeded();
        screenshots("attachments-large-folded");
        page.setViewportSize(390, 844); // the outline on a phone: one workspace a row, counts wrapping
        page.locator(".topology-section").scrollIntoViewIfNeeded();
        screenshots("attachments-large-folded-phone");
        button("Expand all").click();
        assertThat(page.locator(".workspace-block[data-expanded=true]")).hasCount(10);
        page.locator(".workspace-block").first().locator(".target-card").first().scrollIntoViewIfNeeded();
        screenshots("attachments-large-expanded-phone");

        // The extension's "Where used" of 90 attachments: counts per tenant and workspace, the first
        // workspace's rows shown, the others read when unfolded (docs/benchmarks.md, item 6).
        page.setViewportSize(1440, 900);
        page.navigate(url("/extensions/" + allowed));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Where used (90)")).click();
        Locator used = page.locator(".where-used-panel");
        assertThat(used.locator(".where-used-summary")).hasText("90 attachments in 1 tenant. Unfold a workspace to"
                + " list its gateways and security settings.");
        assertThat(used.locator(".where-used-tenant-count")).hasText("90 attachments in 10 workspaces");
        assertThat(used.locator(".where-used-workspace")).hasCount(10);
        assertThat(used.locator(".where-used-workspace[data-expanded=true]")).hasCount(1);
        assertThat(used.locator("tr.where-used-row")).hasCount(9);
        Locator seventh = used.locator(".where-used-workspace[data-workspace=ws-7]");
        assertThat(seventh.locator(".where-used-count")).hasText("9 attachments");
        screenshots("where-used-large");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Show the attachments in workspace ws-7 of " + tenant)).click();
        assertThat(seventh.locator("tr.where-used-row")).hasCount(9);
        assertThat(seventh.locator("tr.where-used-row").first()).containsText("group-0");
        page.setViewportSize(390, 844);
        seventh.scrollIntoViewIfNeeded();
        screenshots("where-used-large-phone");
    }
}
