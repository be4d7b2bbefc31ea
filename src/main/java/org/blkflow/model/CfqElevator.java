package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * cfq (3.16, block/cfq-iosched.c), reduced: a queue per process and sync class (CfqQueue), served
 * one at a time round-robin for a time slice, at most cfq_quantum requests from it in the driver,
 * and idling up to slice_idle for the same process's next sync request when 3.16 would: not on a
 * non-rotational device that queues (CfqHwTag), and otherwise only for a queue with the idle window
 * (not shallow and seeky) or the last one in its service tree. Both devices the model has are
 * non-rotational, so idling there needs a driver estimated to take fewer than 5 requests at once.
 *
 * <p>Not modelled: priorities and classes, the service trees' order (vdisktime, rb_key) and the
 * workload type served in turn (sync, sync-noidle, async each get a slice of their own: here one
 * round-robin line), async queues shared per priority (here per process), think time (taken as
 * short: idle windows stay on unless shallow and seeky, cfq_io_thinktime_big() is never true),
 * cfq_may_dispatch()'s depths (a flat cfq_quantum), preemption, close cooperators, wait_busy, the
 * slice starting at the first completion and its scaling by latency, groups beyond the root one.
 */
final class CfqElevator implements Elevator {

    static final long SLICE_SYNC_NS = 100_000_000L;
    static final long SLICE_ASYNC_NS = 40_000_000L;
    /** cfq_slice_idle, and cfq_group_idle too: both HZ / 125. */
    static final long SLICE_IDLE_NS = 8_000_000L;
    static final int QUANTUM = 8;

    /** blk_queue_nonrot(cfqd->queue). */
    private final boolean nonrot;
    private final CfqHwTag hwTag = new CfqHwTag();
    private final Map<String, CfqQueue> queues = new LinkedHashMap<>();
    private final ArrayDeque<CfqQueue> roundRobin = new ArrayDeque<>();
    private CfqQueue active;
    private long sliceStart;
    private long sliceEnd;
    /** The idle slice timer's expiry while it is pending, else -1. */
    private long idleUntil = -1;
    private long kickAt = -1;
    /** cfqd->rq_queued. */
    private int waiting;
    /** cfqd->rq_in_driver: activated, not yet completed. */
    private int inDriver;
    /** The root group's dispatched: requests of any queue dispatched and not yet completed. */
    private int dispatched;

    CfqElevator(boolean nonrot) {
        this.nonrot = nonrot;
    }

    /** cfq_insert_request(): cfq_add_rq_rb() then cfq_rq_enqueued(). */
    @Override
    public void add(Request rq, long now) {
        CfqQueue q = queues.computeIfAbsent(key(rq), k -> new CfqQueue(rq.sync));
        // cfq_set_request(): the request belongs to this queue for good, whoever's bio merges in front.
        rq.elvPrivate = q;
        q.add(rq);
        waiting++;
        if (q != active && !roundRobin.contains(q)) roundRobin.add(q);
        q.enqueued(rq, nonrot);
        // The awaited request ends the idle; blk_queue_bio runs the queue after the insert.
        if (q == active) idleUntil = -1;
    }

    /** cfq_dispatch_requests() → cfq_select_queue(): serve the active queue, wait for it, or switch. */
    @Override
    public Request dispatch(long now) {
        if (active != null && idleUntil >= 0 && now >= idleUntil) {
            // cfq_idle_slice_timer(): the idle brought no request; the queue's depth flag goes with it.
            active.deep = false;
            expire();
        }
        if (waiting == 0) return null;
        if (active != null) {
            if (waitFor(now)) {
                if (idling(now)) kickAt = idleUntil;
                return null;
            }
            if (active.size == 0 || now >= sliceEnd) expire();
        }
        if (active == null) {
            active = roundRobin.poll();
            sliceStart = now;
            sliceEnd = now + (active.sync ? SLICE_SYNC_NS : SLICE_ASYNC_NS);
        }
        if (active.dispatched >= QUANTUM) return null;
        Request rq = active.pollFirst();
        waiting--;
        active.dispatched++;
        dispatched++;
        return rq;
    }

