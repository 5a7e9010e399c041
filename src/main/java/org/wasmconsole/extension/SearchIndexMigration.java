package org.wasmconsole.extension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration V14 (Java, because the two databases need different things; Spring Boot hands Flyway every
 * {@link JavaMigration} bean): the index of the catalogue's text filter ({@link ExtensionSearch}).
 * <ul>
 * <li>Both: the table {@code extension_search_gram}, which Hibernate validates (it stays empty on PostgreSQL).</li>
 * <li>H2: fills it with the trigrams of every existing extension.</li>
 * <li>PostgreSQL: {@code create extension if not exists pg_trgm} (a trusted extension since PostgreSQL 13: the
 * database owner may create it; on older servers it needs a superuser) and a GIN index on
 * {@code search_text}. If the extension cannot be created (not installed, no privilege), the migration
 * logs a warning and goes on: the text filter then scans, with the same results. A DBA can add both later
 * with the two statements below.</li>
 * </ul>
 */
@Component
class SearchIndexMigration implements JavaMigration {

    static final String CREATE_EXTENSION = "create extension if not exists pg_trgm";
    static final String CREATE_INDEX = "create index if not exists ix_extension_search_trgm on wasm_extension"
            + " using gin (search_text gin_trgm_ops)";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMigration.class);
    private static final int BATCH = 5_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "search index";
    }

    @Override
    public Integer getChecksum() {
        return 14;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("create table extension_search_gram (gram bigint not null, extension_id bigint not null,"
                    + " primary key (gram, extension_id))");
        }
        if (ExtensionSearch.usesTrigramTable(c)) {
            fillTrigramTable(c);
        } else {
            createTrigramIndex(c);
        }
    }

    private static void fillTrigramTable(Connection c) throws SQLException {
        try (Statement read = c.createStatement();
             ResultSet rs = read.executeQuery("select id, search_text from wasm_extension");
             PreparedStatement insert = c.prepareStatement(
                     "insert into extension_search_gram (gram, extension_id) values (?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                long id = rs.getLong(1);
                for (long gram : SearchGrams.of(rs.getString(2))) {
                    insert.setLong(1, gram);
                    insert.setLong(2, id);
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static void createTrigramIndex(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_EXTENSION);
            s.execute(CREATE_INDEX);
        } catch (SQLException e) {
            c.rollback(before);
            log.warn("The catalogue's text filter gets no index: the PostgreSQL extension pg_trgm could not be"
                    + " created ({}). Searches scan the extensions table (same results, slower at 100,000s of"
                    + " extensions). As a database superuser, run: {}; {};", e.getMessage(), CREATE_EXTENSION,
                    CREATE_INDEX);
        }
    }
}
