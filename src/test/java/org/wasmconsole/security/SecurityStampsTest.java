package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * A signed-in session is current until the user's access changes, on whichever instance the change
 * was made (the security stamp in the database, {@link SecurityStamps}). Sessions are stood for by
 * the principal a sign-in loads ({@link ConsoleUserDetailsService}).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityStampsTest {

    private static final String PASSWORD = "a-long-enough-password";

    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    SecurityStamps stamps;
    @Autowired
    JdbcTemplate jdbc;

    long payments;
    long checkout;

    @BeforeAll
    void tenants() {
        asSystem(() -> {
            payments = tenants.list("tse").stream().filter(t -> t.name().equals("payments")).findFirst().orElseThrow().id();
            checkout = tenants.list("tse").stream().filter(t -> t.name().equals("checkout")).findFirst().orElseThrow().id();
        });
    }

    private String operator() {
        String name = "sst-" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(() -> users.create(name, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments)));
        return name;
    }

    private ConsolePrincipal signIn(String name) {
        return (ConsolePrincipal) userDetails.loadUserByUsername(name);
    }

    @Test
    void aSessionStaysCurrentWhileNothingChanges() {
        String name = operator();
        ConsolePrincipal session = signIn(name);

        asSystem(() -> users.unlock(name)); // not locked: no change
        asSystem(() -> users.changeRole(name, Role.TENANT_OPERATOR, Set.of(payments))); // the same: no change

        assertThat(stamps.isCurrent(session)).isTrue();
    }

    @Test
    void changedTenantsEndTheSessionAndANewSignInIsCurrent() {
        String name = operator();
        ConsolePrincipal session = signIn(name);

        asSystem(() -> users.changeRole(name, Role.TENANT_OPERATOR, Set.of(payments, checkout)));

        assertThat(stamps.isCurrent(session)).isFalse();
        assertThat(stamps.isCurrent(signIn(name))).isTrue();
    }

    @Test
    void aPasswordResetEndsTheSession() {
        String name = operator();
        ConsolePrincipal session = signIn(name);

        asSystem(() -> users.resetPassword(name, "another-long-password"));

        assertThat(stamps.isCurrent(session)).isFalse();
    }

    @Test
    void disablingEndsTheSessionAndEnablingAgainDoesNotBringItBack() {
        String name = operator();
        ConsolePrincipal session = signIn(name);

        asSystem(() -> users.setEnabled(name, false));
        assertThat(stamps.isCurrent(session)).isFalse();

        asSystem(() -> users.setEnabled(name, true));
        assertThat(stamps.isCurrent(session)).isFalse();
    }

    @Test
    void aUserDeletedAndCreatedAgainUnderTheSameNameIsAnotherUser() {
        String name = operator();
        ConsolePrincipal session = signIn(name);

        asSystem(() -> users.delete(name));
        assertThat(stamps.isCurrent(session)).isFalse();

        asSystem(() -> users.create(name, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments)));
        assertThat(signIn(name).getSecurityStamp()).isEqualTo(session.getSecurityStamp());
        assertThat(stamps.isCurrent(session)).as("same name and stamp, other row").isFalse();
    }

    /** Another instance's change reaches this one through the database, read at most once per interval. */
    @Test
    void aChangeMadeElsewhereIsSeenOnceTheReadStampIsOlderThanTheInterval() {
        String name = operator();
        ConsolePrincipal session = signIn(name);
        SecurityStamps everyRequest = new SecurityStamps(jdbc, Duration.ZERO);
        SecurityStamps hourly = new SecurityStamps(jdbc, Duration.ofHours(1));
        assertThat(hourly.isCurrent(session)).isTrue();

        // What UserService does on another instance: the row's stamp raised, no event here.
        jdbc.update("update console_user set security_stamp = security_stamp + 1 where username = ?", name);

        assertThat(everyRequest.isCurrent(session)).isFalse();
        assertThat(hourly.isCurrent(session)).as("read within the interval: not read again").isTrue();
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new SecurityStamps(jdbc, Duration.ofSeconds(-1)))
                .hasMessageContaining("console.security.session-check-interval");
    }
}
