package org.wasmconsole.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Whether a signed-in session is still current, on every console instance: {@link UserService}
 * raises a user's security stamp with every change that ends their open sessions, in the same
 * transaction; a session keeps the user row's id and stamp as read at sign-in ({@link ConsolePrincipal})
 * and is out of date once the row has a higher stamp, another id (deleted and created again) or is gone.
 * The row is read at most once per {@code console.security.session-check-interval} per user on each
 * instance (0 = on every request), so a change made on another instance ends a session at its first
 * request after at most that long; on the instance that made it, at once (the cache entry is dropped).
 */
@Component
public class SecurityStamps {

    private record Current(Long userId, long stamp, Instant readAt) {
    }

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Current> cache = new ConcurrentHashMap<>();
    /**
     * The ids of sessions this instance ended at once (security.ui.UserSessions), so that the browser's
     * next request, which names the ended session, lands on a login page that says why. Bounded: the
     * oldest are forgotten (that browser then sees the login page without the reason).
     */
    private final Map<String, Boolean> endedSessions = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 10_000;
                }
            });

    SecurityStamps(JdbcTemplate jdbc, @Value("${console.security.session-check-interval:5s}") Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("console.security.session-check-interval must not be negative, not "
                    + interval);
        }
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** False when the user's access changed since this principal signed in (or the user is gone). */
    public boolean isCurrent(ConsolePrincipal principal) {
        Current current = current(principal.getUsername());
        return current != null && current.userId().equals(principal.getUserId())
                && principal.getSecurityStamp() >= current.stamp();
    }

    /** The user's stamp now, read from the database (empty when the user is gone). */
    public OptionalLong read(String username) {
        Current current = load(username);
        return current == null ? OptionalLong.empty() : OptionalLong.of(current.stamp());
    }

    private Current current(String username) {
        Instant now = clock.instant();
        Current cached = cache.get(username);
        if (cached != null && cached.readAt().plus(interval).isAfter(now)) {
            return cached;
        }
        Current loaded = load(username);
        if (loaded == null) {
            cache.remove(username);
        } else {
            cache.put(username, loaded);
        }
        return loaded;
    }

    private Current load(String username) {
        List<Current> rows = jdbc.query("select id, security_stamp from console_user where username = ?",
                (rs, i) -> new Current(rs.getLong(1), rs.getLong(2), clock.instant()), username);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    /** A session of a user whose access changed was ended on this instance (not through a request of its own). */
    public void sessionEnded(String sessionId) {
        endedSessions.put(sessionId, Boolean.TRUE);
    }

    /** Whether this is the id of a session ended so, asked once: the answer is true only the first time. */
    boolean wasEnded(String sessionId) {
        return sessionId != null && endedSessions.remove(sessionId) != null;
    }

    /** A change made here: this instance reads the new stamp at the user's next request. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void accessRevoked(UserAccessRevoked event) {
        cache.remove(event.username());
    }
}
