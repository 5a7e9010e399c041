package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;

/** The Users screen shows a locked user and lifts the lock: screenshots light and dark, desktop and phone. */
class UserUnlockBrowserTest extends BrowserTest {

    @Autowired
    UserService users;
    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void anAdminSeesALockedUserAndUnlocksThem() throws Exception {
        String name = "locked-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        asSystem(() -> users.create(name, "locked-user-password", Role.PLATFORM_ADMIN, Set.of()));
        var manager = authentication.getAuthenticationManager();
        for (int i = 0; i < 5; i++) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, "wrong-password-" + i);
            attempt.setDetails(new WebAuthenticationDetails("203.0.113.77", null));
            try {
                manager.authenticate(attempt);
            } catch (BadCredentialsException expected) {
                // counted
            }
        }
        signInAsAdmin();
        page.navigate(url("/users"));
        // Other tests lock users of their own in the shared database: look at this user's row only.
        var unlockThisUser = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unlock " + name));
        assertThat(unlockThisUser).isVisible();
        assertThat(page.locator("vaadin-grid.user-grid .user-status-locked").first()).hasText("Locked");
        screenshot("users-locked-light-desktop");
        page.setViewportSize(390, 844);
        screenshot("users-locked-light-phone");
        page.setViewportSize(1440, 900);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        screenshot("users-locked-dark-desktop");
        page.setViewportSize(390, 844);
        screenshot("users-locked-dark-phone");
        page.setViewportSize(1440, 900);

        unlockThisUser.click();

        assertThat(page.getByText("Unlocked " + name + ": they can sign in again")).isVisible();
        assertThat(unlockThisUser).hasCount(0);
    }
}
