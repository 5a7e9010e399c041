package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The screens issue #16 changed, each in light and dark, at 1440x900 and at 390x844 (a phone), saved
 * under target/screenshots/first-hour/ to be looked at. At phone width no screen may be wider than
 * the window (nothing to scroll sideways to reach a button).
 */
class FirstHourScreensTest extends ExtensionBrowserTest {

    private record Size(String name, int width, int height) {
    }

    private static final List<Size> SIZES = List.of(new Size("desktop", 1440, 900), new Size("phone", 390, 844));

    /** Opens a screen in each size and theme; {@code open} navigates and waits for what matters. */
    private void shoot(String screen, Consumer<Page> open) {
        for (Size size : SIZES) {
            for (String theme : List.of("light", "dark")) {
                page.setViewportSize(size.width(), size.height());
                open.accept(page);
                page.evaluate("t => document.documentElement.setAttribute('theme', t === 'dark' ? 'dark' : '')",
                        theme);
                page.waitForFunction("() => document.getAnimations().length === 0");
                screenshot("first-hour/" + screen + "-" + size.name() + "-" + theme);
                if (size.width() < 500) {
                    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                    org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                            .as(screen + " is wider than a phone").isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void theChangedScreens() {
        String name = unique("shots");
        create(ExtensionDefinition.builder().organization(ORG).name(name).url("oci://docker.io/example/shots:1.0")
                .description("# Shots\n\nFor the screenshots.\n").build());
        page.navigate(url("/login?error"));
        shoot("login", p -> {
            p.navigate(url("/login?error"));
            assertThat(p.getByText("Wrong user name or password")).isVisible();
        });
        signInAsAdmin();
        shoot("catalogue", p -> {
            p.navigate(url("/"));
            assertThat(p.locator("vaadin-grid.extension-grid .extension-name").first()).isVisible();
        });
        shoot("editor-create", p -> {
            p.navigate(url("/extensions/new"));
            p.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).fill("abc");
            assertThat(p.getByText("Not current")).isVisible();
        });
        shoot("editor-review", p -> {
            p.navigate(url("/extensions/" + name + "/edit"));
            p.getByLabel("Display name", new Page.GetByLabelOptions().setExact(true)).fill("Shots");
            button("Review changes").click();
            assertThat(p.locator(".change-review-dialog .diff-panel, vaadin-dialog-overlay .diff-panel").first())
                    .isVisible();
        });
        shoot("import-every-problem", p -> {
            p.navigate(url("/import"));
            p.waitForFunction("() => document.querySelector('yaml-editor.import-editor')?.codeMirror");
            p.locator("yaml-editor.import-editor").evaluate(
                    "e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
            p.keyboard().insertText("apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata:\n"
                    + "  organization: tse\n  name: Bad_Name\nspec:\n  url: ftp://example.com/x.wasm\n  priority: abc\n");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
            assertThat(p.locator(".apply-problem")).hasCount(3);
        });
        shoot("users-add", p -> {
            p.navigate(url("/users"));
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add user")).click();
            Locator add = p.locator("vaadin-dialog.user-dialog").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Add user"));
            assertThat(p.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add user"))).isVisible();
            add.click();
            assertThat(p.locator("[slot='error-message']").filter(new Locator.FilterOptions()
                    .setHasText("needs at least one tenant"))).isVisible();
        });
        shoot("tenant", p -> {
            p.navigate(url("/tenants/payments"));
            assertThat(p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unassign"))).isVisible();
        });
        shoot("history", p -> {
            p.navigate(url("/history"));
            assertThat(p.getByText("Show sign-ins")).isVisible();
        });
    }
}
