package org.blkflow.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events keyed by (time, insertion sequence), kept in parallel arrays so that
 * scheduling allocates nothing but the action itself.
 */
final class EventQueue {

    private long[] times = new long[64];
    private long[] seqs = new long[64];
    private Runnable[] actions = new Runnable[64];
    private int size;
    private long nextSeq;

    void add(long time, Runnable action) {
        if (size == times.length) grow();
        int i = size++;
        long seq = nextSeq++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, seq, times[parent], seqs[parent])) break;
            move(parent, i);
            i = parent;
        }
        set(i, time, seq, action);
    }

    long peekTime() {
        return times[0];
    }

    Runnable poll() {
        Runnable head = actions[0];
        int last = --size;
        long time = times[last];
        long seq = seqs[last];
        Runnable action = actions[last];
        actions[last] = null;
        if (last > 0) siftDown(time, seq, action, last);
        return head;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    private void siftDown(long time, long seq, Runnable action, int n) {
        int i = 0;
        int half = n >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < n && before(times[right], seqs[right], times[child], seqs[child])) child = right;
            if (!before(times[child], seqs[child], time, seq)) break;
            move(child, i);
            i = child;
        }
        set(i, time, seq, action);
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        actions[to] = actions[from];
    }

    private void set(int i, long time, long seq, Runnable action) {
        times[i] = time;
        seqs[i] = seq;
        actions[i] = action;
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        seqs = Arrays.copyOf(seqs, n);
        actions = Arrays.copyOf(actions, n);
    }
}
