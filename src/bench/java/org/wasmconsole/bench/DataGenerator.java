package org.wasmconsole.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic, realistic extensions (extension number i always gives the same definition) and a
 * batch-JDBC writer that fills the console's tables with them exactly as {@code WasmExtension.apply}
 * would (derived columns included), which is some 50x faster than the service one by one. The
 * service reads a sample of them back once per run ({@link DbBench#verify}) to prove they are
 * equivalent.
 */
final class DataGenerator {

    static final String ORGANIZATION = "tse";
    static final int TENANTS = 20;
    /** Every tenth description mentions it: the text filter of the grid benchmark. */
    static final String FILTER_TEXT = "rate limit";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] WORDS = ("authz auth jwt oidc header rewrite cache cors csrf waf coraza geoip "
            + "canary shadow retry circuit breaker metrics stats tracing audit redact mask pii gzip brotli "
            + "quota billing tenant routing sticky session cookie bot detect signature verify hmac mtls spiffe "
            + "lua grpc json transcoder schema validate openapi graphql depth limiter deny allow list ip "
            + "country block log sample debug trace inject baggage locale translate image resize webhook "
            + "notify kafka publish queue replay fault delay abort chaos").split(" ");
    private static final String[] PROSE = ("the filter inspects every request before it reaches the upstream "
            + "service and adds a header with the decision so that downstream services can trust it without "
            + "repeating the work it keeps its state in the proxy and needs no sidecar of its own the "
            + "configuration below is read once when the module starts and changes need a new revision of "
            + "the extension operators should watch the counters it exports and roll back when errors grow "
            + "requests that fail the check are answered directly by the proxy with a clear status code "
            + "and body the module is written in rust compiled to wasm and tested against envoy releases")
            .split(" ");

    private DataGenerator() {
    }

    static String tenantName(int t) {
        return String.format("team-%02d", t);
    }

    static String tenantFqn(int t) {
        return "organizations/" + ORGANIZATION + "/tenants/" + tenantName(t);
    }

    static String name(int i) {
        return String.format("x%06d-%s", i, WORDS[i % WORDS.length]);
    }

    /** Extension number i (0-based) as a valid definition; {@code prefix} gives other names (apply). */
    static ExtensionDefinition definition(int i, String prefix) {
        Random r = new Random(31L * i + 7);
        String word = WORDS[i % WORDS.length];
        String word2 = WORDS[r.nextInt(WORDS.length)];
        String name = prefix == null ? name(i) : prefix + name(i);
        String team = tenantName(1 + r.nextInt(TENANTS));
        String version = (1 + r.nextInt(3)) + "." + r.nextInt(20) + "." + r.nextInt(10);
        int kind = r.nextInt(10);
        String url;
        if (kind < 6) {
            url = "oci://registry.example.com/" + team + "/" + word + "-" + word2 + ":" + version;
        } else if (kind < 7) {
            byte[] digest = new byte[32];
            r.nextBytes(digest);
            url = "oci://registry.example.com/" + team + "/" + word + "@sha256:" + HexFormat.of().formatHex(digest);
        } else if (kind < 8) {
            url = "oci://registry.example.com/" + team + "/" + word + "-" + word2;
        } else {
            url = "https://downloads.example.com/wasm/" + word + "-" + word2 + "-" + version + ".wasm";
        }
        StringBuilder description = new StringBuilder("## ").append(capital(word)).append(' ')
                .append(word2).append("\n\n");
        int target = 250 + r.nextInt(350);
        while (description.length() < target) {
            int len = 8 + r.nextInt(12);
            int start = r.nextInt(PROSE.length - len);
            description.append(capital(String.join(" ", List.of(PROSE).subList(start, start + len)))).append(". ");
        }
        if (i % 10 == 3) {
            description.append("\n\nToken bucket rate limiting per route, with `").append(word).append("` keys.");
        }
        description.append("\n\n- owner: ").append(team).append("\n- since: ").append(version);
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("logLevel", r.nextBoolean() ? "info" : "debug");
        config.put("timeoutMs", 100 + r.nextInt(900));
        ArrayNode routes = config.putArray("routes");
        for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
            ObjectNode route = routes.addObject();
            route.put("prefix", "/api/v" + (1 + k) + "/" + WORDS[r.nextInt(WORDS.length)]);
            route.put("limit", 10 * (1 + r.nextInt(100)));
            route.put("enabled", r.nextInt(5) != 0);
        }
        config.putObject("headers").put("x-team", team).put("x-extension", word);
        List<EnvVar> env = new ArrayList<>();
        env.add(EnvVar.inline("LOG_LEVEL", r.nextBoolean() ? "info" : "warn"));
        env.add(EnvVar.inline("REGION", r.nextBoolean() ? "eu-west-1" : "us-east-2"));
        if (r.nextBoolean()) {
            env.add(EnvVar.inline("FEATURE_" + word.toUpperCase(Locale.ROOT), "on"));
        }
        if (r.nextInt(3) == 0) {
            env.add(EnvVar.host("POD_IP"));
        }
        List<String> allowed = new ArrayList<>();
        if (r.nextInt(100) >= 15) {
            Set<Integer> picked = new LinkedHashSet<>();
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) {
                picked.add(1 + r.nextInt(TENANTS));
            }
            picked.forEach(t -> allowed.add(tenantFqn(t)));
        }
        PullPolicy[] policies = PullPolicy.values();
        return ExtensionDefinition.builder()
                .organization(ORGANIZATION)
                .name(name)
                .displayName(capital(word) + " " + word2 + " " + i)
                .summary(capital(word) + " " + word2 + " filter for " + team + ", version " + version + ".")
                .url(url)
                .source(r.nextBoolean() ? "https://git.example.com/" + team + "/" + word + "-" + word2 : null)
                .description(description.toString())
                .phase(PluginPhase.values()[r.nextInt(PluginPhase.values().length)])
                .priority(r.nextInt(2000))
                .config(config)
                .imagePullPolicy(policies[r.nextInt(policies.length)])
                .imagePullSecret(url.startsWith("oci://") && r.nextInt(3) == 0 ? "regcred" : null)
                .env(env)
                .matchMode(WorkloadMode.values()[r.nextInt(WorkloadMode.values().length)])
                .allowedIn(allowed)
                .build();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Inserts extensions number from..to-1 in batches, one transaction per batch. */
    static void fill(Connection c, int from, int to) throws SQLException {
        c.setAutoCommit(false);
        long organizationId;
        Map<String, Long> tenantIds = new java.util.HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id from organization where name = '" + ORGANIZATION + "'")) {
                rs.next();
                organizationId = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("select id, name from tenant where organization_name = '"
                    + ORGANIZATION + "'")) {
                while (rs.next()) {
                    tenantIds.put(Tenants.fqn(rs.getString(2)), rs.getLong(1));
                }
            }
        }
        long firstId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(max(id), 0) from wasm_extension")) {
            rs.next();
            firstId = rs.getLong(1) + 1;
        }
        String insertExtension = "insert into wasm_extension (id, organization_id, organization_name, name,"
                + " display_name, summary, url, source, description, phase, priority, image_pull_policy,"
                + " effective_pull_policy, image_pull_secret, match_mode, config_json, all_tenants, search_text,"
                + " etag, version, created_at, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)";
        String insertEnv = "insert into extension_env (extension_id, position, name, value_from, env_value)"
                + " values (?, ?, ?, ?, ?)";
        String insertTenant = "insert into extension_allowed_tenant (extension_id, position, tenant_id)"
                + " values (?, ?, ?)";
        Random etags = new Random(from);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try (PreparedStatement ext = c.prepareStatement(insertExtension);
             PreparedStatement env = c.prepareStatement(insertEnv);
             PreparedStatement ten = c.prepareStatement(insertTenant)) {
            long id = firstId;
            for (int i = from; i < to; i++, id++) {
                ExtensionDefinition d = definition(i, null);
                int p = 1;
                ext.setLong(p++, id);
                ext.setLong(p++, organizationId);
                ext.setString(p++, d.organization());
                ext.setString(p++, d.name());
                ext.setString(p++, d.displayName());
                ext.setString(p++, d.summary());
                ext.setString(p++, d.url());
                ext.setString(p++, d.source());
                ext.setString(p++, d.description());
                ext.setString(p++, d.phase().name());
                ext.setInt(p++, d.priority());
                ext.setString(p++, d.imagePullPolicy().name());
                ext.setString(p++, d.effectivePullPolicy().name());
                ext.setString(p++, d.imagePullSecret());
                ext.setString(p++, d.matchMode().name());
                ext.setString(p++, d.config() == null ? null : JSON.writeValueAsString(d.config()));
                ext.setBoolean(p++, d.allowedIn().isEmpty());
                ext.setString(p++, searchText(d));
                byte[] etag = new byte[12];
                etags.nextBytes(etag);
                ext.setString(p++, '"' + HexFormat.of().formatHex(etag) + '"');
                ext.setObject(p++, now);
                ext.setObject(p++, now);
                ext.setString(p, "bench");
                ext.addBatch();
                for (int k = 0; k < d.env().size(); k++) {
                    EnvVar e = d.env().get(k);
                    env.setLong(1, id);
                    env.setInt(2, k);
                    env.setString(3, e.name());
                    env.setString(4, e.valueFrom().name());
                    env.setString(5, e.value());
                    env.addBatch();
                }
                for (int k = 0; k < d.allowedIn().size(); k++) {
                    ten.setLong(1, id);
                    ten.setInt(2, k);
                    ten.setLong(3, Objects.requireNonNull(tenantIds.get(d.allowedIn().get(k)), d.allowedIn().get(k)));
                    ten.addBatch();
                }
                if ((i - from + 1) % 1000 == 0 || i == to - 1) {
                    ext.executeBatch();
                    env.executeBatch();
                    ten.executeBatch();
                    c.commit();
                }
            }
        }
        // Later inserts through JPA (apply) take ids from the sequence (V18; the identity column before): move it past
        // ours. Hibernate's pooled optimizer hands out the 50 ids up to the value it reads.
        long next = firstId + (to - from);
        try (Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            boolean sequence;
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.sequences"
                    + " where lower(sequence_name) = 'wasm_extension_seq'")) {
                rs.next();
                sequence = rs.getLong(1) > 0;
            }
            if (product.contains("postgres")) {
                s.execute(sequence ? "select setval('wasm_extension_seq', " + Math.max(1, next - 1) + ")"
                        : "select setval(pg_get_serial_sequence('wasm_extension', 'id'), " + (next - 1) + ")");
                s.execute("analyze");
            } else {
                s.execute(sequence ? "alter sequence wasm_extension_seq restart with " + (next + 49)
                        : "alter table wasm_extension alter column id restart with " + next);
                s.execute("analyze");
            }
        }
        c.commit();
    }

    /** As {@code WasmExtension.apply} computes it. */
    static String searchText(ExtensionDefinition d) {
        return Stream.of(d.name(), d.displayName(), d.url(), d.summary(), d.description()).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    /** Tenant FQNs of this organization. */
    static final class Tenants {
        private Tenants() {
        }

        static String fqn(String name) {
            return "organizations/" + ORGANIZATION + "/tenants/" + name;
        }
    }
}
