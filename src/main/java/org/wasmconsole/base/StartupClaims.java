package org.wasmconsole.base;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * First-start work that exactly one of several console instances on one database may do (the first
 * admin, the sample data), even when they start at the same moment: {@link #claim} locks that work's
 * row of {@code startup_claim} (SELECT ... FOR UPDATE, in H2 as in PostgreSQL) until the caller's
 * transaction ends. An instance that starts at the same moment waits there, and once the first has
 * committed, it finds the work done (its next query sees the committed rows) and does nothing.
 */
@Component
@RequiredArgsConstructor
public class StartupClaims {

    private final JdbcTemplate jdbc;

    /** Holds the claim on {@code work} until the current transaction ends; waits while another instance holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String work) {
        if (jdbc.queryForList("select name from startup_claim where name = ? for update", String.class, work)
                .isEmpty()) {
            throw new IllegalStateException("no startup_claim row '" + work + "': the migration adds one per work");
        }
    }
}
