package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.wasmconsole.ConsoleTest;

/**
 * Login throttling through the real sign-in machinery: the application's AuthenticationManager
 * (the one the login form's filter delegates to), its event publisher, the database. Time is moved
 * on with a test clock, never by sleeping. Each test uses its own fresh user, never "admin".
 */
@ConsoleTest
class LoginThrottleTest {

    static final String PASSWORD = "throttle-password-ok";

    @Autowired
    AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    UserService userService;
    @Autowired
    ConsoleUserRepository repository;

    AuthenticationManager manager;
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    int max;

    @BeforeEach
    void setUp() throws Exception {
        manager = authenticationConfiguration.getAuthenticationManager();
        throttle.useClock(clock);
        max = throttle.maxFailures();
    }

    @AfterEach
    void restoreClock() {
        throttle.useClock(Clock.systemUTC());
    }

    static int users;

    String freshUser() {
        String name = "throttle-" + (++users) + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        asSystem(() -> userService.create(name, PASSWORD, Role.PLATFORM_ADMIN, Set.of()));
        return name;
    }

    Authentication signIn(String user, String password) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    void failTimes(String user, int times) {
        for (int i = 0; i < times; i++) {
            String wrong = "wrong-password-" + i;
            assertThatThrownBy(() -> signIn(user, wrong)).isExactlyInstanceOf(BadCredentialsException.class);
        }
    }

    ConsoleUser stored(String user) {
        return repository.findByUsername(user).orElseThrow();
    }

    @Test
    void defaultsAreFiveFailuresAndFifteenMinutes() {
        assertThat(throttle.maxFailures()).isEqualTo(5);
        assertThat(throttle.lockDuration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void oneFailureShortOfTheLimitDoesNotLock() {
        String user = freshUser();
        failTimes(user, max - 1);
        assertThat(stored(user).getFailedLogins()).isEqualTo(max - 1);
        assertThat(stored(user).getLockedUntil()).isNull();
        assertThat(signIn(user, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void theLastAllowedFailureLocksAndEvenTheRightPasswordIsThenRefused() {
        String user = freshUser();
        failTimes(user, max);
        assertThat(stored(user).getLockedUntil()).isEqualTo(clock.instant().plus(throttle.lockDuration()));

        assertThatThrownBy(() -> signIn(user, PASSWORD)).isExactlyInstanceOf(LockedException.class);
        assertThatThrownBy(() -> signIn(user, "wrong-again-password")).isExactlyInstanceOf(LockedException.class);
        clock.advance(throttle.lockDuration().minusSeconds(1));
        assertThatThrownBy(() -> signIn(user, PASSWORD)).isExactlyInstanceOf(LockedException.class);
        // Attempts while locked do not extend the lock.
        assertThat(stored(user).getLockedUntil()).isEqualTo(Instant.parse("2030-01-01T10:15:00Z"));
    }

    @Test
    void theLockExpiresAfterTheDuration() {
        String user = freshUser();
        failTimes(user, max);
        clock.advance(throttle.lockDuration());
        assertThat(signIn(user, PASSWORD).isAuthenticated()).isTrue();
        assertThat(stored(user).getLockedUntil()).isNull();
        assertThat(stored(user).getFailedLogins()).isZero();
    }

    @Test
    void afterALockExpiresTheUserHasTheFullNumberOfAttemptsAgain() {
        String user = freshUser();
        failTimes(user, max);
        clock.advance(throttle.lockDuration().plusSeconds(1));
        failTimes(user, max - 1);
        assertThat(signIn(user, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessResetsTheCount() {
        String user = freshUser();
        failTimes(user, max - 1);
        signIn(user, PASSWORD);
        assertThat(stored(user).getFailedLogins()).isZero();
        failTimes(user, max - 1);
        assertThat(signIn(user, PASSWORD).isAuthenticated()).isTrue();
        assertThat(stored(user).getLockedUntil()).isNull();
    }

    @Test
    void anUnknownUserNameBehavesLikeAWrongPasswordAndStoresNothing() {
        String wrongPasswordMessage = badCredentialsMessageOfAKnownUser();
        long before = repository.count();
        String ghost = "throttle-nobody-" + System.nanoTime();
        for (int i = 0; i < max + 2; i++) {
            assertThatThrownBy(() -> signIn(ghost, PASSWORD)).isExactlyInstanceOf(BadCredentialsException.class)
                    .hasMessage(wrongPasswordMessage);
        }
        assertThat(repository.findByUsername(ghost)).isEmpty();
        assertThat(repository.count()).isEqualTo(before);
    }

    private String badCredentialsMessageOfAKnownUser() {
        String user = freshUser();
        try {
            signIn(user, "wrong-password-xx");
            throw new AssertionError("signed in with a wrong password");
        } catch (BadCredentialsException e) {
            return e.getMessage();
        }
    }

    @Test
    void aLockedAccountLoadsAsLockedForSpringSecurity() {
        String user = freshUser();
        failTimes(user, max);
        ConsoleUserDetailsService details = new ConsoleUserDetailsService(repository, throttle);
        assertThat(details.loadUserByUsername(user).isAccountNonLocked()).isFalse();
        clock.advance(throttle.lockDuration());
        assertThat(details.loadUserByUsername(user).isAccountNonLocked()).isTrue();
    }

    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
