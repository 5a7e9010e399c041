package org.wasmconsole.base;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java, for what SQL alone cannot say on both databases. Spring Boot hands Flyway
 * every {@link JavaMigration} bean, so a subclass is a {@code @Component} in the module that owns the tables.
 * Its version and description must never change once released (Flyway validates both against its history);
 * the checksum is the version, as there is no script text to hash.
 */
public abstract class ConsoleMigration implements JavaMigration {

    private final int version;
    private final String description;

    protected ConsoleMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
