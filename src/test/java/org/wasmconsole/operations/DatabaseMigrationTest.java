package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.wasmconsole.ConsoleTest;

/**
 * Runs on each supported database (H2, and PostgreSQL in the "postgres" surefire run): the one set
 * of Flyway migrations applies completely, and Hibernate accepts the resulting schema.
 */
@ConsoleTest
class DatabaseMigrationTest {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    /** Java migrations (where the databases need different statements), handed to Flyway as beans. */
    @Autowired
    java.util.List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations;

    @Value("${spring.jpa.hibernate.ddl-auto}")
    String ddlAuto;

    @Value("${TEST_DATASOURCE_URL:}")
    String requestedUrl;

    @Test
    void everyMigrationWasAppliedSuccessfully() throws IOException {
        String[] files = java.util.stream.Stream.concat(Arrays.stream(migrationVersionsOnTheClasspath()),
                        javaMigrations.stream().map(m -> m.getVersion().getVersion()))
                .sorted((a, b) -> org.flywaydb.core.api.MigrationVersion.fromVersion(a)
                        .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b)))
                .toArray(String[]::new);
        assertThat(files).as("migration files in db/migration").isNotEmpty();

        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).allSatisfy(m -> assertThat(m.getState().isFailed()).as(m.getScript()).isFalse());
        assertThat(Arrays.stream(applied).map(m -> m.getVersion().getVersion()))
                .containsExactly(files);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void hibernateValidatedTheSchemaInsteadOfCreatingIt() {
        // The context only starts when validation passed; "validate" makes that a real check.
        assertThat(ddlAuto).isEqualTo("validate");
        assertThat(entityManagerFactory.isOpen()).isTrue();
    }

    @Test
    void theTestsRunOnTheRequestedDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (requestedUrl.startsWith("jdbc:postgresql:")) {
                assertThat(product).isEqualTo("PostgreSQL");
            } else {
                assertThat(requestedUrl).isEmpty();
                assertThat(product).isEqualTo("H2");
            }
        }
    }

    /** The versions of src/main/resources/db/migration/V*.sql, in Flyway's order. */
    private static String[] migrationVersionsOnTheClasspath() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql");
        return Arrays.stream(resources)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .map(VERSIONED::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1).replace('_', '.'))
                .sorted((a, b) -> org.flywaydb.core.api.MigrationVersion.fromVersion(a)
                        .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b)))
                .toArray(String[]::new);
    }
}
