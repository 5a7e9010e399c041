package org.wasmconsole.extension;

import java.util.Map;

/**
 * The heap the {@link ExtensionTextIndex} takes, and the budget of the search texts it keeps. Memory
 * (docs/benchmarks.md, 100,000 generated extensions): the texts are most of it, one byte a char as Latin-1 Strings
 * (~66 MiB at 100,000 texts of ~650 chars; {@code console.search.index.max-text-mib} caps them). Each text
 * deflated on its own halves that, but checking ~2,400 candidates took 5.4× as long (measured in the bench).
 */
final class TextIndexMemory {

    /** The most heap the kept search texts may take; texts beyond it are not kept (then the database checks). */
    private volatile long maxTextBytes;

    TextIndexMemory(long maxTextBytes) {
        this.maxTextBytes = maxTextBytes;
    }

    /** For tests: the budget of {@code console.search.index.max-text-mib} in bytes (applies from the next build). */
    void maxTextBytes(long bytes) {
        maxTextBytes = bytes;
    }

    /**
     * The text if it fits the budget with the texts kept so far (counted in {@code used}, less the {@code replaced}
     * text's bytes), else null: that extension's filter is then checked by the database.
     */
    String withinBudget(long[] used, long replaced, String text) {
        long size = string(text);
        if (used[0] - replaced + size > maxTextBytes) {
            used[0] -= replaced;
            return null;
        }
        used[0] += size - replaced;
        return text;
    }

    /**
     * The approximate heap of an index, in bytes: the signatures, and per extension its keys with its name and
     * search text (the shared organization and phase strings not counted). At 100,000 generated extensions (texts
     * of ~650 chars) 116 MiB: 33.6 MiB signatures, ~17 MiB keys, 65.9 MiB texts (docs/benchmarks.md, 2026-12-07).
     */
    static long bytes(TrigramSignatures index, Map<Long, TextIndexKeys> known) {
        long total = index.bytes() + 16 + 4L * Integer.highestOneBit(Math.max(1, known.size()) * 2);
        for (TextIndexKeys k : known.values()) {
            total += bytes(k);
        }
        return total;
    }

    /** The bytes of the search texts alone (as kept: one or two bytes a char). */
    static long textBytes(Map<Long, TextIndexKeys> known) {
        long total = 0;
        for (TextIndexKeys k : known.values()) {
            total += string(k.text());
        }
        return total;
    }

    /** The approximate heap of the keys (and texts) of an extension, in bytes (compressed oops, 8-byte alignment). */
    private static long bytes(TextIndexKeys k) {
        // map node 32 + Long 16; Keys 40; name and text: String 24 + array 16 + chars (1 or 2 bytes each)
        return 48 + 40 + string(k.name()) + string(k.text()) + (k.tenantIds().length == 0 ? 0
                : align(16 + 8L * k.tenantIds().length));
    }

    static long string(String s) {
        if (s == null) {
            return 0;
        }
        boolean latin1 = true;
        for (int i = 0; i < s.length() && latin1; i++) {
            latin1 = s.charAt(i) < 256;
        }
        return 24 + align(16 + (long) s.length() * (latin1 ? 1 : 2));
    }

    private static long align(long n) {
        return n + 7 & ~7L;
    }
}
