package org.wasmconsole.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ConsoleMigration;

/**
 * Migration V15 (issue #23, apply of 10,000 documents; Java, because the databases need different statements):
 * <ul>
 * <li>{@code ix_extension_name (name, organization_name)}: apply reads what a stream's documents name 500 names
 * at a time ({@code ExtensionService.findAll}). H2 looks an IN list up only on the first column of an index, so
 * {@code organization_name = ? and name in (…)} used {@code uk_extension_name}'s equality on the organization and
 * scanned all of it for each such query: over half of an apply's time into a 100,000-extension catalogue (JFR).
 * {@code name in (…)} alone is looked up name by name in this index.</li>
 * <li>{@code audit_record} ids from a sequence, {@value #ALLOCATION} at a time, instead of an identity column:
 * Hibernate must insert an identity row at once to learn its id, one statement per record; with ids handed out
 * in advance the records of a flush go to the database in JDBC batches ({@code hibernate.jdbc.batch_size}).
 * The sequence starts past the largest id plus one allocation (Hibernate's pooled optimizer uses the
 * {@value #ALLOCATION} ids up to the value it reads), and becomes the column's default, so that a plain
 * {@code insert} without an id (benchmarks, a DBA) takes an id no allocation of Hibernate's can hand out.</li>
 * </ul>
 */
@Component
class AuditSequenceMigration extends ConsoleMigration {

    /** Ids taken from the sequence at a time; {@link AuditRecord}'s {@code allocationSize} must be the same. */
    static final int ALLOCATION = 50;

    AuditSequenceMigration() {
        super(15, "extension name index, audit record sequence");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement s = c.createStatement()) {
            s.execute("create index ix_extension_name on wasm_extension (name, organization_name)");
            long max;
            try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) from audit_record")) {
                r.next();
                max = r.getLong(1);
            }
            s.execute("create sequence audit_record_seq start with " + (max + ALLOCATION) + " increment by "
                    + ALLOCATION);
            s.execute("alter table audit_record alter column id drop identity");
            s.execute("alter table audit_record alter column id set default "
                    + (postgres ? "nextval('audit_record_seq')" : "next value for audit_record_seq"));
        }
    }
}
