package org.wasmconsole.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ConsoleUserRepository extends JpaRepository<ConsoleUser, Long> {

    Optional<ConsoleUser> findByUsername(String username);

    /** Forgets failed sign-ins and any lock; writes only when there is something to forget. */
    @Modifying
    @Query("update ConsoleUser u set u.failedLogins = 0, u.lockedUntil = null"
            + " where u.username = :username and (u.failedLogins <> 0 or u.lockedUntil is not null)")
    int resetFailedLogins(@Param("username") String username);
}
