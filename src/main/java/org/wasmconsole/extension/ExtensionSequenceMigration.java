package org.wasmconsole.extension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ConsoleMigration;

/**
 * Migration V18 (issue #23, apply of 10,000 documents; Java, because the sequence's start and the column's default
 * differ between H2 and PostgreSQL, as in V15 for audit records): {@code wasm_extension} ids from a sequence
 * {@code wasm_extension_seq}, {@value #ALLOCATION} at a time, instead of an identity column. Hibernate must insert
 * an identity row at once to learn its id: one statement, one round trip per created extension, and its env vars
 * and allowed tenants could not join it. With ids handed out in advance, the extensions of a flush, their env vars
 * and their allowed tenants are inserted in JDBC batches ({@code hibernate.jdbc.batch_size}, {@code order_inserts}).
 * The sequence starts past the largest id plus one allocation (Hibernate's pooled optimizer uses the
 * {@value #ALLOCATION} ids up to the value it reads) and becomes the column's default, so that a plain
 * {@code insert} without an id takes an id no allocation of Hibernate's can hand out.
 */
@Component
class ExtensionSequenceMigration extends ConsoleMigration {

    /** Ids taken from the sequence at a time; {@link WasmExtension}'s {@code allocationSize} must be the same. */
    static final int ALLOCATION = 50;

    ExtensionSequenceMigration() {
        super(18, "extension id sequence");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement s = c.createStatement()) {
            long max;
            try (ResultSet r = s.executeQuery("select coalesce(max(id), 0) from wasm_extension")) {
                r.next();
                max = r.getLong(1);
            }
            s.execute("create sequence wasm_extension_seq start with " + (max + ALLOCATION) + " increment by "
                    + ALLOCATION);
            s.execute("alter table wasm_extension alter column id drop identity");
            s.execute("alter table wasm_extension alter column id set default "
                    + (postgres ? "nextval('wasm_extension_seq')" : "next value for wasm_extension_seq"));
        }
    }
}
