package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;

/** The path a new admin walks first: sign in, land on the catalogue, find an extension. */
class SignInAndCatalogueTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;

    @Test
    void anonymousVisitorIsSentToTheSignInPage() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(page.getByText("Wasm Extension Console")).isVisible();
        screenshot("login");
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        signIn("admin", "not-the-password");
        assertThat(page.getByText("Wrong user name or password")).isVisible();
        assertThat(page).hasURL(url("/login?error"));
        screenshot("login-error");
    }

    @Test
    void adminSeesTheSampleCatalogueInTheProxyOrder() {
        signInAsAdmin();
        Locator grid = page.locator("vaadin-grid.extension-grid");
        assertThat(grid.getByText("wasm-auth", new Locator.GetByTextOptions().setExact(true))).isVisible();
        long stored = asSystem(() -> extensions.count(ExtensionFilter.all("tse")));
        assertThat(stored).isGreaterThanOrEqualTo(15);
        assertThat(page.locator(".match-count")).hasText(stored + " extensions");
        screenshot("catalogue");
    }

    @Test
    void searchNarrowsTheCatalogueInTheDatabase() {
        signInAsAdmin();
        page.getByLabel("Search extensions").fill("coraza");
        assertThat(page.locator(".match-count")).hasText("1 extension");
        assertThat(page.locator("vaadin-grid.extension-grid .extension-name")
                .filter(new Locator.FilterOptions().setVisible(true))).hasText("coraza-waf");

        page.getByLabel("Search extensions").fill("no-such-extension-anywhere");
        assertThat(page.getByText("No extensions match")).isVisible();
        screenshot("catalogue-empty");
    }

    @Test
    void signOutEndsTheSession() {
        signInAsAdmin();
        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(url("/login"));
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
    }
}
