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
 * {@value #BITS} bits (256 bytes) per extension, ~25 MB at 100,000, in one array, so that a query tests the
 * same bit of every extension in turn at a fixed stride (what the processor's prefetcher reads ahead for)
 * and an update rewrites one slice. With ~400 trigrams a quarter of the bits are set: a query of n trigrams
 * lets through about 4<sup>-n</sup> of the extensions that do not match. A very long text sets most bits and
 * is a candidate for most queries (found by the {@code LIKE}, never lost).
 * <p>
 * Thread-safe: updates take the write lock, queries the read lock.
 */
final class TrigramSignatures {

    static final int BITS = 2048;
    private static final int WORDS = BITS / 64;
    private static final long FREE = -1;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Integer> slotOf = new HashMap<>();
    /** The id in each slot, {@value #FREE} for a free slot. */
    private long[] ids;
    /** {@value #WORDS} words of bits per slot. */
    private long[] bits;
    private int used;
    private int[] free = new int[16];
    private int freeCount;

    TrigramSignatures() {
        this(1024);
    }

    /** @param capacity the extensions it holds before its arrays grow (by half) */
    TrigramSignatures(int capacity) {
        ids = new long[Math.max(16, capacity)];
        bits = new long[ids.length * WORDS];
    }

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
            System.arraycopy(signature, 0, bits, slot * WORDS, WORDS);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void remove(long id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotOf.remove(id);
            if (slot != null) {
                ids[slot] = FREE;
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
            int capacity = used + used / 2;
            ids = Arrays.copyOf(ids, capacity);
            bits = Arrays.copyOf(bits, capacity * WORDS);
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
        int[] words = new int[hashes.length];
        long[] masks = new long[hashes.length];
        for (int k = 0; k < hashes.length; k++) {
            int bit = (int) hashes[k] & BITS - 1;
            words[k] = bit >>> 6;
            masks[k] = 1L << bit;
        }
        long[] found = new long[64];
        int count = 0;
        lock.readLock().lock();
        try {
            next:
            for (int slot = 0, base = 0; slot < used; slot++, base += WORDS) {
                for (int k = 0; k < words.length; k++) {
                    if ((bits[base + words[k]] & masks[k]) == 0) {
                        continue next;
                    }
                }
                if (ids[slot] == FREE) {
                    continue;
                }
                if (count == limit) {
                    return null;
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = ids[slot];
            }
        } finally {
            lock.readLock().unlock();
        }
        return Arrays.copyOf(found, count);
    }

    /** Approximate heap the index takes, in bytes (arrays and the id map). */
    long bytes() {
        lock.readLock().lock();
        try {
            long arrays = 16 + 8L * ids.length + 16 + 8L * bits.length + 16 + 4L * free.length;
            // HashMap<Long, Integer>: a node (32), a Long (16) and an Integer (16) per entry, and its table.
            return arrays + 64L * slotOf.size() + 16 + 4L * Integer.highestOneBit(Math.max(1, slotOf.size()) * 2);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The text's trigrams as bits: one per trigram (UTF-16 chars, as LIKE compares them). */
    static long[] signature(String text) {
        long[] signature = new long[WORDS];
        for (int i = 0; i + 2 < text.length(); i++) {
            int bit = (int) mix(key(text, i)) & BITS - 1;
            signature[bit >>> 6] |= 1L << bit;
        }
        return signature;
    }

    /** The hashes of the distinct trigrams of the query. */
    static long[] trigramHashes(String text) {
        int n = text.length() - 2;
        if (n <= 0) {
            return new long[0];
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key(text, i);
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

    private static long key(String text, int i) {
        return (long) text.charAt(i) << 32 | (long) text.charAt(i + 1) << 16 | text.charAt(i + 2);
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
