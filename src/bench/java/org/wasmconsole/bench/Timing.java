package org.wasmconsole.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times several variants of the same work round-robin (A, B, C, then B, C, A, ...), so that a
 * noisy neighbour slows all of them alike and their ratio holds; each figure is the median.
 */
final class Timing {

    private Timing() {
    }

    static Map<String, Double> interleaved(Map<String, Runnable> variants, int warmup, int samples) {
        List<String> names = new ArrayList<>(variants.keySet());
        for (int w = 0; w < warmup; w++) {
            for (String n : names) {
                variants.get(n).run();
            }
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        names.forEach(n -> times.put(n, new ArrayList<>()));
        for (int s = 0; s < samples; s++) {
            for (int k = 0; k < names.size(); k++) {
                String n = names.get((s + k) % names.size());
                long t0 = System.nanoTime();
                variants.get(n).run();
                times.get(n).add(Stats.ms(System.nanoTime() - t0));
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        times.forEach((n, t) -> medians.put(n, Stats.median(t)));
        return medians;
    }
}
