package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.wasmconsole.artifact.TestRegistry;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The Module tab against a real registry: check a tag, see its digest and ABI, see the tag move after a
 * re-push, pin it in one click; a module the proxy cannot load shows why. Screenshots light and dark,
 * desktop and phone.
 */
class ModuleTabTest extends ExtensionBrowserTest {

    private final TestRegistry registry = TestRegistry.anonymous();

    private void openModuleTab(String name) {
        page.navigate(url("/extensions/" + name));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Module")).click();
    }

    private Locator field(String term) {
        return page.locator(".module-panel .details-field[data-field='" + term + "'] dd");
    }

    @Test
    void checkSeeTheTagMoveAndPinItInOneClick() {
        String name = unique("mod-journey");
        String repository = "e2e/" + name;
        String tagUrl = "oci://" + registry.address + "/" + repository + ":1.0";
        String first = registry.pushWasmArtifact(repository, "1.0", TestRegistry.module("filter.wasm"));
        create(ExtensionDefinition.builder().organization(ORG).name(name).url(tagUrl).build());
        signInAsAdmin();

        openModuleTab(name);
        assertThat(page.locator(".module-status")).hasText("Not checked yet");
        button("Check now").click();
        assertThat(page.locator(".module-status")).hasText("Loads as a proxy-wasm filter");
        assertThat(field("Digest")).containsText(first);
        assertThat(field("ABI version")).containsText("proxy-wasm 0.2.1");
        assertThat(field("Exports")).containsText("proxy_on_request_headers");
        assertThat(field("Host imports")).containsText("env.proxy_log");
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-ok", ".extension-details-view");

        String second = registry.pushDockerImage(repository, "1.0", "plugin.wasm",
                TestRegistry.module("filter-v2.wasm"));
        button("Check now").click();
        assertThat(page.locator(".module-tag-moved")).containsText("Tag moved since");
        assertThat(field("Digest")).containsText(second);
        assertThat(field("First seen")).containsText(first);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-tag-moved", ".extension-details-view");

        // The catalogue's "Tag moved" filter lists it (and lives in the url).
        page.navigate(url("/?moved=true"));
        assertThat(page.locator(".tag-moved-filter input")).isChecked();
        assertThat(page.getByText(name, new Page.GetByTextOptions().setExact(true))).isVisible();
        screenshot("catalogue-tag-moved");
        openModuleTab(name);

        button("Pin to digest").click();
        Locator dialog = page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").last();
        assertThat(page.locator(".module-pin-url")).hasText(tagUrl + "@" + second);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("module-pin-dialog");
        button("Pin").click();
        assertThat(field("Pinned from")).containsText(tagUrl);
        assertThat(field("Url")).containsText(tagUrl + "@" + second);
        assertThat(button("Pin to digest")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(asSystem(() -> extensions.get(ORG, name)).definition().url())
                .isEqualTo(tagUrl + "@" + second);
        assertThat(dialog).isHidden();
    }

    @Test
    void aModuleTheProxyCannotLoadIsFlaggedWithItsReasonsInLightDarkAndOnAPhone() {
        String name = unique("mod-invalid");
        String repository = "e2e/" + name;
        registry.pushWasmArtifact(repository, "2", TestRegistry.module("not-proxy-wasm.wasm"));
        create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://" + registry.address + "/" + repository + ":2").build());
        signInAsAdmin();

        openModuleTab(name);
        button("Check now").click();
        assertThat(page.locator(".module-status")).hasText("Cannot load as a proxy-wasm filter");
        assertThat(page.locator(".module-problems .problem-error").first()).isVisible();
        assertThat(page.locator(".module-problems")).containsText("exports no proxy_abi_version_* function");
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-invalid", ".extension-details-view");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-invalid-dark", ".extension-details-view");

        page.setViewportSize(390, 844);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-invalid-dark-phone", ".extension-details-view");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the light theme")).click();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshotWhole("module-invalid-phone", ".extension-details-view");
        assertThat(page.locator(".module-problems")).isVisible();
    }

    @Test
    void theCataloguePinsTheSelectedExtensions() {
        String prefix = unique("mod-bulk");
        String repository = "e2e/" + prefix;
        String digest = registry.pushWasmArtifact(repository, "1", TestRegistry.module("filter.wasm"));
        create(ExtensionDefinition.builder().organization(ORG).name(prefix + "-a")
                .url("oci://" + registry.address + "/" + repository + ":1").build());
        create(ExtensionDefinition.builder().organization(ORG).name(prefix + "-b")
                .url("oci://" + registry.address + "/" + repository + ":1").build());
        signInAsAdmin();
        page.navigate(url("/?q=" + prefix));
        assertThat(page.locator(".match-count")).hasText("2 extensions");
        Locator boxes = page.locator("vaadin-grid.extension-grid vaadin-checkbox")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(boxes).hasCount(2);
        boxes.nth(0).click();
        boxes.nth(1).click();

        button("Pin 2").click();
        assertThat(page.getByText("Pin 2 extensions to their digests?")).isVisible();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("catalogue-bulk-pin-dialog");
        page.locator("vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Pin 2")).click();

        assertThat(page.getByText("Pinned 2 extensions.")).isVisible();
        for (String n : new String[] {prefix + "-a", prefix + "-b"}) {
            org.assertj.core.api.Assertions.assertThat(asSystem(() -> extensions.get(ORG, n)).definition().url())
                    .endsWith(":1@" + digest);
        }
    }

    @Test
    void theEditorChecksATypedUrlBeforeAnythingIsSaved() {
        String repository = "e2e/" + unique("mod-form");
        String digest = registry.pushWasmArtifact(repository, "3.1", TestRegistry.module("filter.wasm"));
        signInAsAdmin();
        page.navigate(url("/extensions/new"));
        Locator urlField = page.getByLabel("URL", new Page.GetByLabelOptions().setExact(true));
        urlField.fill("oci://" + registry.address + "/" + repository + ":3.1");
        button("Check module").click();

        assertThat(page.locator(".url-check .module-status")).hasText("Loads as a proxy-wasm filter");
        assertThat(page.locator(".url-check-digest")).hasText(digest);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("editor-url-check");

        urlField.fill("oci://" + registry.address + "/" + repository + ":no-such-tag");
        button("Check module").click();
        assertThat(page.locator(".url-check .module-status")).hasText("Could not be fetched");
        assertThat(page.locator(".url-check-result .problem-error")).containsText("HTTP 404");
    }
}
