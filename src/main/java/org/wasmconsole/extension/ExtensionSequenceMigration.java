package org.wasmconsole.extension;

import java.sql.SQLException;
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
        idsFromSequence(context.getConnection(), "wasm_extension", ALLOCATION);
    }
}
