package org.wasmconsole.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The worst cases of item 6, written with batch JDBC into the console's tables (as the services
 * would write them; read back through the services only):
 * <ul>
 * <li>tenant team-01: 10 workspaces × 4 gateway groups × 25 ingress gateways = 1,000 gateways, 10
 *     attachments each = 10,000 attachments;</li>
 * <li>tenants team-02…team-10: 1,000 gateways each (1 workspace, 10 groups of 100), each attaching
 *     the "where used" extension once, so that it is attached 10,000 times in all (1,000 in team-01);</li>
 * <li>tenant team-11: one gateway {@code chain-100} with 100 attachments (the filter chain);</li>
 * <li>{@code audit} audit records (1,000,000 by default) over a year: 40 % sign-ins, extension changes
 *     with before/after documents on one in 20, 50 users.</li>
 * </ul>
 * Attached extensions are ones open to all tenants (as attaching requires), the first 100 by id.
 */
final class ScaleData {

    static final int WORKSPACES = 10;
    static final int GROUPS = 4;
    static final int GATEWAYS_PER_GROUP = 25;
    static final int ATTACHMENTS_PER_GATEWAY = 10;
    static final int OTHER_TENANTS = 9;
    static final int OTHER_GATEWAYS = 1000;
    static final int CHAIN = 100;
    static final int USERS = 50;

    /** The extensions attached (open to all tenants), by id; the first one is the "where used" one. */
    final List<Long> extensionIds = new ArrayList<>();
    final List<String> extensionNames = new ArrayList<>();

    private ScaleData() {
    }

    static String tenantFqn(int t) {
        return DataGenerator.tenantFqn(t);
    }

