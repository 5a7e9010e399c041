package org.wasmconsole.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.extension.yaml.ExtensionYaml;

/**
 * Item 3: {@code ApplyService.apply} of a stream of 10,000 new WasmExtension documents into the
 * catalogue at the largest size: dry run (repeated: it rolls back), then the real run (repeated
 * after deleting what it created), then the same stream again (every document unchanged). The
 * baseline is reading the same stream with the YAML codec alone. The service is called through
 * reflection so that this file compiles whatever the apply package looks like (or before it exists).
 */
final class ApplyBench {

    static final String SERVICE = "org.wasmconsole.apply.ApplyService";
    static final String PREFIX = "a-";

    private ApplyBench() {
    }

    static void run(ConfigurableApplicationContext context, String db, int size, Path results, Authentication admin)
            throws Exception {
        int documents = Integer.getInteger("bench.apply.documents", 10_000);
        String item = String.format("3 apply of %,d new documents", documents);
        Class<?> type;
        try {
            type = Class.forName(SERVICE);
        } catch (ClassNotFoundException e) {
            Results.append(results, new Results(item, db, size, "not measured: apply not landed yet", "", "",
                    SERVICE + " is not in the code base"));
            return;
        }
        Object service = context.getBean(type);
        Method apply = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("apply") && m.getParameterCount() == 2
                        && m.getParameterTypes()[1] == boolean.class)
                .findFirst().orElseThrow(() -> new IllegalStateException(SERVICE + " has no apply(..., boolean)"));
        Class<?> input = apply.getParameterTypes()[0];

        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents; i++) {
            sb.append(ExtensionYaml.write(DataGenerator.definition(i, PREFIX), null));
        }
        String yaml = sb.toString();
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        Object argument = input == String.class ? yaml : input == byte[].class ? bytes
                : new java.io.ByteArrayInputStream(bytes);
        System.out.printf("[bench] %s: apply stream of %d documents, %.1f MB%n", db, documents, bytes.length / 1e6);
        int runs = Integer.getInteger("bench.apply.runs", 1);
        // Untimed warm-up (JIT, caches): a dry run of the first 500 documents.
        StringBuilder warm = new StringBuilder();
        for (int i = 0; i < Math.min(500, documents); i++) {
            warm.append(ExtensionYaml.write(DataGenerator.definition(i, PREFIX), null));
        }
        byte[] warmBytes = warm.toString().getBytes(StandardCharsets.UTF_8);
        call(apply, service, admin, input == String.class ? warm.toString() : input == byte[].class ? warmBytes
                : new java.io.ByteArrayInputStream(warmBytes), true);
        new ExtensionYaml().read(warm.toString());
        DataSource dataSource = context.getBean(DataSource.class);

        List<Double> parse = new ArrayList<>();
        List<Double> dry = new ArrayList<>();
        List<Double> real = new ArrayList<>();
        String dryCounts = null;
        String realCounts = null;
        HeapWatch.Reading heap = null;
        YamlLimits d = YamlLimits.DEFAULT;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            int parsed = new ExtensionYaml(new YamlLimits(bytes.length + 1, documents + 1, d.maxDepth(),
                    d.maxAliasNodes(), d.maxStringLength()))
                    .read(yaml).size();
            parse.add(Stats.ms(System.nanoTime() - t0));
            if (parsed != documents) {
                throw new IllegalStateException("parsed " + parsed + " documents");
            }
            Object argDry = input == java.io.InputStream.class ? new java.io.ByteArrayInputStream(bytes) : argument;
            t0 = System.nanoTime();
            Object report = call(apply, service, admin, argDry, true);
            dry.add(Stats.ms(System.nanoTime() - t0));
            dryCounts = counts(report);
            deleteApplied(dataSource);
            HeapWatch watch = HeapWatch.start();
            Object argReal = input == java.io.InputStream.class ? new java.io.ByteArrayInputStream(bytes) : argument;
            t0 = System.nanoTime();
            report = call(apply, service, admin, argReal, false);
            real.add(Stats.ms(System.nanoTime() - t0));
            heap = watch.stop();
            realCounts = counts(report);
            if (r < runs - 1) {
                deleteApplied(dataSource);
            }
        }
        double parseMs = Stats.median(parse);
        Results.append(results, new Results(item + ", dry run", db, size, Stats.fmtMs(Stats.median(dry)),
                "YAML read only " + Stats.fmtMs(parseMs), Results.ratio(Stats.median(dry), parseMs),
                String.format("%.1f MB stream; %s; %s", bytes.length / 1e6, dryCounts, runs(runs))));
        Results.append(results, new Results(item + ", real", db, size, Stats.fmtMs(Stats.median(real)),
                "YAML read only " + Stats.fmtMs(parseMs), Results.ratio(Stats.median(real), parseMs),
                String.format("%s; heap growth live %s, peak %s; %s", realCounts,
                        heap.liveGrowth() < 0 ? "n/a" : Stats.mib(heap.liveGrowth()), Stats.mib(heap.peakGrowth()),
                        runs(runs))));
        // The same stream again: every document already there and unchanged (a GitOps re-apply).
        Object argAgain = input == java.io.InputStream.class ? new java.io.ByteArrayInputStream(bytes) : argument;
        long t0 = System.nanoTime();
        Object again = call(apply, service, admin, argAgain, false);
        double againMs = Stats.ms(System.nanoTime() - t0);
        Results.append(results, new Results(item + ", re-apply (all unchanged)", db, size, Stats.fmtMs(againMs),
                "YAML read only " + Stats.fmtMs(parseMs), Results.ratio(againMs, parseMs), counts(again) + "; one run"));
        deleteApplied(dataSource);
    }

    private static String runs(int runs) {
        return runs == 1 ? "one run after a 500-document warm-up (-Dbench.apply.runs=3 for a median)"
                : "median of " + runs;
    }

    private static Object call(Method apply, Object service, Authentication admin, Object argument, boolean dryRun) {
        return DbBench.as(admin, () -> {
            try {
                return apply.invoke(service, argument, dryRun);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        });
    }

    /** The report's counts() by outcome if it has them; fails when the report has errors. */
    private static String counts(Object report) throws ReflectiveOperationException {
        try {
            Object errors = report.getClass().getMethod("hasErrors").invoke(report);
            if (Boolean.TRUE.equals(errors)) {
                Object list = report.getClass().getMethod("errors").invoke(report);
                String text = String.valueOf(list);
                throw new IllegalStateException("apply reported errors: " + text.substring(0, Math.min(2000,
                        text.length())));
            }
            Object counts = report.getClass().getMethod("counts").invoke(report);
            StringBuilder sb = new StringBuilder();
            ((Map<?, ?>) counts).forEach((k, v) -> {
                if (!Long.valueOf(0).equals(v)) {
                    sb.append(sb.isEmpty() ? "" : ", ").append(k.toString().toLowerCase()).append(' ').append(v);
                }
            });
            return sb.toString();
        } catch (NoSuchMethodException e) {
            return "report " + report.getClass().getSimpleName();
        }
    }

    private static void deleteApplied(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from wasm_extension where name like '" + PREFIX + "%'");
        }
    }
}
