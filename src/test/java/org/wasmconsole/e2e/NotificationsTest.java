package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One notification helper for all screens (base.ui.Notify): a success at the bottom, a hint in the
 * middle, the same on the details page and the Import screen, light and dark, desktop and phone.
 */
class NotificationsTest extends ExtensionBrowserTest {

    Locator card(String text) {
        return page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text));
    }

    /** The theme set once the page has loaded (it applies the stored one on load), and the card slid in. */
    void settle(String theme) {
        page.evaluate("t => t === 'dark' ? document.documentElement.setAttribute('theme', 'dark')"
                + " : document.documentElement.removeAttribute('theme')", theme);
        page.waitForFunction("() => document.getAnimations().length === 0");
    }

    @Test
    void aSuccessAndAHintLookTheSameOnEveryScreen() {
        String name = unique("notify");
        create(org.wasmconsole.extension.ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").build());
        signInAsAdmin();
        for (int[] size : List.of(new int[] {1440, 900}, new int[] {390, 844})) {
            for (String theme : List.of("light", "dark")) {
                String suffix = (size[0] > 500 ? "desktop" : "phone") + "-" + theme;
                page.setViewportSize(size[0], size[1]);
                page.navigate(url("/extensions/" + name));
                button("Copy FQN").click();
                assertThat(card("Copied the FQN")).isVisible();
                settle(theme);
                screenshot("notify-success-" + suffix);

                page.navigate(url("/import"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check").setExact(true)).click();
                assertThat(card("Paste or upload the documents to check")).isVisible();
                settle(theme);
                screenshot("notify-hint-" + suffix);
            }
        }
    }
}
