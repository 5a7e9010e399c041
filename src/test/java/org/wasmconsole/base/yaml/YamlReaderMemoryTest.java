package org.wasmconsole.base.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What reading a request body keeps in memory grows with the body's size, whatever its shape. Found
 * by probing: a 91 KB body of nested long keys over many short entries made the reader keep ~100 MB
 * (every field's whole path as text), and 16 of them in parallel took the process to 2.3 GB.
 */
class YamlReaderMemoryTest {

    /** Bytes of heap that one read may keep per character of input, the tree and its lines together. */
    static final int BYTES_PER_INPUT_CHARACTER = 32;

    /** 60 levels of 1000-character keys (a path of 60,000 characters), then short entries up to ~91 KB. */
    static String longPathsOverManyEntries() {
        StringBuilder yaml = new StringBuilder();
        for (int level = 0; level < 60; level++) {
            yaml.append('{').append(String.valueOf((char) ('a' + level % 26)).repeat(999)).append(level % 10)
                    .append(": ");
        }
        yaml.append('{');
        for (int i = 0; yaml.length() < 91_000; i++) {
            yaml.append('k').append(i).append(": 1, ");
        }
        return yaml.append("end: 1}").append("}".repeat(60)).append('\n').toString();
    }

    @Test
    void parallelBodiesOfLongPathsKeepMemoryInProportionToTheirSize() throws Exception {
        String body = longPathsOverManyEntries();
        int requests = 16;
        long before = usedHeapAfterGc();

        List<List<SourceDocument>> held = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            List<Future<List<SourceDocument>>> reads = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                reads.add(pool.submit(() -> new YamlTreeReader(YamlLimits.DEFAULT).read(body)));
            }
            for (Future<List<SourceDocument>> read : reads) {
                held.add(read.get());
            }
        }
        long retained = usedHeapAfterGc() - before;

        // All 16 results are alive here, each with its tree and the lines of its fields.
        assertThat(held).hasSize(requests).allSatisfy(documents -> assertThat(documents).hasSize(1));
        assertThat(retained).as("heap kept by %d parsed bodies of %d characters", requests, body.length())
                .isLessThan((long) requests * body.length() * BYTES_PER_INPUT_CHARACTER);
        // Not by dropping the lines: every entry under the long path still has its own.
        String path = IntStream.range(0, 60).mapToObj(l -> String.valueOf((char) ('a' + l % 26)).repeat(999) + l % 10)
                .collect(Collectors.joining("."));
        assertThat(held.getFirst().getFirst().lines().contains(path + ".end")).isTrue();
    }

    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a full collection may leave some garbage for the next one
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
