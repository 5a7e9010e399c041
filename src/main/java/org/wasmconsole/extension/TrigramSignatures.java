package org.wasmconsole.extension;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory filter for substring searches (issue #23): per extension id, a bit set (a one-hash Bloom filter)
 * of the trigrams (three consecutive chars) of its search text. A text containing the query contains every
 * trigram of the query, so every bit the query's trigrams set is set in the text's bits: the ids whose bits
 * include the query's are a <em>superset</em> of the matches (hash collisions add candidates, never remove
 * one), and the database's exact {@code LIKE} decides among them.
 * <p>
 * Why bits per extension rather than posting lists per trigram: the generated catalogue has ~380 distinct
 * trigrams per extension, 38 million postings at 100,000 extensions (~150 MB as ints); the bits take
 * {@value #BITS_PER_TRIGRAM}–{@value #BITS_PER_TRIGRAM}×2 bits per trigram (~20–40 MB at 100,000), an update
 * rewrites one array, and a query tests a few bits of each extension (a few milliseconds for 100,000).
 * <p>
 * Thread-safe: updates take the write lock, queries the read lock.
 */
final class TrigramSignatures {

    /** Bits per distinct trigram, at least (rounded up to a power of two): ~20 % of the bits set. */
    static final int BITS_PER_TRIGRAM = 4;
    private static final int MIN_BITS = 64;
    /** A text with more trigrams than this shares the bits (more candidates, never fewer). */
    private static final int MAX_BITS = 1 << 16;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private long[] ids = new long[1024];
    private long[][] signatures = new long[1024][];
    private int used;
    private int[] free = new int[16];
    private int freeCount;

    /** Sets the search text of an extension (replacing what it had). */
    void put(long id, String text) {
        long[] signature = signature(text);
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.get(id);
            if (slot == null) {
                slot = freeCount > 0 ? free[--freeCount] : grow();
                slotOf.put(id, slot);
                ids[slot] = id;
            }
            signatures[slot] = signature;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(long id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(id);
            if (slot != null) {
                signatures[slot] = null;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, free.length * 2);
                }
                free[freeCount++] = slot;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int grow() {
        if (used == ids.length) {
            ids = Arrays.copyOf(ids, used * 2);
            signatures = Arrays.copyOf(signatures, used * 2);
        }
        return used++;
    }

    int size() {
        lock.readLock().lock();
        try {
            return slotOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The ids of the extensions whose text may contain {@code query} (all that do, and a few that do not), or
     * null when the index cannot narrow the search: a query shorter than three chars, or more than
     * {@code limit} candidates (then a scan is as good).
     */
    long[] candidates(String query, int limit) {
        long[] hashes = trigramHashes(query);
        if (hashes.length == 0) {
            return null;
        }
        long[] found = new long[64];
        int count = 0;
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < used; slot++) {
                long[] bits = signatures[slot];
                if (bits != null && containsAll(bits, hashes)) {
                    if (count == limit) {
                        return null;
                    }
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = ids[slot];
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return Arrays.copyOf(found, count);
    }

    private static boolean containsAll(long[] bits, long[] hashes) {
        int mask = bits.length * 64 - 1;
        for (long h : hashes) {
            int bit = (int) h & mask;
            if ((bits[bit >>> 6] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Approximate heap the index takes, in bytes (arrays and the id map). */
    long bytes() {
        lock.readLock().lock();
        try {
            long total = 16 + 8L * ids.length + 16 + 8L * signatures.length + 16 + 4L * free.length;
            for (int slot = 0; slot < used; slot++) {
                if (signatures[slot] != null) {
                    total += 16 + 8L * signatures[slot].length;
                }
            }
            // HashMap<Long, Integer>: a node (32), a Long (16) and an Integer (16) per entry, and its table.
            return total + 64L * slotOf.size() + 16 + 4L * Integer.highestOneBit(Math.max(1, slotOf.size()) * 2);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The text's trigrams as bits: one per distinct trigram, in a power of two of bits that fits them. */
    static long[] signature(String text) {
        long[] hashes = trigramHashes(text);
        int bits = MIN_BITS;
        while (bits < MAX_BITS && bits < (long) hashes.length * BITS_PER_TRIGRAM) {
            bits <<= 1;
        }
        long[] signature = new long[bits / 64];
        int mask = bits - 1;
        for (long h : hashes) {
            int bit = (int) h & mask;
            signature[bit >>> 6] |= 1L << bit;
        }
        return signature;
    }

    /** The hashes of the distinct trigrams of the text (UTF-16 chars, as LIKE compares them). */
    static long[] trigramHashes(String text) {
        int n = text.length() - 2;
        if (n <= 0) {
            return new long[0];
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) text.charAt(i) << 32 | (long) text.charAt(i + 1) << 16 | text.charAt(i + 2);
        }
        Arrays.sort(keys);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[distinct++] = mix(keys[i]);
            }
        }
        return Arrays.copyOf(keys, distinct);
    }

    /** MurmurHash3's 64-bit finalizer: spreads the 48 bits of a trigram over the low bits a signature uses. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93e53fe18c1L;
        return k ^ k >>> 33;
    }
}
