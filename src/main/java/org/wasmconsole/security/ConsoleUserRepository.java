package org.wasmconsole.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConsoleUserRepository extends JpaRepository<ConsoleUser, Long> {

    Optional<ConsoleUser> findByUsername(String username);

    /** One more failed sign-in, counted in the database (atomic across instances); 0 for an unknown user. */
    @Modifying
    @Query("update ConsoleUser u set u.failedLogins = u.failedLogins + 1 where u.username = :username")
    int countFailedLogin(@Param("username") String username);

    /** Locks the user until {@code until} if they reached {@code maxFailures}, and starts counting again. */
    @Modifying
    @Query("update ConsoleUser u set u.lockedUntil = :until, u.failedLogins = 0"
            + " where u.username = :username and u.failedLogins >= :maxFailures")
    int lockIfTooManyFailures(@Param("username") String username, @Param("maxFailures") int maxFailures,
            @Param("until") Instant until);

    /** Forgets failed sign-ins and any lock; writes only when there is something to forget. */
    @Modifying
    @Query("update ConsoleUser u set u.failedLogins = 0, u.lockedUntil = null"
            + " where u.username = :username and (u.failedLogins <> 0 or u.lockedUntil is not null)")
    int resetFailedLogins(@Param("username") String username);
}
