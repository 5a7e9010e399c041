package org.wasmconsole.bench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.FilterChain;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyOutlineService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.attachment.ui.TenantTopologyPanel;
import org.wasmconsole.attachment.WhereUsedService;
import org.wasmconsole.attachment.ui.WhereUsedPanel;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.extension.ExtensionService;

/**
 * Item 6 of docs/benchmarks.md: the attachment and history screens at realistic worst cases
 * ({@link ScaleData}), through the same service calls and panel constructors the pages use, as the
 * admin. A panel's "render" is its constructor (the service reads it makes plus the server-side
 * component tree), with the number of DOM elements that tree sends to the browser; "first
 * interaction" on the tenant page is unfolding a second workspace. Medians of repeated runs.
 */
final class ScaleBench {

    private final String db;
    private final ConfigurableApplicationContext context;
    private final Path results;
    private final Authentication admin;
    private final int samples = Integer.getInteger("bench.scale.samples", 7);

    ScaleBench(String db, ConfigurableApplicationContext context, Path results, Authentication admin) {
        this.db = db;
        this.context = context;
        this.results = results;
        this.admin = admin;
    }

    void run(DataSource dataSource, int size) throws Exception {
        int audit = Integer.getInteger("bench.scale.audit", 1_000_000);
        long g0 = System.nanoTime();
        ScaleData data;
        try (Connection c = dataSource.getConnection()) {
            data = ScaleData.fill(c, audit);
        }
        Results.append(results, new Results("6 data generation (batch JDBC)", db, size, String.format(
                "%.1f s", (System.nanoTime() - g0) / 1e9), "", "", "10,001 gateways, 19,100 attachments, "
                + String.format("%,d", audit) + " audit records"));
        installVaadinService(context);
        TopologyService topology = context.getBean(TopologyService.class);
        AttachmentService attachments = context.getBean(AttachmentService.class);
        ExtensionService extensions = context.getBean(ExtensionService.class);
        String team01 = ScaleData.tenantFqn(1);

        // Tenant page: 1,000 gateways, 10,000 attachments (-Dbench.scale.tenant=false skips it).
        if (!"false".equals(Bench.prop("bench.scale.tenant"))) {
            tenantPage(topology, attachments, extensions, team01, size);
        }
        whereUsedChainAndHistory(data, attachments, size, audit);
    }

    private void tenantPage(TopologyService topology, AttachmentService attachments, ExtensionService extensions,
                            String team01, int size) {
        int[] elements = new int[2];
        TenantTopologyPanel[] panel = new TenantTopologyPanel[1];
        double read = time(() -> topology.topology(team01));
        // the tenant page's own first read since it is an outline (issue #23): the workspaces with counts
        double outline = time(() -> context.getBean(TopologyOutlineService.class).outline(team01));
        double render = time(() -> {
            panel[0] = new TenantTopologyPanel(topology, attachments, extensions, team01, true);
            return panel[0];
        });
        elements[0] = count(panel[0].getElement());
        double unfold = time(() -> {
            TenantTopologyPanel p = new TenantTopologyPanel(topology, attachments, extensions, team01, true);
            long start = System.nanoTime();
            toggles(p).get(1).click();
            elements[1] = count(p.getElement());
            return System.nanoTime() - start;
        }, true);
        Results.append(results, new Results("6 tenant page (1,000 gateways, 10,000 attachments): render", db, size,
                Stats.fmtMs(render), "outline read alone " + Stats.fmtMs(outline) + " (whole topology read "
                + Stats.fmtMs(read) + ")", Results.ratio(render, outline),
                String.format("%,d DOM elements built (first workspace of 10 unfolded); median of %d", elements[0],
                        samples)));
        Results.append(results, new Results("6 tenant page: first interaction (unfold a workspace)", db, size,
                Stats.fmtMs(unfold), "-", "-", String.format("%,d DOM elements after; median of %d", elements[1],
                        samples)));
    }

