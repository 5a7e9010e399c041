package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;

/**
 * An admin adds a tenant operator through the users screen; the operator signs in and sees the
 * catalogue; once disabled, the operator's open session ends and they cannot sign in again.
 * Creates one user with a unique name; never changes {@code admin}.
 */
class UserManagementTest extends BrowserTest {

    static final String PASSWORD = "operator-password-users-e2e";

    @Autowired
    UserService users;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** Issue #16: the Add user dialog names every problem at once, not the first one only. */
    @Test
    void addUserShowsEveryProblemAtOnce() {
        signInAsAdmin();
        page.navigate(url("/users"));
        page.getByRole(AriaRole.BUTTON, named("Add user")).click();
        Locator dialog = page.locator("vaadin-dialog.user-dialog");
        assertThat(page.getByRole(AriaRole.HEADING, named("Add user"))).isVisible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Bad Name");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Confirm password", new Page.GetByLabelOptions().setExact(true)).fill("other");
        page.getByRole(AriaRole.BUTTON, named("Add user")).last().click();

        Locator errors = page.locator("vaadin-dialog-overlay [slot='error-message'], .user-dialog [slot='error-message']")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("\\S")));
        assertThat(errors.filter(new Locator.FilterOptions().setHasText("DNS label"))).hasCount(1);
        assertThat(errors.filter(new Locator.FilterOptions().setHasText("at least 12 characters"))).hasCount(1);
        assertThat(errors.filter(new Locator.FilterOptions().setHasText("needs at least one tenant"))).hasCount(1);
        assertThat(errors.filter(new Locator.FilterOptions().setHasText("does not match the password"))).hasCount(1);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("users-add-every-problem");
        assertThat(dialog).hasCount(1);
    }

    @Test
    void adminAddsAnOperatorWhoSignsInUntilDisabled() {
        String operator = "op-users-" + UUID.randomUUID().toString().substring(0, 8);
        signInAsAdmin();
        page.navigate(url("/users"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Users"))).isVisible();
        Locator grid = page.locator("vaadin-grid.user-grid");
        assertThat(grid.getByText("admin", new Locator.GetByTextOptions().setExact(true))).isVisible();
        screenshot("users-list");

        page.getByRole(AriaRole.BUTTON, named("Add user")).click();
        Locator dialog = page.locator("vaadin-dialog.user-dialog");
        assertThat(page.getByRole(AriaRole.HEADING, named("Add user"))).isVisible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(operator);
        assertThat(page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Tenant operator")))
                .isVisible();
        page.getByLabel("Tenants").fill("payments");
        page.locator("vaadin-multi-select-combo-box-item")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*Payments \\(payments\\)\\s*$"))).click();
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Confirm password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.HEADING, named("Add user")).click();
        assertThat(page.locator("vaadin-multi-select-combo-box-chip")
                .filter(new Locator.FilterOptions().setHasText("payments")).first()).isVisible();
        screenshot("users-add-dialog");
        page.getByRole(AriaRole.BUTTON, named("Add user")).last().click();

        assertThat(grid.getByText(operator, new Locator.GetByTextOptions().setExact(true))).isVisible();
        UserInfo created = asSystem(() -> users.find(operator)).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.TENANT_OPERATOR);
        assertThat(created.tenantIds()).hasSize(1);
        assertThat(dialog).hasCount(0);

        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, named("Sign out")).click();
        assertThat(page).hasURL(url("/login"));

        signIn(operator, PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).isVisible();
        assertThat(page.locator("vaadin-grid.extension-grid").getByText("rate-limiter",
                new Locator.GetByTextOptions().setExact(true))).isVisible();
        Page operatorPage = page;

        // The admin, in a browser of their own, disables the operator.
        BrowserContext adminContext = newBrowserContext();
        try {
            page = adminContext.newPage();
            signInAsAdmin();
            page.navigate(url("/users"));
            page.getByRole(AriaRole.BUTTON, named("Disable " + operator)).click();
            assertThat(page.getByRole(AriaRole.HEADING, named("Disable " + operator + "?"))).isVisible();
            page.getByRole(AriaRole.BUTTON, named("Disable")).last().click();
            // The operator's own row turns to "Enable" (other tests may leave disabled users in the shared database).
            assertThat(page.getByRole(AriaRole.BUTTON, named("Enable " + operator))).isVisible();
            assertThat(asSystem(() -> users.find(operator)).orElseThrow().enabled()).isFalse();
        } finally {
            adminContext.close();
            page = operatorPage;
        }

        // The operator's open session has ended, and signing in again is refused.
        page.reload();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        signIn(operator, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).hasCount(0);
    }
}
