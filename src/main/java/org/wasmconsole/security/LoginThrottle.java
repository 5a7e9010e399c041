package org.wasmconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks an account for {@code console.login.lock-duration} after {@code console.login.max-failures}
 * consecutive wrong passwords. The state lives in {@code console_user} (failed_logins, locked_until),
 * so it survives restarts and holds across several instances. Listens to Spring Security's
 * authentication events (published by Boot's DefaultAuthenticationEventPublisher); the lock itself
 * is applied by {@link ConsoleUserDetailsService}, which makes Spring Security throw LockedException.
 * Unknown user names are counted nowhere; they get the same "wrong user name or password".
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final ConsoleUserRepository users;
    // A template rather than @Transactional: no proxy around this bean, whose clock tests replace.
    private final TransactionTemplate transaction;
    private final int maxFailures;
    private final Duration lockDuration;
    private volatile Clock clock;

    LoginThrottle(ConsoleUserRepository users, PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock,
            @Value("${console.login.max-failures:5}") int maxFailures,
            @Value("${console.login.lock-duration:15m}") Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("console.login.max-failures must be at least 1, not " + maxFailures);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("console.login.lock-duration must be positive, not " + lockDuration);
        }
        this.users = users;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @EventListener
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null) {
            return;
        }
        Instant until = transaction.execute(status -> {
            if (users.countFailedLogin(username) == 0) {
                return null; // unknown user: nothing stored
            }
            Instant lockEnd = now().plus(lockDuration);
            return users.lockIfTooManyFailures(username, maxFailures, lockEnd) > 0 ? lockEnd : null;
        });
        if (until != null) {
            // The name is an existing user's (a DNS label); never the password.
            log.warn("Locked user '{}' until {} after {} consecutive failed sign-ins", username, until, maxFailures);
        }
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        transaction.executeWithoutResult(status -> users.resetFailedLogins(username));
    }

    boolean isLocked(ConsoleUser user) {
        return user.isLockedAt(now());
    }

    Instant now() {
        return clock.instant();
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    /** Tests move time on without sleeping (the shared test context keeps one instance). */
    void useClock(Clock clock) {
        this.clock = clock;
    }
}