    private void whereUsedChainAndHistory(ScaleData data, AttachmentService attachments, int size, int audit) {
        // Where used: one extension attached 10,000 times.
        String whereFqn = "organizations/" + DataGenerator.ORGANIZATION + "/extensions/" + data.extensionNames.getFirst();
        int[] usages = new int[1];
        double whereRead = time(() -> {
            List<Usage> u = attachments.whereUsed(whereFqn);
            usages[0] = u.size();
            return u;
        });
        // the panel's own read since it is grouped (issue #23): the counts per tenant and workspace
        double whereGroups = time(() -> context.getBean(WhereUsedService.class).groups(whereFqn));
        WhereUsedPanel[] where = new WhereUsedPanel[1];
        double whereRender = time(() -> {
            where[0] = new WhereUsedPanel(attachments, whereFqn, data.extensionNames.getFirst(), true);
            return where[0];
        });
        // 10,000 gateways of team-01..team-10, and the filter-chain gateway of team-11 (which attaches it too)
        DbBench.check("where used count", usages[0], 10_001);
        Results.append(results, new Results("6 where used (extension attached 10,000 times): render", db, size,
                Stats.fmtMs(whereRender), "whereUsed read alone " + Stats.fmtMs(whereRead) + " (counts per workspace "
                + Stats.fmtMs(whereGroups) + ")",
                Results.ratio(whereRender, whereRead), String.format("%,d usages; %,d DOM elements built; median of %d",
                usages[0], count(where[0].getElement()), samples)));

        // Filter chain of a gateway with 100 extensions.
        FilterChainService chains = context.getBean(FilterChainService.class);
        TargetRef chainRef = new TargetRef(TargetKind.INGRESS_GATEWAY, ScaleData.tenantFqn(11), "chain", "gw",
                "chain-100");
        int[] links = new int[1];
        double chain = time(() -> {
            FilterChain fc = chains.of(chainRef);
            links[0] = fc.rows().size();
            return fc;
        });
        double oneTarget = time(() -> attachments.get(chainRef));
        Results.append(results, new Results("6 filter chain of a gateway with 100 extensions", db, size,
                Stats.fmtMs(chain), "the gateway read alone " + Stats.fmtMs(oneTarget), Results.ratio(chain, oneTarget),
                links[0] + " entries; median of " + samples));

        // History over the audit records: a filtered page and its count, as the view asks.
        if (audit <= 0) {
            return;
        }
        AuditService auditService = context.getBean(AuditService.class);
        // The resource names the History filter keeps in memory, loaded as at start (the batch inserts above
        // bypassed the audit writes that add them).
        long n0 = System.nanoTime();
        int names = context.getBean(org.wasmconsole.audit.AuditResourceNames.class).reload();
        System.out.printf("[bench] %s/%d: %,d distinct audit resource names loaded in %.0f ms%n", db, size, names,
                (System.nanoTime() - n0) / 1e6);
        Instant now = Instant.now();
        record Case(String what, AuditFilter filter) {
        }
        List<Case> cases = List.of(
                new Case("default (sign-ins hidden)", new AuditFilter(null, null, null, null, null, true)),
                new Case("user operator-07", new AuditFilter(ScaleData.user(7), null, null, null, null, true)),
                // Extension x000129: ScaleData gives record i the extension (i * 7919) % 1000, and 129 falls on
                // records i ≡ 1 (mod 10), extension updates: 1 in 1,000 records (name(123) fell on sign-ins only).
                new Case("resource text \"" + DataGenerator.name(129) + "\"",
                        new AuditFilter(null, DataGenerator.name(129), null, null, null, true)),
                new Case("action Deleted, last 30 days", new AuditFilter(null, null, AuditAction.DELETE,
                        now.minus(30, ChronoUnit.DAYS), null, true)));
        for (Case k : cases) {
            long[] matches = new long[1];
            double page = time(() -> auditService.list(k.filter, PageRequest.of(0, 50)));
            double count = time(() -> {
                matches[0] = auditService.count(k.filter);
                return matches[0];
            });
            double deep = time(() -> auditService.list(k.filter, PageRequest.of(Math.max(0,
                    (int) Math.min(matches[0] / 50 / 2, 1000)), 50)));
            Results.append(results, new Results("6 history, " + String.format("%,d", audit) + " records: " + k.what,
                    db, size, Stats.fmtMs(page + count), "first page " + Stats.fmtMs(page) + ", count "
                    + Stats.fmtMs(count), "-", String.format("%,d match; a page further down (≤ page 1,000) %s;"
                    + " median of %d", matches[0], Stats.fmtMs(deep), samples)));
        }
    }

    /**
     * The panels take some services from Vaadin's instantiator (as the pages compose them from sections);
     * outside a request there is no current VaadinService, so the bench sets one that answers from the
     * Spring context, as the running console's does.
     */
    private static void installVaadinService(ConfigurableApplicationContext context) {
        try { // as in production mode: no component tracking (it would ask the servlet context, which is none here)
            java.lang.reflect.Field disabled = com.vaadin.flow.component.internal.ComponentTracker.class
                    .getDeclaredField("disabled");
            disabled.setAccessible(true);
            disabled.set(null, Boolean.TRUE);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        com.vaadin.flow.server.VaadinService service = new com.vaadin.flow.server.VaadinServletService(null, null) {
            private final com.vaadin.flow.di.Instantiator instantiator =
                    new com.vaadin.flow.spring.SpringInstantiator(this, context);

            private final com.vaadin.flow.function.DeploymentConfiguration configuration =
                    org.mockito.Mockito.mock(com.vaadin.flow.function.DeploymentConfiguration.class);

            @Override
            public com.vaadin.flow.di.Instantiator getInstantiator() {
                return instantiator;
            }

            @Override
            public com.vaadin.flow.function.DeploymentConfiguration getDeploymentConfiguration() {
                return configuration; // its defaults: what the links of the cards ask (safe URL schemes)
            }
        };
        vaadinService = service; // CurrentInstance keeps only a weak reference
        com.vaadin.flow.server.VaadinService.setCurrent(service);
    }

    private static com.vaadin.flow.server.VaadinService vaadinService;

    private double time(Callable<Object> work) {
        return time(work, false);
    }

    /** Median ms of {@code samples} runs after one warm-up; with {@code selfTimed}, the work returns its own nanos. */
    private double time(Callable<Object> work, boolean selfTimed) {
        DbBench.as(admin, work);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            Object r = DbBench.as(admin, work);
            ms.add(Stats.ms(selfTimed ? (Long) r : System.nanoTime() - t0));
        }
        return Stats.median(ms);
    }

    private static int count(Element e) {
        int n = 1;
        for (int i = 0; i < e.getChildCount(); i++) {
            n += count(e.getChild(i));
        }
        return n;
    }

    private static List<Button> toggles(Component root) {
        List<Button> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Component c, List<Button> found) {
        if (c instanceof Button b && b.hasClassName("workspace-toggle")) {
            found.add(b);
        }
        c.getChildren().forEach(child -> collect(child, found));
    }
}
