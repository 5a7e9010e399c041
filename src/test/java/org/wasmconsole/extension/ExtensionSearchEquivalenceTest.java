package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wasmconsole.ConsoleTest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.SignedIn;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * Issue #23: the catalogue's text filter (PostgreSQL: answered from the pg_trgm index of migration V14; H2:
 * narrowed by the in-memory {@link ExtensionTextIndex}, kept current by the writes below)
 * gives exactly what the plain filter gives, a {@code LIKE '%text%'} on the lower-cased search text, over generated extensions (created, then some edited and some deleted through the service) and generated queries: 1 to 2
 * characters, {@code %}, {@code _}, backslashes, unicode, mixed case, surrounding blanks, line breaks.
 * {@link ExtensionSearchWritesTest}: each write is seen right after its commit.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionSearchEquivalenceTest {

    static final String ORG = "search-eq";
    /** Few distinct characters, so that random queries often match; specials and non-ASCII among them. */
    static final String ALPHABET = "abcABC xyzé%_\\-./:İßΣσ日本😀ab";

    @Autowired
    ExtensionService service;
    @Autowired
    TenantService tenants;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExtensionTextIndex textIndex;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    static final String OPERATOR_ONE = "search-eq-op-one";
    static final String OPERATOR_BOTH = "search-eq-op-both";
    long tenantOne;
    long tenantTwo;

    final Random random = new Random(23);
    final List<String> texts = new ArrayList<>();

    @BeforeAll
    void generate() {
        // Built before the writes (as at start), so that the writes below reach it through the commits.
        textIndex.rebuild();
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            tenantOne = tenants.create(ORG, "one", null).id();
            tenantTwo = tenants.create(ORG, "two", null).id();
            users.create(OPERATOR_ONE, "operator-password-one", Role.TENANT_OPERATOR, Set.of(tenantOne));
            users.create(OPERATOR_BOTH, "operator-password-both", Role.TENANT_OPERATOR, Set.of(tenantOne, tenantTwo));
            for (int i = 0; i < 240; i++) {
                ExtensionDefinition d = randomDefinition("g-" + i, i);
                service.create(d);
            }
            // Every kind of write keeps the index: edits of the searched fields, edits of others, deletions.
            for (int i = 0; i < 240; i += 3) {
                StoredExtension current = service.get(ORG, "g-" + i);
                ExtensionDefinition edited = i % 2 == 0
                        ? randomDefinition("g-" + i, i + 1000)
                        : current.definition().toBuilder().priority(i).build();
                service.update(edited, current.etag());
            }
            for (int i = 1; i < 240; i += 10) {
                service.delete(ORG, "g-" + i, null);
            }
        });
        jdbc.queryForList("select search_text from wasm_extension where organization_name = ?", String.class, ORG)
                .forEach(texts::add);
    }

    private ExtensionDefinition randomDefinition(String name, int i) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://registry.example.com/" + word(3, 8).replaceAll("[^a-z]", "q").toLowerCase()
                        + "q:1.0")
                .displayName(random.nextInt(4) == 0 ? null : word(1, 30).replace("\n", " "))
                .summary(random.nextInt(3) == 0 ? null : word(0, 60).replace("\n", " "))
                .description(random.nextInt(5) == 0 ? null : word(0, 200) + (i % 7 == 0 ? "\nrate limit\n" : ""))
                .allowedIn(switch (i % 8) {
                    case 0, 4 -> List.of("organizations/" + ORG + "/tenants/one");
                    case 1, 5 -> List.of("organizations/" + ORG + "/tenants/two");
                    case 2 -> List.of("organizations/" + ORG + "/tenants/one", "organizations/" + ORG + "/tenants/two");
                    default -> List.of();
                })
                // sort keys with ties, so that the default order (phase, priority down, name) matters
                .phase(PluginPhase.values()[i % PluginPhase.values().length]).priority(i % 5 - 2)
                .imagePullPolicy(i % 3 == 0 ? null : PullPolicy.values()[i % PullPolicy.values().length])
                .build();
    }

    private String word(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int at = random.nextInt(ALPHABET.length());
            int cp = ALPHABET.codePointAt(at);
            if (Character.isLowSurrogate(ALPHABET.charAt(at))) {
                continue;
            }
            sb.appendCodePoint(random.nextInt(40) == 0 ? '\n' : cp);
        }
        return sb.toString();
    }

    private List<String> queries() {
        List<String> queries = new ArrayList<>(List.of("a", "A", "%", "_", "\\", "%%", "_a", "a_", "\\%", " ",
                "é", "É", "ß", "σ", "Σ", "İ", "i̇", "日", "😀", "rate limit", "RATE LIMIT", "  rate  ", "ate li",
                "oci://", "registry.example.com", "q:1.0", "g-1", "ab", "xyz", "nothing-like-this", "\n"));
        for (int k = 0; k < 240; k++) {
            if (k % 2 == 0) {
                String text = texts.get(random.nextInt(texts.size()));
                int length = 1 + random.nextInt(Math.min(8, text.length()));
                int start = random.nextInt(text.length() - length + 1);
                String part = text.substring(start, start + length);
                queries.add(random.nextBoolean() ? part.toUpperCase(java.util.Locale.ROOT) : part);
            } else {
                queries.add(word(1, 6));
            }
        }
        return queries;
    }

    @Test
    void theIndexedFilterFindsWhatThePlainLikeFinds() {
        Map<String, Integer> matches = new HashMap<>();
        int narrowed = 0;
        for (String q : queries()) {
            if (q.isBlank()) {
                continue; // a blank filter is no filter
            }
            narrowed += textIndex.candidateIds(q) != null ? 1 : 0;
            for (String tenant : new String[] {null, "organizations/" + ORG + "/tenants/one"}) {
                ExtensionFilter filter = new ExtensionFilter(ORG, q, null, null, tenant);
                List<String> expected = plainLike(q, tenant != null);
                List<String> listed = asSystem(() -> service.list(filter, PageRequest.of(0, 1000))).stream()
                        .map(ExtensionSummary::name).sorted().toList();
                long counted = asSystem(() -> service.count(filter));
                assertThat(listed).as("list for %s, tenant %s", q, tenant).isEqualTo(expected);
                assertThat(counted).as("count for %s, tenant %s", q, tenant).isEqualTo(expected.size());
                matches.merge(tenant == null ? "any" : "tenant", expected.size(), Integer::sum);
            }
        }
        // The generated data and queries really exercise the filter: many matches, with and without a tenant.
        assertThat(matches.get("any")).isGreaterThan(2000);
        assertThat(matches.get("tenant")).isGreaterThan(200);
        if (h2()) {
            // On H2 most of these queries went through the index (the others: under 3 chars).
            assertThat(narrowed).isGreaterThan(100);
        }
    }

    /**
     * Pages in the default order come from the index's sorted candidates on H2 (checked a chunk at a time) and
     * must be the database's pages: every caller (admin, operator of one tenant, of two), with and without a
     * tenant and a phase filter, first and later pages, and the other orders the grid offers (which the index
     * leaves to the database).
     */
    @Test
    void pagesAndCountsInEveryOrderAreThoseOfThePlainFilter() {
        List<String> queries = new ArrayList<>(List.of("rate limit", "RATE", "oci://", "registry.example.com",
                "q:1.0", "abc", "xyz", "nothing-like-this", "g-1"));
        queries.addAll(queries().subList(31, 51));
        List<Sort> sorts = List.of(Sort.unsorted(), Sort.by(Sort.Order.asc("phase"), Sort.Order.desc("priority"),
                Sort.Order.asc("name")), Sort.by(Sort.Order.desc("name")), Sort.by("priority"),
                Sort.by(Sort.Order.desc("phase")), Sort.by("updatedAt"));
        int compared = 0;
        int nonEmptyLaterPages = 0;
        int served = 0;
        for (String caller : new String[] {null, OPERATOR_ONE, OPERATOR_BOTH}) {
            for (String q : queries) {
                if (q.isBlank()) {
                    continue;
                }
                for (String tenant : new String[] {null, "one", "two"}) {
                    for (PluginPhase phase : new PluginPhase[] {null, PluginPhase.AUTHZ}) {
                        ExtensionFilter filter = new ExtensionFilter(ORG, q, phase, null,
                                tenant == null ? null : "organizations/" + ORG + "/tenants/" + tenant);
                        served += textIndex.sortedMatches(q, ORG, phase, new org.wasmconsole.security.Viewer(
                                "admin", true, Set.of()), null) != null ? 1 : 0;
                        // an operator's filter by a tenant not theirs matches nothing
                        List<String> all = OPERATOR_ONE.equals(caller) && "two".equals(tenant) ? List.of()
                                : plainOrdered(q, caller, tenant, phase);
                        assertThat(as(caller, () -> service.count(filter))).as("count %s %s %s %s", caller, q, tenant,
                                phase).isEqualTo(all.size());
                        for (Sort sort : sorts) {
                            for (int[] page : new int[][] {{0, 7}, {2, 7}, {0, 50}, {1, 3}}) {
                                if (!sort.isUnsorted() && !sort.equals(sorts.get(1)) && page[0] != 0) {
                                    continue; // other orders: the database sorts, as before; one page suffices
                                }
                                List<String> listed = as(caller, () -> service.list(filter,
                                        PageRequest.of(page[0], page[1], sort))).stream()
                                        .map(ExtensionSummary::name).toList();
                                List<String> expected = sort.isUnsorted() || sort.equals(sorts.get(1))
                                        ? all.subList(Math.min(all.size(), page[0] * page[1]),
                                                Math.min(all.size(), (page[0] + 1) * page[1]))
                                        : all.isEmpty() ? all : plainOrderedBy(q, caller, tenant, phase, sort, page[1]);
                                assertThat(listed).as("page %s of %s for %s, %s, %s, %s, %s", page[0], page[1],
                                        caller, q, tenant, phase, sort).isEqualTo(expected);
                                nonEmptyLaterPages += page[0] > 0 && !listed.isEmpty() ? 1 : 0;
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5000);
        if (h2()) { // most went through the index's sorted candidates (the others: under 3 chars)
            assertThat(served).isGreaterThan(150);
        }
        assertThat(nonEmptyLaterPages).isGreaterThan(200);
    }

    /**
     * A filter with a part the index does not keep (the pull policy) is not decided by it alone: the index's sorted
     * candidates are checked by the database a chunk at a time, and must give the database's pages and counts too.
     */
    @Test
    void aFilterWithPartsTheIndexDoesNotKeepIsCheckedByTheDatabase() {
        List<String> queries = new ArrayList<>(List.of("rate limit", "RATE", "oci://", "abc", "xyz", "g-1"));
        queries.addAll(queries().subList(31, 41));
        int compared = 0;
        int nonEmpty = 0;
        for (String caller : new String[] {null, OPERATOR_ONE}) {
            for (String q : queries) {
                if (q.isBlank()) {
                    continue;
                }
                for (String tenant : new String[] {null, "one"}) {
                    for (PullPolicy policy : PullPolicy.values()) {
                        ExtensionFilter filter = new ExtensionFilter(ORG, q, null, policy,
                                tenant == null ? null : "organizations/" + ORG + "/tenants/" + tenant);
                        List<String> all = plainOrderedBy(q, caller, tenant, null, policy, null, Integer.MAX_VALUE);
                        assertThat(as(caller, () -> service.count(filter))).as("count %s %s %s %s", caller, q,
                                tenant, policy).isEqualTo(all.size());
                        for (int[] page : new int[][] {{0, 7}, {1, 3}}) {
                            List<String> listed = as(caller, () -> service.list(filter,
                                    PageRequest.of(page[0], page[1]))).stream().map(ExtensionSummary::name).toList();
                            assertThat(listed).as("page %s of %s for %s, %s, %s, %s", page[0], page[1], caller, q,
                                    tenant, policy).isEqualTo(all.subList(Math.min(all.size(), page[0] * page[1]),
                                    Math.min(all.size(), (page[0] + 1) * page[1])));
                            nonEmpty += listed.isEmpty() ? 0 : 1;
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(nonEmpty).isGreaterThan(40);
    }

    /**
     * Over the text budget ({@code console.search.index.max-text-mib}) the index keeps no more texts: a filter whose
     * candidates include an extension without its text is checked by the database, with the same results.
     */
    @Test
    void overTheTextBudgetTheDatabaseChecksWithTheSameResults() {
        long all = textIndex.textBytes();
        try {
            int compared = 0;
            for (long budget : new long[] {all / 2, 0}) {
                textIndex.maxTextBytes(budget);
                textIndex.rebuild();
                assertThat(textIndex.textBytes()).isLessThanOrEqualTo(budget);
                if (budget == 0) { // no text kept: nothing is decided by the index alone
                    org.wasmconsole.security.Viewer admin = new org.wasmconsole.security.Viewer("admin", true, Set.of());
                    assertThat(textIndex.sortedMatches("rate limit", ORG, null, admin, null)).isNull();
                } else {
                    assertThat(textIndex.textBytes()).isPositive();
                }
                for (String caller : new String[] {null, OPERATOR_BOTH}) {
                    for (String q : List.of("rate limit", "RATE", "oci://", "abc", "xyz", "nothing-like-this")) {
                        for (String tenant : new String[] {null, "one"}) {
                            ExtensionFilter filter = new ExtensionFilter(ORG, q, null, null,
                                    tenant == null ? null : "organizations/" + ORG + "/tenants/" + tenant);
                            List<String> expected = plainOrdered(q, caller, tenant, null);
                            assertThat(as(caller, () -> service.count(filter))).as("count %s %s %s", caller, q, tenant)
                                    .isEqualTo(expected.size());
                            List<String> listed = as(caller, () -> service.list(filter, PageRequest.of(0, 7))).stream()
                                    .map(ExtensionSummary::name).toList();
                            assertThat(listed).isEqualTo(expected.subList(0, Math.min(7, expected.size())));
                            compared++;
                        }
                    }
                }
            }
            assertThat(compared).isEqualTo(48);
        } finally {
            textIndex.maxTextBytes(128L * 1024 * 1024);
            textIndex.rebuild();
        }
        assertThat(textIndex.textBytes()).isEqualTo(all);
    }

    private <T> T as(String caller, Supplier<T> work) {
        return caller == null ? asSystem(work) : SignedIn.as(userDetails, caller, work);
    }

    /** The plain filter in the default order (phase, priority down, name), by hand in SQL. */
    private List<String> plainOrdered(String q, String caller, String tenant, PluginPhase phase) {
        return plainOrderedBy(q, caller, tenant, phase, null, null, Integer.MAX_VALUE);
    }

    private List<String> plainOrderedBy(String q, String caller, String tenant, PluginPhase phase, Sort sort,
                                        int limit) {
        return plainOrderedBy(q, caller, tenant, phase, null, sort, limit);
    }

    private List<String> plainOrderedBy(String q, String caller, String tenant, PluginPhase phase, PullPolicy policy,
                                        Sort sort, int limit) {
        String pattern = "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        List<Object> args = new ArrayList<>(List.of(ORG, pattern));
        StringBuilder sql = new StringBuilder("select e.name from wasm_extension e where e.organization_name = ?"
                + " and e.search_text like ? escape '\\'");
        if (caller != null) {
            List<String> mine = caller.equals(OPERATOR_ONE) ? List.of("one") : List.of("one", "two");
            sql.append(available(mine));
        }
        if (tenant != null) {
            sql.append(available(List.of(tenant)));
        }
        if (phase != null) {
            sql.append(" and e.phase = ?");
            args.add(phase.name());
        }
        if (policy != null) {
            sql.append(" and e.effective_pull_policy = ?");
            args.add(policy.name());
        }
        if (sort == null) {
            sql.append(" order by e.phase, e.priority desc, e.name");
        } else {
            Sort.Order o = sort.iterator().next();
            String column = switch (o.getProperty()) {
                case "updatedAt" -> "e.updated_at";
                default -> "e." + o.getProperty();
            };
            sql.append(" order by ").append(column).append(o.isAscending() ? "" : " desc");
            if (!o.getProperty().equals("name")) {
                sql.append(", e.name");
            }
        }
        if (limit != Integer.MAX_VALUE) {
            sql.append(" fetch first ").append(limit).append(" rows only");
        }
        return jdbc.queryForList(sql.toString(), String.class, args.toArray());
    }

    private static String available(List<String> tenantNames) {
        return " and (e.all_tenants or exists (select 1 from extension_allowed_tenant a join tenant t on t.id ="
                + " a.tenant_id where a.extension_id = e.id and t.organization_name = e.organization_name and t.name in ("
                + String.join(", ", tenantNames.stream().map(n -> "'" + n + "'").toList()) + ")))";
    }

    private boolean h2() {
        return "H2".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
    }

    /** Today's filter, as it was written before the index: LIKE on the lower-cased search text. */
    private List<String> plainLike(String q, boolean tenantOne) {
        String pattern = "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        String tenantPart = tenantOne ? " and (e.all_tenants or exists (select 1 from extension_allowed_tenant a"
                + " join tenant t on t.id = a.tenant_id where a.extension_id = e.id and t.name = 'one'"
                + " and t.organization_name = e.organization_name))" : "";
        return jdbc.queryForList("select e.name from wasm_extension e where e.organization_name = ?"
                + " and e.search_text like ? escape '\\'" + tenantPart + " order by e.name", String.class, ORG, pattern)
                .stream().sorted().toList();
    }
}
