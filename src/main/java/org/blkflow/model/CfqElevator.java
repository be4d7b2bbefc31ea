package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * cfq, reduced to the mechanism that matters on a device with no seek penalty: a queue per process
 * (and sync class), served one at a time round-robin for a time slice, at most cfq_quantum requests
 * in the driver from it, and idling up to slice_idle for the same process's next sync request
 * before another process may dispatch. Greedy random readers then get roughly one process's worth
 * of the device at a time. Not modelled: priorities and classes, the service tree's vdisktime,
 * async queues per priority, think-time and seekiness heuristics, group scheduling.
 */
final class CfqElevator implements Elevator {

    static final long SLICE_SYNC_NS = 100_000_000L;
    static final long SLICE_ASYNC_NS = 40_000_000L;
    static final long SLICE_IDLE_NS = 8_000_000L;
    static final int QUANTUM = 8;

    private final Map<String, ProcessQueue> queues = new LinkedHashMap<>();
    private final ArrayDeque<ProcessQueue> roundRobin = new ArrayDeque<>();
    private ProcessQueue active;
    private long sliceEnd;
    private long idleUntil = -1;
    private long kickAt = -1;
    private int waiting;

    @Override
    public void add(Request rq, long now) {
        ProcessQueue q = queues.computeIfAbsent(key(rq), k -> new ProcessQueue(rq.sync));
        // cfq_set_request(): the request belongs to this queue for good, whoever's bio merges in front.
        rq.elvPrivate = q;
        q.sorted.computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
        q.size++;
        waiting++;
        if (q != active && !roundRobin.contains(q)) roundRobin.add(q);
        if (q == active) idleUntil = -1;
    }

    /** cfq_dispatch_requests(): from the active queue only; idle rather than switch when it is waited for. */
    @Override
    public Request dispatch(long now) {
        if (active != null && (now >= sliceEnd || (active.size == 0 && !waitedFor(now)))) expire();
        if (active == null) {
            active = roundRobin.poll();
            if (active == null) return null;
            sliceEnd = now + (active.sync ? SLICE_SYNC_NS : SLICE_ASYNC_NS);
            idleUntil = -1;
        }
        if (active.size == 0) {
            if (idling(now)) kickAt = idleUntil;
            return null;
        }
        if (active.inDriver >= QUANTUM) return null;
        var first = active.sorted.firstEntry();
        Request rq = first.getValue().poll();
        if (first.getValue().isEmpty()) active.sorted.remove(first.getKey());
        active.size--;
        active.inDriver++;
        waiting--;
        return rq;
    }

    /** cfq_completed_request(): an emptied sync queue arms the idle timer (cfq_arm_slice_timer). */
    @Override
    public void completed(Request rq, long now) {
        if (!(rq.elvPrivate instanceof ProcessQueue q)) return;
        q.inDriver--;
        if (q == active && q.sync && q.size == 0 && q.inDriver == 0 && now < sliceEnd) idleUntil = now + SLICE_IDLE_NS;
        // cfq_schedule_dispatch(): with nothing left in the driver, dispatch again (or after the idle).
        if (q.inDriver == 0 && waiting > 0) kickAt = Math.max(now, idleUntil);
        else if (idleUntil >= 0) kickAt = idleUntil;
    }

    @Override
    public long wakeAt() {
        long at = kickAt;
        kickAt = -1;
        return at;
    }

    @Override
    public Request frontMergeCandidate(Bio bio) {
        ProcessQueue q = queues.get(key(bio.task, bio.sync));
        if (q == null) return null;
        ArrayDeque<Request> at = q.sorted.get(bio.end());
        return at == null ? null : at.peek();
    }

    @Override
    public void merged(Request rq, long oldSector) {
        if (rq.sector == oldSector || !(rq.elvPrivate instanceof ProcessQueue q)) return;
        ArrayDeque<Request> at = q.sorted.get(oldSector);
        if (at != null && at.remove(rq)) {
            if (at.isEmpty()) q.sorted.remove(oldSector);
            q.sorted.computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
        }
    }

    @Override
    public boolean isEmpty() {
        return waiting == 0;
    }

    @Override
    public String dispatchFn() {
        return "cfq_dispatch_requests";
    }

    /**
     * An empty sync queue keeps the device while its own requests are still in flight, and then for
     * the idle window (cfq_select_queue's "cfqq->dispatched && cfq_should_idle").
     */
    private boolean waitedFor(long now) {
        return active.sync && (active.inDriver > 0 || idling(now));
    }

    private boolean idling(long now) {
        return idleUntil >= 0 && now < idleUntil;
    }

    /** cfq_slice_expired(): the active queue goes to the back of the line if it still has work. */
    private void expire() {
        if (active.size > 0) roundRobin.add(active);
        active = null;
        idleUntil = -1;
    }

    private static String key(Request rq) {
        return key(rq.bios.get(0).task, rq.sync);
    }

    /** cfq_cic_lookup(): a process has one sync and one async queue. */
    private static String key(Task task, boolean sync) {
        return task.actor.pid() + (sync ? "s" : "a");
    }

    private static final class ProcessQueue {
        final boolean sync;
        final TreeMap<Long, ArrayDeque<Request>> sorted = new TreeMap<>();
        int size;
        int inDriver;

        ProcessQueue(boolean sync) {
            this.sync = sync;
        }
    }
}
