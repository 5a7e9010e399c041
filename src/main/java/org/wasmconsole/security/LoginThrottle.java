package org.wasmconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles sign-in, in the database so that it holds across requests in parallel and across
 * several console instances. Three counts, each of consecutive wrong passwords:
 * <ul>
 * <li>one user from one client address: at {@code console.login.max-failures} that address is
 *     locked out of that account for {@code console.login.lock-duration}; others can still sign in
 *     as that user, so that nobody can lock out the admin by guessing from their own machine;</li>
 * <li>one user from every address together: at {@code console.login.max-account-failures} the
 *     account is locked for everyone (a guess from many addresses); an admin can lift it on the
 *     Users screen ({@link org.wasmconsole.user.UserService#unlock});</li>
 * <li>one address whatever names it tries: after {@code console.login.address-free-failures} it
 *     must wait before its next attempt, 1 s, then 2 s, 4 s, ... up to a minute (many people may share
 *     one address, behind a NAT or a proxy: they wait, but are never locked out for long).</li>
 * </ul>
 * An attempt is counted before its password is checked ({@link #admit}: a conditional update, atomic
 * in the database), so that of many parallel guesses only as many as the limit allows are checked
 * at all; a success resets the user's counts. Unknown user names are counted only for their address.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** The row of an address itself, whatever user names it tries. */
    static final String ANY_USER = "";
    /** Where a request's address is not known (an authentication outside HTTP). */
    static final String UNKNOWN_ADDRESS = "unknown";
    /** The longest an address waits between attempts. */
    static final Duration MAX_ADDRESS_WAIT = Duration.ofMinutes(1);

    private final ConsoleUserRepository users;
    private final NamedParameterJdbcTemplate jdbc;
    // A template rather than @Transactional: no proxy around this bean, whose clock tests replace.
    private final TransactionTemplate transaction;
    private final int maxFailures;
    private final int maxAccountFailures;
    private volatile int addressFreeFailures;
    private final Duration lockDuration;
    private volatile Clock clock;

    LoginThrottle(ConsoleUserRepository users, NamedParameterJdbcTemplate jdbc,
            PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock,
            @Value("${console.login.max-failures:5}") int maxFailures,
            @Value("${console.login.max-account-failures:50}") int maxAccountFailures,
            @Value("${console.login.address-free-failures:10}") int addressFreeFailures,
            @Value("${console.login.lock-duration:15m}") Duration lockDuration) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("console.login.max-failures must be at least 1, not " + maxFailures);
        }
        if (maxAccountFailures < maxFailures) {
            throw new IllegalArgumentException("console.login.max-account-failures must be at least"
                    + " console.login.max-failures (" + maxFailures + "), not " + maxAccountFailures);
        }
        if (addressFreeFailures < 1) {
            throw new IllegalArgumentException("console.login.address-free-failures must be at least 1, not "
                    + addressFreeFailures);
        }
        if (lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("console.login.lock-duration must be positive, not " + lockDuration);
        }
        this.users = users;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.maxFailures = maxFailures;
        this.maxAccountFailures = maxAccountFailures;
        this.addressFreeFailures = addressFreeFailures;
        this.lockDuration = lockDuration;
    }

    /**
     * Lets an attempt go on to its password check, counting it first; refuses it with a
     * {@link LockedException} when its address must wait, or the user is locked for this address or
     * for everyone, or as many attempts as the limit allows are already counted.
     */
    public void admit(String username, String address) {
        OffsetDateTime now = odt(now());
        Map<String, Object> params = Map.of("user", username, "address", address, "now", now,
                "max", maxFailures, "maxAccount", maxAccountFailures);
        Integer waiting = jdbc.queryForObject("select count(*) from login_attempt where username = :any"
                + " and address = :address and locked_until > :now", Map.of("any", ANY_USER, "address", address,
                "now", now), Integer.class);
        if (waiting != null && waiting > 0) {
            throw new LockedException("too many failed sign-ins from this address; try again later");
        }
        if (users.findByUsername(username).isEmpty()) {
            return; // unknown: the password check fails like a wrong password, counted for the address
        }
        ensureRow(username, address);
        Boolean admitted = transaction.execute(status -> {
            int mine = jdbc.update("update login_attempt set failures = failures + 1 where username = :user"
                    + " and address = :address and (locked_until is null or locked_until <= :now)"
                    + " and failures < :max", params);
            int account = mine == 0 ? 0 : jdbc.update("update console_user set failed_logins = failed_logins + 1"
                    + " where username = :user and (locked_until is null or locked_until <= :now)"
                    + " and failed_logins < :maxAccount", params);
            if (account == 0) {
                status.setRollbackOnly();
            }
            return account > 0;
        });
        if (!Boolean.TRUE.equals(admitted)) {
            throw new LockedException("too many failed sign-ins; try again later");
        }
    }

    /** A wrong password for a known or unknown user: locks where a count reached its limit. */
    public void failed(String username, String address) {
        Instant now = now();
        OffsetDateTime lockEnd = odt(now.plus(lockDuration));
        boolean known = users.findByUsername(username).isPresent();
        ensureRow(ANY_USER, address);
        transaction.executeWithoutResult(status -> {
            Map<String, Object> params = Map.of("user", username, "address", address, "any", ANY_USER,
                    "now", odt(now), "until", lockEnd, "max", maxFailures, "maxAccount", maxAccountFailures,
                    "forgotten", odt(now.minus(lockDuration)));
            jdbc.update("update login_attempt set last_failure = :now where username = :user"
                    + " and address = :address", params);
            if (known && jdbc.update("update login_attempt set locked_until = :until, failures = 0"
                    + " where username = :user and address = :address and failures >= :max", params) > 0) {
                // The name is an existing user's (a DNS label); never the password.
                log.warn("Locked user '{}' for address {} until {} after {} consecutive failed sign-ins",
                        username, address, lockEnd, maxFailures);
            }
            if (known && jdbc.update("update console_user set locked_until = :until, failed_logins = 0"
                    + " where username = :user and failed_logins >= :maxAccount", params) > 0) {
                log.warn("Locked user '{}' for every address until {} after {} consecutive failed sign-ins",
                        username, lockEnd, maxAccountFailures);
            }
            // The address: its count starts again once its last failure is older than the lock duration.
            jdbc.update("update login_attempt set failures = 0 where username = :any and address = :address"
                    + " and last_failure < :forgotten", params);
            jdbc.update("update login_attempt set failures = failures + 1, last_failure = :now"
                    + " where username = :any and address = :address", params);
            Integer failures = jdbc.queryForObject("select failures from login_attempt where username = :any"
                    + " and address = :address", params, Integer.class);
            if (failures != null && failures >= addressFreeFailures) {
                Duration wait = addressWait(failures);
                jdbc.update("update login_attempt set locked_until = :waitEnd where username = :any"
                        + " and address = :address", Map.of("any", ANY_USER, "address", address,
                        "waitEnd", odt(now.plus(wait))));
            }
            // Rows nobody needs any more: no lock, and no failure within the lock duration.
            jdbc.update("delete from login_attempt where last_failure < :forgotten"
                    + " and (locked_until is null or locked_until <= :now)", params);
        });
    }

    /** A right password: the user's counts, for this address and over all, start again. */
    void succeeded(String username, String address) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from login_attempt where username = :user and address = :address",
                    Map.of("user", username, "address", address));
            users.resetFailedLogins(username);
        });
    }

    /** Lifts every lock of a user (for every address) and forgets their failures: {@link org.wasmconsole.user.UserService#unlock}. */
    public void unlock(String username) {
        jdbc.update("delete from login_attempt where username = :user", Map.of("user", username));
        users.resetFailedLogins(username);
    }

    /** The users locked now, for everyone or for some address. */
    public Set<String> lockedUsers() {
        Map<String, Object> params = Map.of("any", ANY_USER, "now", odt(now()));
        Set<String> locked = new HashSet<>(jdbc.queryForList("select username from login_attempt"
                + " where username <> :any and locked_until > :now", params, String.class));
        locked.addAll(jdbc.queryForList("select username from console_user where locked_until > :now", params,
                String.class));
        return locked;
    }

    /** How long an address waits after its n-th consecutive failure (n at least the free failures). */
    Duration addressWait(int failures) {
        int doublings = Math.min(30, failures - addressFreeFailures);
        Duration wait = Duration.ofSeconds(1L << doublings);
        Duration max = lockDuration.compareTo(MAX_ADDRESS_WAIT) < 0 ? lockDuration : MAX_ADDRESS_WAIT;
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void ensureRow(String username, String address) {
        Map<String, Object> key = Map.of("user", username, "address", address);
        Integer present = jdbc.queryForObject("select count(*) from login_attempt where username = :user"
                + " and address = :address", key, Integer.class);
        if (present != null && present > 0) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> jdbc.update("insert into login_attempt"
                    + " (username, address, failures) values (:user, :address, 0)", key));
        } catch (DataIntegrityViolationException e) {
            // Another attempt inserted it in the meantime: the row is there, which is all we need.
        }
    }

    boolean isLocked(ConsoleUser user) {
        return user.isLockedAt(now());
    }

    Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public int maxFailures() {
        return maxFailures;
    }

    public int maxAccountFailures() {
        return maxAccountFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    public int addressFreeFailures() {
        return addressFreeFailures;
    }

    /** Tests of the address limit lower it; the other tests run with a high one (application-test.properties). */
    void useAddressFreeFailures(int failures) {
        this.addressFreeFailures = failures;
    }

    /** Tests move time on without sleeping (the shared test context keeps one instance). */
    void useClock(Clock clock) {
        this.clock = clock;
    }
}
