package org.wasmconsole.audit;

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
 * in advance the records of a flush go to the database in JDBC batches ({@code hibernate.jdbc.batch_size})
 * ({@link ConsoleMigration#idsFromSequence}).</li>
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
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("create index ix_extension_name on wasm_extension (name, organization_name)");
        }
        idsFromSequence(context.getConnection(), "audit_record", ALLOCATION);
    }
}
