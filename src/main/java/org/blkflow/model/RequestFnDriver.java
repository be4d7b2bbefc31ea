package org.blkflow.model;

import org.blkflow.scenario.Device;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * null_blk in queue_mode=1 (3.16) behind the legacy queue: null_request_fn drains the dispatch list
 * under queue_lock, dropping the lock around each command; the prep function takes one of
 * queueDepth driver tags or stops the queue; completions end requests under queue_lock again.
 *
 * <p>Departure: D is traced once the prep function has a driver tag (the kernel traces it just
 * before prep, and a deferred request then waits STARTED at the head of the dispatch list).
 */
final class RequestFnDriver {

    private final Machine m;
    private final LegacyQueue q;
    private final Device device;
    private final int driverTags;
    private final CompletionTimer<Request> timer;
    private LegacySubmission submission;
    private Workload workload;
    private int tagsInUse;
    private boolean runPending;

    RequestFnDriver(Machine m, LegacyQueue q, Device device, int driverTags) {
        this.m = m;
        this.q = q;
        this.device = device;
        this.driverTags = driverTags;
        this.timer = new CompletionTimer<>(m, device.completionNs(), (rq, cpu) -> end(rq, cpu, Actor.interrupt(cpu)));
    }

    void attach(LegacySubmission submission, Workload workload) {
        this.submission = submission;
        this.workload = workload;
    }

    /** __blk_run_queue() → null_request_fn(), entered and left with queue_lock held. */
    void runQueue(int cpu, Actor actor) {
        if (q.stopped) return;
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "__blk_run_queue", cpu, actor, -1, q.queue, -1);
        for (Request rq = peek(cpu, actor); rq != null; rq = peek(cpu, actor)) {
            if (tagsInUse == driverTags) {
                q.stopped = true;
                m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_stop_queue", cpu, actor, -1, q.queue, -1);
                return;
            }
            tagsInUse++;
            q.queueHead.poll();
            m.charge(m.costs.dispatchNs());
            rq.started = true;
            m.emit.request(TransitionKind.ISSUE, "D", "blk_peek_request", cpu, actor, rq, Place.dispatch(0),
                    Place.driver(0));
            q.queueLock.unlock();
            handleCommand(rq, cpu, actor);
            q.queueLock.lock(cpu, "null_request_fn");
        }
    }

    /** blk_run_queue_async(): kblockd runs the queue later, under queue_lock (blk_delay_work). */
    void runQueueAsync(int cpu, Actor actor) {
        if (runPending) return;
        runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "blk_run_queue_async", cpu, actor, -1, q.queue, cpu);
        m.on(cpu, () -> {
            m.charge(m.costs.switchNs());
            runPending = false;
            q.queueLock.lock(cpu, "blk_delay_work");
            runQueue(cpu, Actor.kworker(cpu));
            q.queueLock.unlock();
        });
    }

    /** blk_peek_request()'s source: the dispatch list's head, refilled from the elevator when empty. */
    private Request peek(int cpu, Actor actor) {
        if (q.queueHead.isEmpty()) {
            Request rq = q.elevator.dispatch(m.sim.now());
            if (rq == null) return null;
            q.hashRemove(rq, rq.end());
            if (q.lastMerge == rq) q.lastMerge = null;
            q.queueHead.add(rq);
            m.emit.request(TransitionKind.ELV_DISPATCH, null, q.elevator.dispatchFn(), cpu, actor, rq,
                    Place.elevator(0), Place.dispatch(0));
        }
        return q.queueHead.peek();
    }

    /** null_handle_cmd() in queue_mode=1: inline, BLOCK_SOFTIRQ on the submitter, or the hrtimer. */
    private void handleCommand(Request rq, int cpu, Actor actor) {
        m.charge(m.costs.driverNs());
        m.emit.request(TransitionKind.QUEUE_RQ, null, "null_request_fn", cpu, actor, rq, Place.driver(0),
                Place.device(0));
        switch (device.irqMode()) {
            case "none" -> end(rq, cpu, actor);
            case "softirq" -> softirq(rq, cpu, actor);
            default -> timer.add(rq, cpu);
        }
    }

    /** blk_complete_request(): BLOCK_SOFTIRQ on req->cpu, by IPI when that is another CPU. */
    private void softirq(Request rq, int cpu, Actor actor) {
        int target = rq.ctx.cpu;
        if (target != cpu) {
            m.emit.request(TransitionKind.IPI, null, "blk_complete_request", cpu, actor, rq, Place.device(0),
                    Place.device(0));
        }
        m.on(target, () -> {
            m.charge(target != cpu ? m.costs.ipiNs() : m.costs.irqNs());
            end(rq, target, Actor.interrupt(target));
        });
    }

    /**
     * end_cmd() → blk_end_request_all(): C and the bios ended without the lock, then
     * blk_finish_request under queue_lock frees the request and wakes one get_request sleeper.
     * The driver tag comes back last, restarting a queue the prep function stopped.
     */
    private void end(Request rq, int cpu, Actor actor) {
        m.charge(m.costs.completeNs());
        rq.started = false;
        m.emit.request(TransitionKind.COMPLETE, "C", "blk_update_request", cpu, actor, rq, Place.device(0), Place.DONE);
        for (Bio bio : rq.bios) {
            m.emit.bio(TransitionKind.BIO_END, null, "bio_endio", cpu, actor, bio, rq, q.queue, Place.MERGED, Place.DONE);
            workload.bioDone(bio.task);
        }
        q.queueLock.lock(cpu, "blk_end_bidi_request");
        free(rq, cpu, actor);
        tagsInUse--;
        if (q.stopped) {
            q.stopped = false;
            m.emit.queue(TransitionKind.HCTX_START, null, "blk_start_queue_async", cpu, actor, -1, q.queue, -1);
            runQueueAsync(cpu, actor);
        }
        q.queueLock.unlock();
    }

    /** __blk_put_request() → freed_request(): nr_requests accounting and an exclusive wakeup. */
    private void free(Request rq, int cpu, Actor actor) {
        int cls = LegacyQueue.syncClass(rq.sync);
        q.allocated[cls]--;
        q.elevator.completed(rq, m.sim.now());
        m.emit.request(TransitionKind.FREE, null, "__blk_put_request", cpu, actor, rq, Place.DONE, Place.NONE);
        Task sleeper = q.allocated[cls] < q.nrRequests ? q.sleepers[cls].poll() : null;
        if (sleeper == null) return;
        m.emit.bio(TransitionKind.WAKE, null, "__freed_request", cpu, actor, sleeper.pendingBio, null, q.queue,
                Place.tagWait(0), Place.task(sleeper.cpu));
        m.on(sleeper.cpu, () -> submission.retryAfterWake(sleeper));
    }
}
