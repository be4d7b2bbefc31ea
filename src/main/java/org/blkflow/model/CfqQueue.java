package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * struct cfq_queue: one process's requests of one sync class, sorted by sector, and what cfq learns
 * from them about whether waiting for that process's next request pays (its idle window).
 */
final class CfqQueue {

    /** CFQQ_SEEK_THR: on a rotational disk, a request starting more than 800 sectors from the last one seeks. */
    static final long SEEK_THR = 8 * 100;
    /** CFQQ_SECT_THR_NONROT: on a non-rotational one, a request under 64 sectors (32 KiB) counts as seeky. */
    static final int SECT_THR_NONROT = 2 * 32;
    /** cfq_update_idle_window(): a queue this many requests deep is marked deep. */
    static final int DEEP_QUEUED = 4;

    final boolean sync;
    /** sort_list: the queue's requests by start sector. */
    private final TreeMap<Long, ArrayDeque<Request>> sorted = new TreeMap<>();
    /** cfqq->queued: requests waiting in the queue. */
    int size;
    /** cfqq->dispatched: requests moved to the dispatch list or in the driver, not yet completed. */
    int dispatched;
    /** cfq_cfqq_idle_window(): cfq_init_cfqq() sets it on every sync queue. */
    boolean idleWindow;
    /** cfq_cfqq_deep(): the queue once had DEEP_QUEUED requests; only a failed idle clears it. */
    boolean deep;
    /** seek_history: a bit per enqueued request, newest lowest, set where the request was seeky. */
    private int seekHistory;
    private long lastRequestPos;

    CfqQueue(boolean sync) {
        this.sync = sync;
        this.idleWindow = sync;
    }

    void add(Request rq) {
        sorted.computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
        size++;
    }

    Request pollFirst() {
        var first = sorted.firstEntry();
        Request rq = first.getValue().poll();
        if (first.getValue().isEmpty()) sorted.remove(first.getKey());
        size--;
        return rq;
    }

    /** cfq_find_rq_fmerge()'s lookup: a request starting at {@code sector}, or null. */
    Request startingAt(long sector) {
        ArrayDeque<Request> at = sorted.get(sector);
        return at == null ? null : at.peek();
    }

    /** cfq_reposition_rq_rb(): a front merge moved the request's start sector. */
    void reposition(Request rq, long oldSector) {
        ArrayDeque<Request> at = sorted.get(oldSector);
        if (at == null || !at.remove(rq)) return;
        if (at.isEmpty()) sorted.remove(oldSector);
        sorted.computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
    }

    /** cfq_rq_enqueued(), the request already counted in size: seek time, then the idle window. */
    void enqueued(Request rq, boolean nonrot) {
        updateSeektime(rq, nonrot);
        updateIdleWindow();
        lastRequestPos = rq.end();
    }

    /** CFQQ_SEEKY(): more than 4 of the last 32 requests were seeky. */
    boolean seeky() {
        return Integer.bitCount(seekHistory) > 32 / 8;
    }

    /**
     * cfq_update_io_seektime(): a device without seek penalty judges a request by its size, since
     * small requests are what keep it from streaming; a disk by its distance from the last one.
     */
    private void updateSeektime(Request rq, boolean nonrot) {
        long distance = lastRequestPos == 0 ? 0 : Math.abs(rq.sector - lastRequestPos);
        boolean seek = nonrot ? rq.sectors < SECT_THR_NONROT : distance > SEEK_THR;
        seekHistory = seekHistory << 1 | (seek ? 1 : 0);
    }

    /**
     * cfq_update_idle_window(): a shallow seeky queue is not worth idling for; a deep one keeps its
     * window (waiting lets it refill). The think-time test that follows is not modelled: the model's
     * processes are taken to think less than slice_idle, which turns the window back on.
     */
    private void updateIdleWindow() {
        if (!sync) return;
        if (size >= DEEP_QUEUED) deep = true;
        idleWindow = deep || !seeky();
    }
}
