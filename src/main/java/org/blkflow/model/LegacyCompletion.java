package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * What every legacy driver shares: taking requests off the dispatch list (refilled from the
 * elevator), ending them (C, bio_endio) and freeing them under queue_lock with the exclusive
 * wakeup of a get_request sleeper.
 */
final class LegacyCompletion {

    private final Machine m;
    private final LegacyQueue q;
    private LegacySubmission submission;
    private Workload workload;

    LegacyCompletion(Machine m, LegacyQueue q) {
        this.m = m;
        this.q = q;
    }

    void attach(LegacySubmission submission, Workload workload) {
        this.submission = submission;
        this.workload = workload;
    }

    /** blk_peek_request()'s source: the dispatch list's head, refilled from the elevator when empty. */
    Request peek(int cpu, Actor actor) {
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

    /** blk_start_request(): off the dispatch list and into the driver, traced D (queue_lock held). */
    void start(Request rq, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.dispatchNs(), () -> {
            q.queueHead.remove(rq);
            rq.started = true;
            m.emit.request(TransitionKind.ISSUE, "D", "blk_peek_request", cpu, actor, rq, Place.dispatch(0),
                    Place.driver(0));
            next.run();
        });
    }

    /** blk_update_request() after its CPU time (no lock needed). */
    void complete(Request rq, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.completeNs(), () -> {
            completeNow(rq, cpu, actor);
            next.run();
        });
    }

    /** blk_update_request(): C and bio_endio for each bio. */
    void completeNow(Request rq, int cpu, Actor actor) {
        RequestEnd.blkUpdateRequest(m, workload, rq, "blk_update_request", Place.device(0), q.queue, cpu, actor);
    }

    /** __blk_put_request() → freed_request(), queue_lock held: accounting and one exclusive wakeup. */
    void free(Request rq, int cpu, Actor actor) {
        int cls = LegacyQueue.syncClass(rq.sync);
        q.allocated[cls]--;
        q.elevator.completed(rq, m.sim.now());
        m.emit.request(TransitionKind.FREE, null, "__blk_put_request", cpu, actor, rq, Place.DONE, Place.NONE);
        Task sleeper = q.allocated[cls] < q.nrRequests ? q.sleepers[cls].poll() : null;
        if (sleeper == null) return;
        m.emit.bio(TransitionKind.WAKE, null, "__freed_request", cpu, actor, sleeper.pendingBio, null, q.queue,
                Place.tagWait(0), Place.task(sleeper.cpu));
        m.wake(sleeper.cpu, () -> submission.retryAfterWake(sleeper));
    }
}
