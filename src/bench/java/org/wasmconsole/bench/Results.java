package org.wasmconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Result rows, appended to a tab-separated file that every benchmark process of a run shares
 * (each child JVM adds its rows; the orchestrator prints them all as one table at the end).
 *
 * @param item     the numbered item of docs/benchmarks.md, e.g. "1 grid page (admin)"
 * @param db       h2, postgres or "-"
 * @param size     number of extensions, or 0 when it does not apply
 * @param measured the measured figure, formatted
 * @param baseline the baseline figure measured in the same run, formatted, with what it is
 * @param ratio    measured / baseline, formatted, or "-"
 * @param note     anything else (memory, target met or missed)
 */
record Results(String item, String db, int size, String measured, String baseline, String ratio, String note) {

    static void append(Path file, Results r) {
        String line = String.join("\t", clean(r.item), clean(r.db), Integer.toString(r.size), clean(r.measured),
                clean(r.baseline), clean(r.ratio), clean(r.note)) + "\n";
        System.out.println("[bench] " + line.strip().replace('\t', '|'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Results> read(Path file) {
        List<Results> rows = new ArrayList<>();
        try {
            if (!Files.exists(file)) {
                return rows;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 7) {
                    rows.add(new Results(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], f[6]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static String ratio(double measured, double baseline) {
        return baseline > 0 && !Double.isNaN(measured) ? String.format("%.2f×", measured / baseline) : "-";
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
