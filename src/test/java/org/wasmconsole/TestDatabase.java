package org.wasmconsole;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Empties the test database once per test JVM before Flyway migrates it, so that a PostgreSQL test
 * database reused between runs starts like the fresh in-memory H2 one (schema, first admin, sample
 * data). Later contexts in the same JVM only migrate: they share the data of the first.
 * Imported by {@link ConsoleTest}; deliberately not a {@code @Configuration}, so that contexts
 * started outside the test framework (RestartPersistenceTest) never pick it up by component scan.
 */
public class TestDatabase {

    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return flyway -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
