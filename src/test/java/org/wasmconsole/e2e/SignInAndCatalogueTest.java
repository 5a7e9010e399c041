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

    /** Issue #16: a wrong password keeps the user name typed, and the password field has the focus. */
    @Test
    void aWrongPasswordKeepsTheUserName() {
        signIn("admin", "not-the-password");
        assertThat(page.getByText("Wrong user name or password")).isVisible();
        assertThat(page.getByLabel("User name")).hasValue("admin");
        assertThat(page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))).isFocused();
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(org.wasmconsole.ConsoleTest.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();
    }

    /** Issue #16: after signing in, the address is the page asked for, without "?continue". */
    @Test
    void signingInLandsOnThePageAskedForWithAPlainAddress() {
        page.navigate(url("/tenants"));
        assertThat(page).hasURL(url("/login"));
        signIn("admin", org.wasmconsole.ConsoleTest.ADMIN_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tenants"))).isVisible();
        assertThat(page).hasURL(url("/tenants"));
    }

    /** Issue #16: every page, the sign-in page included, has a favicon that loads (no 404). */
    @Test
    void everyPageHasAFavicon() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("favicon") && r.status() >= 400) {
                missing.add(r.url() + " " + r.status());
            }
        });
        page.navigate(url("/login"));
        String href = (String) page.locator("link[rel='icon']").evaluate("l => l.href");
        var icon = page.request().get(href);
        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.headers().get("content-type")).startsWith("image/svg+xml");
        signInAsAdmin();
        assertThat(page.locator("link[rel='icon']")).hasCount(1);
        assertThat(missing).isEmpty();
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