    /** elevator_activate_req_fn (cfq_activate_request), for requests cfq sorted (REQ_SORTED): the driver took it. */
    @Override
    public void activated(Request rq) {
        if (rq.elvPrivate instanceof CfqQueue) inDriver++;
    }

    /** cfq_completed_request(): the depth sample, then the active queue expires or may idle. */
    @Override
    public void completed(Request rq, long now) {
        if (!(rq.elvPrivate instanceof CfqQueue q)) return;
        hwTag.sample(inDriver, waiting, active);
        inDriver--;
        q.dispatched--;
        dispatched--;
        if (q == active) {
            if (now >= sliceEnd) expire();
            else if (q.sync && q.size == 0) armSliceTimer(rq, now);
        }
        // cfq_schedule_dispatch(): with nothing left in the driver, dispatch again (or after the idle).
        if (inDriver == 0 && waiting > 0) kickAt = Math.max(now, idleUntil);
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
        CfqQueue q = queues.get(key(bio.task, bio.sync));
        return q == null ? null : q.startingAt(bio.end());
    }

    @Override
    public void merged(Request rq, long oldSector) {
        if (rq.sector != oldSector && rq.elvPrivate instanceof CfqQueue q) q.reposition(rq, oldSector);
    }

    @Override
    public boolean isEmpty() {
        return waiting == 0;
    }

    @Override
    public String dispatchFn() {
        return "cfq_dispatch_requests";
    }

    /** hw_tag as estimated so far (-1, 0 or 1), for tests. */
    int hwTag() {
        return hwTag.value();
    }

    /**
     * cfq_select_queue()'s "keep_queue" with nothing to dispatch: a used slice only waits for what a
     * lone queue has in flight; an empty queue waits out its idle timer, then for its requests in
     * flight if cfq_should_idle(), then as the group's only busy queue (check_group_idle).
     */
    private boolean waitFor(long now) {
        if (now >= sliceEnd) return groupIdle();
        if (active.size > 0) return false;
        if (idling(now)) return true;
        // "a deep seek queue, but the device is much faster than the queue can deliver": early in the slice.
        if (active.seeky() && active.idleWindow && sliceEnd - now > now - sliceStart) {
            active.deep = false;
            active.idleWindow = false;
        }
        if (active.dispatched > 0 && shouldIdle(active)) return true;
        return groupIdle();
    }

    /** check_group_idle: cfq_group_idle is set, the group has one busy queue and requests in flight. */
    private boolean groupIdle() {
        return busy(null) == 1 && dispatched > 0;
    }

    /**
     * cfq_should_idle(): a queue with the idle window, unless the device has no seek penalty and
     * queues; otherwise only a sync queue alone in its service tree.
     */
    private boolean shouldIdle(CfqQueue q) {
        if (q.idleWindow && !hwTag.idlingPointless(nonrot)) return true;
        return q.sync && busy(q) == 1;
    }

    /**
     * cfq_arm_slice_timer(), the active sync queue just emptied: no idle on a non-rotational device
     * that queues, nor while the queue has requests in flight, nor for a process that is done (the
     * model's process exits with its last bio); a queue cfq_should_idle() refuses gets the group idle
     * instead, which is skipped while other queues are busy.
     */
    private void armSliceTimer(Request rq, long now) {
        if (hwTag.idlingPointless(nonrot)) return;
        boolean groupIdle = !shouldIdle(active);
        if (active.dispatched > 0) return;
        Task task = rq.bios.get(0).task;
        if (task.remaining == 0 && task.inflight == 0) return;
        if (groupIdle && busy(null) > 1) return;
        idleUntil = now + SLICE_IDLE_NS;
    }

    private boolean idling(long now) {
        return idleUntil >= 0 && now < idleUntil;
    }

    /**
     * Busy queues (on the service trees: with requests, or active): all of them, or those in the
     * service tree {@code like} belongs to (cfqq_type(): async, sync without or with the idle window).
     */
    private int busy(CfqQueue like) {
        int n = 0;
        for (CfqQueue q : queues.values()) {
            if (q.size == 0 && q != active) continue;
            if (like == null || (q.sync == like.sync && q.idleWindow == like.idleWindow)) n++;
        }
        return n;
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
}