    static ScaleData fill(Connection c, int auditRecords) throws SQLException {
        ScaleData d = new ScaleData();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, name from wasm_extension where all_tenants = true order by id")) {
            while (rs.next() && d.extensionIds.size() < CHAIN) {
                d.extensionIds.add(rs.getLong(1));
                d.extensionNames.add(rs.getString(2));
            }
        }
        if (d.extensionIds.size() < CHAIN) {
            throw new IllegalStateException("item 6 needs 100 extensions open to all tenants (1,000 or more generated)");
        }
        Map<String, Long> tenants = new java.util.HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, name from tenant")) {
            while (rs.next()) {
                tenants.put(rs.getString(2), rs.getLong(1));
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ws = c.prepareStatement("insert into workspace (tenant_id, name, created_at) values (?, ?, ?)",
                new String[] {"id"});
             PreparedStatement gr = c.prepareStatement("insert into target_group (workspace_id, kind, name, created_at)"
                     + " values (?, 'GATEWAY', ?, ?)", new String[] {"id"});
             PreparedStatement tg = c.prepareStatement("insert into attachment_target (group_id, kind, name, namespace,"
                     + " labels_json, etag, version, updated_at, updated_by) values (?, 'INGRESS_GATEWAY', ?, ?,"
                     + " '{\"app\":\"ingress\"}', ?, 0, ?, 'bench')", new String[] {"id"});
             PreparedStatement at = c.prepareStatement("insert into extension_attachment (target_id, position,"
                     + " extension_id) values (?, ?, ?)")) {
            Inserter in = new Inserter(ws, gr, tg, at, now);
            // team-01: 10 × 4 × 25 gateways, 10 attachments each (the "where used" extension first).
            long team01 = tenants.get(DataGenerator.tenantName(1));
            int gateway = 0;
            for (int w = 0; w < WORKSPACES; w++) {
                long wsId = in.workspace(team01, String.format("ws-%02d", w));
                for (int g = 0; g < GROUPS; g++) {
                    long grId = in.group(wsId, String.format("gw-%d", g));
                    for (int k = 0; k < GATEWAYS_PER_GROUP; k++, gateway++) {
                        long target = in.target(grId, String.format("ingress-%04d", gateway), "ns-" + w);
                        for (int a = 0; a < ATTACHMENTS_PER_GATEWAY; a++) {
                            // extension 0, then 9 of the other 99 in rotation: distinct on one gateway
                            int e = a == 0 ? 0 : 1 + (gateway * 9 + a - 1) % (CHAIN - 1);
                            in.attach(target, a, d.extensionIds.get(e));
                        }
                    }
                    at.executeBatch();
                }
            }
            // team-02..team-10: 1,000 gateways each attaching the "where used" extension.
            for (int t = 2; t < 2 + OTHER_TENANTS; t++) {
                long wsId = in.workspace(tenants.get(DataGenerator.tenantName(t)), "edge");
                for (int g = 0; g < 10; g++) {
                    long grId = in.group(wsId, "gw-" + g);
                    for (int k = 0; k < OTHER_GATEWAYS / 10; k++) {
                        in.attach(in.target(grId, String.format("ingress-%04d", g * 100 + k), "edge"), 0,
                                d.extensionIds.getFirst());
                    }
                    at.executeBatch();
                }
            }
            // team-11: the filter chain of 100.
            long wsId = in.workspace(tenants.get(DataGenerator.tenantName(11)), "chain");
            long target = in.target(in.group(wsId, "gw"), "chain-100", "chain");
            for (int a = 0; a < CHAIN; a++) {
                in.attach(target, a, d.extensionIds.get(a));
            }
            at.executeBatch();
        }
        c.commit();
        fillAudit(c, auditRecords);
        c.setAutoCommit(true);
        return d;
    }

    private record Inserter(PreparedStatement ws, PreparedStatement gr, PreparedStatement tg, PreparedStatement at,
                            Timestamp now) {

        long workspace(long tenant, String name) throws SQLException {
            ws.setLong(1, tenant);
            ws.setString(2, name);
            ws.setTimestamp(3, now);
            ws.executeUpdate();
            return id(ws);
        }

        long group(long workspace, String name) throws SQLException {
            gr.setLong(1, workspace);
            gr.setString(2, name);
            gr.setTimestamp(3, now);
            gr.executeUpdate();
            return id(gr);
        }

        long target(long group, String name, String namespace) throws SQLException {
            tg.setLong(1, group);
            tg.setString(2, name);
            tg.setString(3, namespace);
            tg.setString(4, Long.toHexString(name.hashCode() * 31L + group));
            tg.setTimestamp(5, now);
            tg.executeUpdate();
            return id(tg);
        }

        void attach(long target, int position, long extension) throws SQLException {
            at.setLong(1, target);
            at.setInt(2, position);
            at.setLong(3, extension);
            at.addBatch();
        }

        private static long id(PreparedStatement s) throws SQLException {
            try (ResultSet rs = s.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String user(int u) {
        return u == 0 ? "admin" : String.format("operator-%02d", u);
    }

    /** Audit records over the year before now, oldest first; deterministic. */
    static void fillAudit(Connection c, int records) throws SQLException {
        if (records <= 0) {
            return;
        }
        String doc = "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata:\n  organization: tse\n"
                + "  name: %s\nspec:\n  url: oci://registry.example.com/filters/%s:1.%d.0\n  phase: AUTHN\n"
                + "  priority: %d\n  description: " + "A filter that checks every request. ".repeat(12) + "\n";
        long end = Instant.now().toEpochMilli();
        long step = 365L * 24 * 3600 * 1000 / records;
        AuditMix[] mix = AuditMix.values();
        try (PreparedStatement p = c.prepareStatement("insert into audit_record (occurred_at, username, action,"
                + " resource_type, organization, resource_name, summary, before_doc, after_doc, etag)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < records; i++) {
                AuditMix m = mix[i % mix.length];
                String user = user(m == AuditMix.LOGIN ? i % USERS : (i / 7) % USERS);
                String ext = DataGenerator.name((int) ((long) i * 7919 % 1000));
                p.setTimestamp(1, new Timestamp(end - (long) (records - i) * step));
                p.setString(2, user);
                p.setString(3, m.action);
                p.setString(4, m.type);
                p.setString(5, m.type.equals("USER") ? null : DataGenerator.ORGANIZATION);
                p.setString(6, switch (m.type) {
                    case "USER" -> user;
                    case "TENANT" -> tenantFqn(1 + i % DataGenerator.TENANTS);
                    default -> "organizations/tse/extensions/" + ext;
                });
                p.setString(7, m.action.equals("LOGIN") ? "signed in" : m.action.toLowerCase() + " " + ext);
                boolean docs = m.type.equals("EXTENSION") && i % 20 == 0;
                p.setString(8, docs ? String.format(doc, ext, ext, i % 9, i % 100) : null);
                p.setString(9, docs ? String.format(doc, ext, ext, i % 9 + 1, i % 100) : null);
                p.setString(10, m.type.equals("EXTENSION") ? Integer.toHexString(i) : null);
                p.addBatch();
                if (i % 2000 == 1999) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
    }

    /** One in ten records: 4 sign-ins, 3 extension changes, 1 creation, 1 tenant assignment, 1 deletion. */
    private enum AuditMix {
        LOGIN("LOGIN", "USER"), UPDATE("UPDATE", "EXTENSION"), LOGIN2("LOGIN", "USER"), CREATE("CREATE", "EXTENSION"),
        LOGIN3("LOGIN", "USER"), UPDATE2("UPDATE", "EXTENSION"), ASSIGN("ASSIGN", "TENANT"), LOGIN4("LOGIN", "USER"),
        UPDATE3("UPDATE", "EXTENSION"), DELETE("DELETE", "EXTENSION");

        final String action;
        final String type;

        AuditMix(String action, String type) {
            this.action = action;
            this.type = type;
        }
    }
}
