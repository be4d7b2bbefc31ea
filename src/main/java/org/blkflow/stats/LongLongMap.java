package org.blkflow.stats;

import java.util.Arrays;

/**
 * A map from non-negative long ids to long values, open addressing with linear probing and
 * backward-shift deletion: the statistics look up a bio or request on almost every transition,
 * and boxing each id into a HashMap entry was the largest cost of a run's bookkeeping.
 */
final class LongLongMap {

    static final long MISSING = Long.MIN_VALUE;
    private static final long EMPTY = -1;

    private long[] keys = new long[64];
    private long[] values = new long[64];
    private int size;

    LongLongMap() {
        Arrays.fill(keys, EMPTY);
    }

    long get(long key) {
        int i = find(key);
        return keys[i] == EMPTY ? MISSING : values[i];
    }

    boolean containsKey(long key) {
        return keys[find(key)] != EMPTY;
    }

    void put(long key, long value) {
        if (key < 0) throw new IllegalArgumentException("negative key " + key);
        int i = find(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
        if (size * 2 > keys.length) grow();
    }

    /** Removes the key and returns its value, or MISSING. */
    long remove(long key) {
        int mask = keys.length - 1;
        int i = find(key);
        if (keys[i] == EMPTY) return MISSING;
        long value = values[i];
        size--;
        // Backward-shift: move later entries of the probe run into the hole so lookups stay correct.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = EMPTY;
        return value;
    }

    int size() {
        return size;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) put(oldKeys[i], oldValues[i]);
        }
    }
}
