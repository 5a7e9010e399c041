package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.user.UserService;

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
    @Autowired
    AuditService audit;
    @LocalServerPort
    int port;

    AuthenticationManager manager;
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T10:00:00Z"));
    int max;

    int addressFreeFailures;

    @BeforeEach
    void setUp() throws Exception {
        manager = authenticationConfiguration.getAuthenticationManager();
        throttle.useClock(clock);
        max = throttle.maxFailures();
        addressFreeFailures = throttle.addressFreeFailures();
    }

    @AfterEach
    void restore() {
        throttle.useClock(Clock.systemUTC());
        throttle.useAddressFreeFailures(addressFreeFailures);
    }

    static int users;

    String freshUser() {
        String name = "throttle-" + (++users) + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        asSystem(() -> userService.create(name, PASSWORD, Role.PLATFORM_ADMIN, Set.of()));
        return name;
    }

    /** Signs in from 10.0.0.1, as the login form and HTTP Basic do (with the request's details). */
    Authentication signIn(String user, String password) {
        return signIn(user, password, "10.0.0.1");
    }

    Authentication signIn(String user, String password, String address) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return manager.authenticate(attempt);
    }

    void failTimes(String user, int times) {
        failTimes(user, times, "10.0.0.1");
    }

    void failTimes(String user, int times, String address) {
        for (int i = 0; i < times; i++) {
            String wrong = "wrong-password-" + i;
            assertThatThrownBy(() -> signIn(user, wrong, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
    }

    boolean locked(String user) {
        return asSystem(() -> userService.lockedUsers()).contains(user);
    }

    ConsoleUser stored(String user) {
        return repository.findByUsername(user).orElseThrow();
    }

    @Test
    void defaultsAreFiveFailuresAndFifteenMinutes() {
        assertThat(throttle.maxFailures()).isEqualTo(5);
        assertThat(throttle.lockDuration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.maxAccountFailures()).isEqualTo(50);
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
    void theLastAllowedFailureLocksThisAddressAndEvenTheRightPasswordIsThenRefused() {
        String user = freshUser();
        failTimes(user, max);
        assertThat(locked(user)).isTrue();

        assertThatThrownBy(() -> signIn(user, PASSWORD)).isExactlyInstanceOf(LockedException.class);
        assertThatThrownBy(() -> signIn(user, "wrong-again-password")).isExactlyInstanceOf(LockedException.class);
        clock.advance(throttle.lockDuration().minusSeconds(1));
        assertThatThrownBy(() -> signIn(user, PASSWORD)).isExactlyInstanceOf(LockedException.class);
        // Attempts while locked do not extend the lock.
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(user, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheAccountForOthers() {
        String user = freshUser();
        failTimes(user, max, "203.0.113.66");
        assertThatThrownBy(() -> signIn(user, PASSWORD, "203.0.113.66")).isExactlyInstanceOf(LockedException.class);

        // Its owner, elsewhere, signs in: one attacker cannot lock out the admin.
        assertThat(signIn(user, PASSWORD, "10.1.1.1").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn(user, PASSWORD, "203.0.113.66")).isExactlyInstanceOf(LockedException.class);
    }

    @Test
    void failuresFromManyAddressesLockTheAccountForEveryoneUntilAnAdminUnlocksIt() {
        String user = freshUser();
        int addresses = throttle.maxAccountFailures() / (max - 1) + 1;
        for (int a = 0; a < addresses; a++) {
            String address = "198.51.100." + a;
            int times = Math.min(max - 1, throttle.maxAccountFailures() - a * (max - 1));
            if (times > 0) {
                failTimes(user, times, address);
            }
        }
        assertThat(stored(user).getLockedUntil()).isEqualTo(clock.instant().plus(throttle.lockDuration()));
        assertThatThrownBy(() -> signIn(user, PASSWORD, "10.2.2.2")).isExactlyInstanceOf(LockedException.class);
        assertThat(locked(user)).isTrue();

        asSystem(() -> userService.unlock(user));

        assertThat(locked(user)).isFalse();
        assertThat(signIn(user, PASSWORD, "10.2.2.2").isAuthenticated()).isTrue();
    }

    @Test
    void parallelGuessesCheckNoMorePasswordsThanTheLimit() throws Exception {
        String user = freshUser();
        int guesses = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(guesses)) {
            for (int i = 0; i < guesses; i++) {
                String wrong = "parallel-wrong-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        signIn(user, wrong);
                        return Authentication.class;
                    } catch (AuthenticationException e) {
                        return e.getClass();
                    }
                }));
            }
            start.countDown();
            Map<Class<?>, Integer> counts = new HashMap<>();
            for (Future<Class<?>> outcome : outcomes) {
                counts.merge(outcome.get(), 1, Integer::sum);
            }

            // Only as many passwords as the limit were checked; the others were refused unchecked.
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                    BadCredentialsException.class, max, LockedException.class, guesses - max));
        }
        assertThatThrownBy(() -> signIn(user, PASSWORD)).isExactlyInstanceOf(LockedException.class);
    }

    @Test
    void parallelBasicAuthRequestsCheckNoMorePasswordsThanTheLimit() throws Exception {
        throttle.useClock(Clock.systemUTC()); // the audit trail's times are the real clock's
        String user = freshUser();
        int guesses = 20;
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            answers.add(http.sendAsync(basic(user, "parallel-http-wrong-" + i), HttpResponse.BodyHandlers.discarding()));
        }
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            assertThat(answer.get().statusCode()).isEqualTo(401);
        }
        assertThat(http.send(basic(user, PASSWORD), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(401);

        // The audit trail records why each was refused: only `max` passwords were checked at all.
        List<AuditEntry> failures = asSystem(() -> audit.list(
                new AuditFilter(user, null, AuditAction.LOGIN_FAILED, null, null), PageRequest.of(0, 100)));
        assertThat(failures).hasSize(guesses + 1);
        assertThat(failures.stream().filter(f -> f.summary().startsWith("wrong user name or password")))
                .hasSize(max);
    }

    HttpRequest basic(String user, String password) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
    }

    @Test
    void anAddressWithManyFailuresWaitsLongerAndLongerWhateverNamesItTries() {
        throttle.useAddressFreeFailures(3);
        String user = freshUser();
        String address = "192.0.2." + (users % 250);
        for (int i = 0; i < 3; i++) {
            String ghost = "ghost-" + i;
            assertThatThrownBy(() -> signIn(ghost, PASSWORD, address)).isExactlyInstanceOf(BadCredentialsException.class);
        }
        // After the free failures, even a right password waits 1 s, then 2 s after the next failure.
        assertThatThrownBy(() -> signIn(user, PASSWORD, address)).isExactlyInstanceOf(LockedException.class);
        assertThat(signIn(user, PASSWORD, "10.3.3.3").isAuthenticated()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> signIn("ghost-x", PASSWORD, address)).isExactlyInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> signIn(user, PASSWORD, address)).isExactlyInstanceOf(LockedException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(user, PASSWORD, address).isAuthenticated()).isTrue();
        assertThat(throttle.addressWait(100)).isEqualTo(Duration.ofMinutes(1));
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
