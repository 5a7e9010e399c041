package org.wasmconsole.extension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ConsoleMigration;

/**
 * Migration V14 (Java, because only PostgreSQL gets it; Spring Boot hands Flyway every {@code JavaMigration}
 * bean): an index for the catalogue's text filter, {@code search_text LIKE '%…%'} (issue #23).
 * <ul>
 * <li>PostgreSQL: {@code create extension if not exists pg_trgm} (a trusted extension since PostgreSQL 13:
 * the database owner may create it; older servers need a superuser) and a GIN trigram index on
 * {@code search_text}, which the planner uses for {@code LIKE '%…%'} by itself (same query, same results).
 * If the extension cannot be created (contrib not installed, no privilege) the migration logs a warning
 * and goes on: the filter then scans, as before. A DBA can add both later with the two statements below.</li>
 * <li>H2: nothing. H2 has no substring index; a trigram table kept in step on every write was tried and
 * measured (issue #23 report): ~380 rows per extension, which multiplies the cost of every write (an
 * apply of 10,000 documents would write 3.8 million index rows); H2 gets an in-memory index instead
 * ({@link ExtensionTextIndex}).</li>
 * </ul>
 */
@Component
class SearchIndexMigration extends ConsoleMigration {

    static final String CREATE_EXTENSION = "create extension if not exists pg_trgm";
    static final String CREATE_INDEX = "create index if not exists ix_extension_search_trgm on wasm_extension"
            + " using gin (search_text gin_trgm_ops)";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexMigration.class);

    SearchIndexMigration() {
        super(14, "search index");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            createTrigramIndex(c);
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
