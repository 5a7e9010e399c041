package org.wasmconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The results as a Markdown table, with the machine and the run around it. */
final class Report {

    private Report() {
    }

    static String render(List<Results> rows, String started, String loadBefore, String loadAfter, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append("Run started ").append(started).append(", took ").append(String.format("%.0f s", seconds))
                .append("; load average (1/5/15 min) before ").append(loadBefore).append(", after ")
                .append(loadAfter).append('\n');
        sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memTotal()).append(" RAM; JDK ").append(System.getProperty("java.vm.name")).append(' ')
                .append(Runtime.version()).append('\n');
        rows.stream().filter(r -> r.item().startsWith("0 environment"))
                .forEach(r -> sb.append("Database ").append(r.db()).append(": ").append(r.measured()).append(" (")
                        .append(r.note()).append(")\n"));
        sb.append('\n');
        sb.append("| item | db | extensions | measured (median) | baseline (median, same run) | ratio | notes |\n");
        sb.append("|---|---|---:|---:|---:|---:|---|\n");
        rows.stream().filter(r -> !r.item().startsWith("0 environment"))
                .sorted(java.util.Comparator.comparing((Results r) -> r.item().substring(0, 1))
                        .thenComparing(Results::db).thenComparingInt(Results::size))
                .forEach(r -> sb.append("| ").append(r.item()).append(" | ").append(r.db()).append(" | ")
                        .append(r.size() == 0 ? "-" : String.format("%,d", r.size())).append(" | ")
                        .append(r.measured()).append(" | ").append(r.baseline().isEmpty() ? "-" : r.baseline())
                        .append(" | ").append(r.ratio().isEmpty() ? "-" : r.ratio()).append(" | ")
                        .append(r.note()).append(" |\n"));
        return sb.toString();
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format("%.1f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (java.io.IOException e) {
            return "?";
        }
        return "?";
    }
}
