package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.tenant.TenantService;

/**
 * Issue #23: the catalogue's text filter sees every write as soon as it is committed (H2: the in-memory
 * {@link ExtensionTextIndex} is kept by the commits; PostgreSQL: the pg_trgm index of migration V14), a transaction
 * sees its own writes and a rollback leaves nothing behind. {@link ExtensionSearchEquivalenceTest} compares the
 * results with the plain filter over generated data.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionSearchWritesTest {

    static final String ORG = "search-writes";

    @Autowired
    ExtensionService service;
    @Autowired
    TenantService tenants;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExtensionTextIndex textIndex;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    void organization() {
        textIndex.rebuild(); // as at start, so that the writes below reach it through the commits
        asSystem(() -> tenants.createOrganization(ORG, null));
    }

    @Test
    void aCreatedUpdatedOrDeletedExtensionIsFoundOrNotRightAfterTheCommit() {
        ExtensionFilter first = new ExtensionFilter(ORG, "Zwiebelkuchen", null, null, null);
        ExtensionFilter second = new ExtensionFilter(ORG, "quarkstrudel", null, null, null);
        ExtensionDefinition created = ExtensionDefinition.builder().organization(ORG).name("fresh")
                .url("oci://registry.example.com/fresh:1.0").description("Bakes a zwiebelkuchen.").build();
        StoredExtension stored = asSystem(() -> service.create(created));
        assertThat(names(first)).containsExactly("fresh");
        assertThat(names(second)).isEmpty();

        asSystem(() -> service.update(created.toBuilder().description("Bakes a Quarkstrudel.").build(),
                stored.etag()));
        assertThat(names(first)).isEmpty();
        assertThat(names(second)).containsExactly("fresh");

        asSystem(() -> service.delete(ORG, "fresh", null));
        assertThat(names(second)).isEmpty();
    }

    @Test
    void aTransactionFindsWhatItWroteAndARollbackLeavesNothing() {
        ExtensionFilter filter = new ExtensionFilter(ORG, "Pflaumenmus", null, null, null);
        ExtensionDefinition d = ExtensionDefinition.builder().organization(ORG).name("rolled-back")
                .url("oci://registry.example.com/rolled:1.0").summary("Pflaumenmus").build();
        List<String> inside = asSystem(() -> new TransactionTemplate(transactionManager)
                .execute(status -> {
            service.create(d);
            List<String> found = names(filter);
            status.setRollbackOnly(); // as apply's dry run does
            return found;
        }));
        assertThat(inside).containsExactly("rolled-back");
        assertThat(names(filter)).isEmpty();
        if (h2()) {
            assertThat(textIndex.candidateIds("Pflaumenmus")).isEmpty();
        }
    }

    private List<String> names(ExtensionFilter filter) {
        List<String> listed = asSystem(() -> service.list(filter, PageRequest.of(0, 100))).stream()
                .map(ExtensionSummary::name).toList();
        assertThat(asSystem(() -> service.count(filter))).isEqualTo(listed.size());
        return listed;
    }


    @Test
    void postgresqlHasTheTrigramIndexAndUsesItForTheFilter() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(product)) {
            return; // H2 has no substring index (SearchIndexMigration says why)
        }
        assertThat(jdbc.queryForList("select indexname from pg_indexes where tablename = 'wasm_extension'",
                String.class)).contains("ix_extension_search_trgm");
        String plan = String.join("\n", jdbc.execute((java.sql.Connection c) -> {
            // A test database is small: without this the planner rightly prefers a scan.
            try (var s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                try (var rs = s.executeQuery("explain select count(*) from wasm_extension"
                        + " where search_text like '%rate limit%'")) {
                    List<String> lines = new ArrayList<>();
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                    return lines;
                } finally {
                    s.execute("reset enable_seqscan");
                }
            }
        }));
        assertThat(plan).contains("ix_extension_search_trgm");
    }

    private boolean h2() {
        return "H2".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }
}
