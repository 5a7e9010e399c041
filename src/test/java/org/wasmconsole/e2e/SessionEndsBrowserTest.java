package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * A session whose user's access changed ends at its next request, and the login page says why (the
 * same on the instance where the change was made as on another: TwoInstancesTest); an admin who resets
 * their own password stays signed in where they did it, and is signed out in their other browsers.
 */
class SessionEndsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "operator-password-sessions";
    private static final String SIGNED_OUT = "Signed out — your access changed";

    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void anOperatorWhoseTenantsChangedIsSignedOutWithTheReasonAtTheirNextClick() {
        String operator = "op-sessions-" + UUID.randomUUID().toString().substring(0, 8);
        long payments = tenant("payments");
        asSystem(() -> users.create(operator, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments)));
        signIn(operator, PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).isVisible();

        asSystem(() -> users.changeRole(operator, Role.TENANT_OPERATOR, Set.of(payments, tenant("checkout"))));

        page.getByRole(AriaRole.LINK, named("Tenant payments")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByText(SIGNED_OUT)).isVisible();
        screenshot("login-access-changed");
        page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        screenshot("login-access-changed-dark");
        page.setViewportSize(390, 844);
        screenshot("login-access-changed-phone-dark");
        page.evaluate("document.documentElement.removeAttribute('theme')");
        screenshot("login-access-changed-phone");

        // Signing in again shows the new tenants, and no leftover message.
        page.setViewportSize(1440, 900);
        signIn(operator, PASSWORD);
        assertThat(page.getByRole(AriaRole.LINK, named("Tenant checkout"))).isVisible();
        page.navigate(url("/login"));
        assertThat(page.getByText(SIGNED_OUT)).hasCount(0);
    }

    @Test
    void anAdminWhoResetsTheirOwnPasswordStaysSignedInThereAndIsSignedOutElsewhere() {
        signInAsAdmin();
        Page other = page;
        BrowserContext resetting = newBrowserContext();
        try {
            page = resetting.newPage();
            signInAsAdmin();
            page.navigate(url("/users"));
            assertThat(page.getByRole(AriaRole.HEADING, named("Users"))).isVisible();
            waitForVaadin();
            // The same password again: other tests sign in with it.
            page.getByRole(AriaRole.BUTTON, named("Reset password admin")).click();
            assertThat(page.getByRole(AriaRole.HEADING, named("Reset password of admin"))).isVisible();
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(ConsoleTest.ADMIN_PASSWORD);
            page.getByLabel("Confirm new password", new Page.GetByLabelOptions().setExact(true))
                    .fill(ConsoleTest.ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, named("Reset password")).last().click();
            assertThat(page.getByText("Password of admin reset")).isVisible();

            page.getByRole(AriaRole.LINK, named("Tenants")).click();
            assertThat(page.getByRole(AriaRole.HEADING, named("Tenants"))).isVisible();
            page.reload();
            assertThat(page.getByRole(AriaRole.HEADING, named("Tenants"))).isVisible();
        } finally {
            resetting.close();
            page = other;
        }

        page.getByRole(AriaRole.LINK, named("Tenants")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByText(SIGNED_OUT)).isVisible();
    }

    private long tenant(String name) {
        return asSystem(() -> tenants.list("tse").stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow().id());
    }
}
