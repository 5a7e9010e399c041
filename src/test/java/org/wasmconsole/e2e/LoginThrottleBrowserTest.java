package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;

/** Login throttling as a person meets it: the form says "locked", and never which part was wrong. */
class LoginThrottleBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String user = "throttle-e2e-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String password = "throttle-e2e-password";
        asSystem(() -> users.create(user, password, Role.PLATFORM_ADMIN, Set.of()));

        for (int i = 1; i <= 5; i++) {
            signIn(user, "wrong-password-" + i);
            assertThat(page).hasURL(url("/login?error"));
            assertThat(page.getByText("Wrong user name or password")).isVisible();
            assertThat(page.getByText("Locked")).hasCount(0);
        }

        signIn(user, password);
        assertThat(page).hasURL(url("/login?locked"));
        assertThat(page.getByText("Locked — too many failed attempts")).isVisible();
        assertThat(page.getByText("Try again later.")).isVisible();
        assertThat(page.getByText("Wrong user name or password")).hasCount(0);
        screenshot("login-locked");
    }
}
