package org.wasmconsole.bench;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.yaml.ExtensionDocuments;
import org.wasmconsole.extension.yaml.ExtensionExport;
import org.wasmconsole.base.YamlText;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import tools.jackson.databind.node.ObjectNode;

/**
 * Item 2 of docs/benchmarks.md: the YAML export of everything as "Export all matching" does it,
 * against Jackson writing the same documents from memory, with the heap growth while it runs.
 */
final class ExportBench {

    private final String db;
    private final ConfigurableApplicationContext context;
    private final DataSource dataSource;
    private final Path results;
    private final Authentication admin;
    /** url, user, password: for the child JVM that measures the export's live heap. */
    private final String[] connection;

    ExportBench(String db, ConfigurableApplicationContext context, DataSource dataSource, Path results,
                Authentication admin, String[] connection) {
        this.connection = connection;
        this.db = db;
        this.context = context;
        this.dataSource = dataSource;
        this.results = results;
        this.admin = admin;
    }

    /** Counts what is written and throws it away. */
    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private long exportViaService() {
        ExtensionExport export = context.getBean(ExtensionExport.class);
        CountingStream out = new CountingStream();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        DbBench.as(admin, () -> {
            export.write(ExtensionFilter.all(DataGenerator.ORGANIZATION), writer);
            return null;
        });
        return out.bytes;
    }

    private static long exportFromMemory(List<ObjectNode> documents) {
        CountingStream out = new CountingStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode doc : documents) {
                // Jackson itself, not YamlText.write (whose block writer is what the export now uses).
                writer.write(YamlText.jackson(doc));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.bytes;
    }

    void run(int size) throws SQLException {
        int runs = Integer.getInteger("bench.export.runs", size >= 100_000 ? 1 : size >= 10_000 ? 3 : 5);
        // The baseline's input, built untimed and without the service: every document as a Jackson
        // tree in memory, from the generator's definitions and the stored etags.
        Map<String, String> etags = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, etag from wasm_extension")) {
            while (rs.next()) {
                etags.put(rs.getString(1), rs.getString(2));
            }
        }
        List<ObjectNode> documents = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ExtensionDefinition d = DataGenerator.definition(i, null);
            documents.add(ExtensionDocuments.write(d, etags.get(d.name())));
        }
        etags.clear();
        long expected = exportFromMemory(documents);
        List<Double> viaService = new ArrayList<>();
        List<Double> fromMemory = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            exportFromMemory(documents);
            fromMemory.add(Stats.ms(System.nanoTime() - t0));
            t0 = System.nanoTime();
            long got = exportViaService();
            viaService.add(Stats.ms(System.nanoTime() - t0));
            // Same documents both ways (in another order: the byte count is what must agree).
            DbBench.check("export size in bytes", got, expected);
            System.out.printf("[bench] %s/%d: export run %d: service %s, from memory %s%n", db, size, r + 1,
                    Stats.fmtMs(viaService.getLast()), Stats.fmtMs(fromMemory.getLast()));
        }
        double service = Stats.median(viaService);
        double memory = Stats.median(fromMemory);
        Results.append(results, new Results("2 YAML export of all (forEach + writer)", db, size,
                Stats.fmtMs(service), "Jackson from memory " + Stats.fmtMs(memory), Results.ratio(service, memory),
                String.format("%.1f MB out; median of %d", expected / 1e6, runs)));
        documents.clear();
        memory(size, expected);
    }

    /** The same export in a child JVM with -Xmx128m: the live heap after full GCs while it runs ({@link ExportMemory}). */
    private void memory(int size, long expected) {
        try {
            String[] r = ExportMemory.measure(db, connection[0], connection[1], connection[2],
                    results.resolveSibling("export-memory-" + db + "-" + size + ".log"));
            long bytes = Long.parseLong(r[0]);
            double seconds = Double.parseDouble(r[1]);
            long before = Long.parseLong(r[2]);
            long maxLive = Long.parseLong(r[3]);
            DbBench.check("export size in bytes (child JVM)", bytes, expected);
            Results.append(results, new Results("2 export: live heap while exporting, " + ExportMemory.HEAP, db, size,
                    "+" + Stats.mib(maxLive - before), "live before " + Stats.mib(before), "-",
                    String.format("largest used heap right after a full GC (System.gc() every 250 ms, %s samples)"
                            + " minus before; finished in %s in %s", r[4], ExportMemory.HEAP,
                            Stats.fmtMs(seconds * 1000))));
        } catch (Exception e) {
            Results.append(results, new Results("2 export: live heap while exporting, " + ExportMemory.HEAP, db, size,
                    "FAILED", "", "-", e.getMessage()));
        }
    }

}
