package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.WorkloadMode;

/**
 * The Istio preview dialog (#17): whether a preview is ready to apply (Istio's own schema and
 * rules), the pull policy in effect and the traffic matched, WasmPlugin or TrafficExtension, and a
 * whole workspace as one stream. Screenshots light and dark, desktop and phone.
 */
class IstioPreviewTest extends TopologyBrowserTest {

    private final String auth = "e2e-istio-" + suffix + "-auth";
    private final String logger = "e2e-istio-" + suffix + "-log";
    private final String serverOnly = "e2e-istio-" + suffix + "-srv";

    IstioPreviewTest() {
        super("e2e-istio-");
    }

    @BeforeEach
    void tenantWithAGatewayAndTwoAttachments() {
        asSystem(() -> {
            createTenant("Istio preview E2E");
            createExtension(extension(auth, "oci://docker.io/example/istio-auth"));
            createExtension(extension(logger, "oci://docker.io/example/istio-log:latest"));
            createExtension(extension(serverOnly, "oci://docker.io/example/istio-srv:1.0")
                    .matchMode(WorkloadMode.SERVER));
            createWorkspaceWithGroup("shop", null, GroupKind.GATEWAY, "edge");
            attachments.save(new TargetDefinition(gateway(), null, "shop-gw", Map.of("app", "shop-ingress"), List.of(
                    new Attachment(extensionFqn(auth), null, List.of(new MatchSelector(null, List.of(8443)))),
                    Attachment.of(extensionFqn(logger)))), null);
        });
    }

    private TargetRef gateway() {
        return target(TargetKind.INGRESS_GATEWAY, "shop", "edge", "public");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator dialog() {
        return page.locator("vaadin-dialog.istio-preview-dialog[opened]");
    }

    private String yaml() {
        page.waitForFunction("() => document.querySelector('.istio-preview-dialog .yaml-block')?.value");
        return (String) dialog().locator(".yaml-block").evaluate("e => e.value");
    }

    private void settle() {
        page.waitForFunction("() => !document.querySelector('[opening]') && document.getAnimations().length === 0");
    }

    /** Light and dark, desktop 1440x900 and phone 390x844, of the dialog as it is now. */
    private void screenshots(String name) {
        for (boolean phone : new boolean[] {false, true}) {
            page.setViewportSize(phone ? 390 : 1440, phone ? 844 : 900);
            for (boolean dark : new boolean[] {false, true}) {
                page.evaluate(dark ? "() => document.documentElement.setAttribute('theme', 'dark')"
                        : "() => document.documentElement.removeAttribute('theme')");
                settle();
                screenshot(name + (phone ? "-phone" : "") + (dark ? "-dark" : ""));
            }
        }
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
        page.setViewportSize(1440, 900);
    }

    @Test
    void aPreviewSaysItIsReadyShowsWhatIsInEffectAndSwitchesToTrafficExtension() {
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant));
        button("Preview " + auth + " in public").click();
        assertThat(dialog().locator(".istio-status.ready"))
                .hasText("Ready to apply: passes Istio's WasmPlugin schema, CEL rules included.");
        // Istio's Wasm cache: an untagged OCI image without a policy is IfNotPresent; the omitted mode is CLIENT_AND_SERVER.
        assertThat(dialog().locator(".istio-in-effect"))
                .containsText("pull policy in effect IfNotPresent (Istio's default)");
        assertThat(dialog().locator(".istio-in-effect")).containsText("traffic CLIENT_AND_SERVER on 8443");
        assertThat(yaml()).contains("kind: WasmPlugin", "name: igw-public-" + auth + "-", "mode: CLIENT_AND_SERVER");
        screenshots("istio-preview");

        dialog().getByText("TrafficExtension (Istio 1.30+)").click();
        assertThat(dialog().locator(".istio-status.ready"))
                .hasText("Ready to apply: passes Istio's TrafficExtension schema, CEL rules included.");
        page.waitForFunction("() => document.querySelector('.istio-preview-dialog .yaml-block')?.value"
                + ".includes('kind: TrafficExtension')");
        assertThat(yaml()).contains("  wasm:\n    url: oci://docker.io/example/istio-auth\n");
        screenshots("istio-preview-traffic-extension");
        button("Close").click();
    }

    @Test
    void aPreviewIstioWouldMisreadSaysWhichRuleAndWhy() {
        StoredExtension stored = asSystem(() -> extensions.get(ORG, logger));
        asSystem(() -> extensions.update(stored.definition().toBuilder().matchMode(WorkloadMode.SERVER).build(),
                stored.etag()));
        signInAsAdmin();
        page.navigate(url("/tenants/" + tenant));
        button("Istio output of workspace shop").click();
        Locator status = dialog().locator(".istio-status.not-ready");
        assertThat(status).containsText("Not ready to apply");
        assertThat(status).containsText("spec.match[0].mode: is SERVER, which never matches the traffic of a gateway");
        assertThat(dialog().locator(".istio-in-effect li")).hasCount(2);
        assertThat(dialog().locator(".istio-in-effect")).containsText("pull policy in effect Always (Istio's default"
                + " for an image tagged latest)");
        assertThat(yaml().split("(?m)^---$")).hasSize(3);
        screenshots("istio-preview-not-ready");
        button("Close").click();

        // Attaching an extension whose own mode is SERVER to a gateway asks for a selector of its own.
        button("Attach an extension to public").click();
        Locator attach = page.locator("vaadin-dialog.topology-dialog[opened]");
        attach.locator("vaadin-combo-box.attach-extension input").fill(serverOnly);
        page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText(serverOnly)).click();
        assertThat(attach.locator(".attach-match")).containsText("Required here: " + serverOnly
                + "'s own match is server traffic, which a gateway never has.");
        button("Attach").click();
        assertThat(attach.locator(".topology-dialog-error"))
                .containsText("spec.extension[2].match: is not given, so the extension's own match mode SERVER");
        button("Cancel").click();
    }
}
