package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.ConsoleTest;

/**
 * The History view's resource text filter reads the distinct resource names through their index and the records
 * of the matching names (issue #23): it must find exactly what matching the text against every record's name
 * finds, on both databases, for texts with case, unicode and LIKE's own characters in them.
 */
@ConsoleTest
@Transactional // the generated records are rolled back
class AuditResourceFilterTest {

    private static final String[] PARTS = {"Rate-Limit", "rate_limit", "RATE%LIMIT", "auth\\z", "Äpfel", "straße",
            "İstanbul", "x00129-guard", "X00129-GUARD", "tenants/Team-07", "ünicode_ü", "a_b%c", "", "  spaced  "};

    @Autowired
    AuditRecordRepository records;
    @Autowired
    AuditResourceNames knownNames;

    @Test
    void the_names_found_through_the_index_select_the_records_the_scan_selects() {
        // Loaded before the records below are written (as at start): their names reach it through save.
        knownNames.reload();
        Random random = new Random(23);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = random.nextInt(15) == 0 ? null : "zq-names/" + PARTS[random.nextInt(PARTS.length)]
                    + "/" + PARTS[random.nextInt(PARTS.length)] + (random.nextBoolean() ? "" : "-" + random.nextInt(40));
            names.add(name);
            AuditAction action = AuditAction.values()[random.nextInt(AuditAction.values().length)];
            records.save(new AuditRecord(start.plusSeconds(i / 3), "zq-user-" + random.nextInt(3), action,
                    AuditResourceType.EXTENSION, "zq-org", name, "s", null, null, null));
        }
        Set<String> texts = new LinkedHashSet<>(List.of("zq-names", "rate", "RATE", "rate-limit", "rate_limit",
                "_", "%", "\\", "%limit", "a_b", "a%b", "äpfel", "ÄPFEL", "STRASSE", "straße", "i̇stanbul", "istanbul",
                "x00129", "team-07", "/", "  ", "-3", "-39", "no such name", "ü", "Ü"));
        for (String name : names) {
            if (name != null) { // pieces of the stored names, in their case and in upper case
                int from = random.nextInt(name.length());
                String piece = name.substring(from, Math.min(name.length(), from + 1 + random.nextInt(8)));
                texts.add(piece);
                texts.add(piece.toUpperCase(java.util.Locale.ROOT));
            }
        }
        int compared = 0;
        for (String text : texts) {
            for (AuditFilter filter : List.of(new AuditFilter(null, text, null, null, null),
                    new AuditFilter("zq-user-1", text, null, null, null, true),
                    new AuditFilter(null, text, AuditAction.UPDATE, start, start.plusSeconds(60)))) {
                List<String> found = records.resourceNames(filter);
                assertThat(found).as("names matching %s", text).isNotNull();
                // The names kept in memory (a superset of the records' names) find every name the database's
                // distinct names find; any other is one no record has (rolled back in another test): no records.
                List<String> fromDatabase = records.resourceNamesFromDatabase(filter);
                assertThat(found).as("names in memory matching %s", text).containsAll(fromDatabase);
                List<String> extra = new ArrayList<>(found);
                extra.removeAll(fromDatabase);
                assertThat(extra.isEmpty() ? 0 : records.count(new AuditFilter(null, text, null, null, null), extra)).as("records of %s", extra).isZero();
                assertThat(records.count(filter)).as("count of %s", filter)
                        .isEqualTo(records.count(filter, null));
                assertThat(records.list(filter, PageRequest.of(0, 1000)))
                        .as("records of %s", filter).isEqualTo(records.list(filter, PageRequest.of(0, 1000), null));
                assertThat(records.list(filter, PageRequest.of(1, 7)))
                        .as("second page of %s", filter).isEqualTo(records.list(filter, PageRequest.of(1, 7), null));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
        // The comparison means something: the generated names are found, and a text found nowhere finds nothing.
        assertThat(records.count(new AuditFilter(null, "ZQ-NAMES/", null, null, null)))
                .isEqualTo(names.stream().filter(java.util.Objects::nonNull).count());
        assertThat(records.resourceNames(new AuditFilter(null, "no such name", null, null, null))).isEmpty();
        // Names with letters Java and the database may lower-case differently are matched by the database.
        assertThat(records.resourceNames(new AuditFilter(null, "äPFEL", null, null, null)))
                .isNotEmpty().allMatch(n -> n.contains("Äpfel"));
    }
}
