package org.wasmconsole.bench;

import java.util.Arrays;
import java.util.List;

/** Medians of repeated timings. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Milliseconds with a precision that suits the magnitude. */
    static String fmtMs(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        if (ms >= 1000) {
            return String.format("%.2f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format("%.0f ms", ms);
        }
        if (ms >= 10) {
            return String.format("%.1f ms", ms);
        }
        return String.format("%.2f ms", ms);
    }

    static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String kib(double bytes) {
        return String.format("%.0f KiB", bytes / 1024.0);
    }
}
