package org.wasmconsole.base;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * Gives {@code table}'s ids from a new sequence {@code <table>_seq}, {@code allocation} at a time, instead of its
     * identity column, so that Hibernate can hand ids out in advance and insert a flush's rows in JDBC batches. The
     * sequence starts past the largest id plus one allocation (Hibernate's pooled optimizer uses the
     * {@code allocation} ids up to the value it reads) and becomes the column's default, so that a plain
     * {@code insert} without an id (benchmarks, a DBA) takes an id no allocation of Hibernate's can hand out. The
     * entity's {@code allocationSize} must be the same.
     */
    protected static void idsFromSequence(Connection connection, String table, int allocation) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        String sequence = table + "_seq";
        try (Statement s = connection.createStatement()) {
            long max;
            try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
                r.next();
                max = r.getLong(1);
            }
            s.execute("create sequence " + sequence + " start with " + (max + allocation) + " increment by "
                    + allocation);
            s.execute("alter table " + table + " alter column id drop identity");
            s.execute("alter table " + table + " alter column id set default "
                    + (postgres ? "nextval('" + sequence + "')" : "next value for " + sequence));
        }
    }
}
