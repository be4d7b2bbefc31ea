package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.engine.Lock;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * A driver's own requeue in 7.0 (block/blk-mq.c): blk_mq_requeue_request(rq, true) traces R, puts the
 * request on q->requeue_list and kicks q->requeue_work; kblockd's blk_mq_requeue_work re-inserts each
 * request at the head — I, then the head of its ctx list without a scheduler, mq-deadline's
 * dd->dispatch or kyber's domain list head — and runs the hardware queues, so the request is
 * dispatched again (a second D); kyber gets its token back meanwhile. null_blk never sets RQF_DONTPREP, so the work's other branch (the
 * bypass to hctx->dispatch, no I) is not reached. The request keeps its scheduler tag throughout, and
 * without a scheduler its only tag.
 */
final class RequeueWork70 {

    private final Machine m;
    private final Dispatch70 dispatch;
    private final SchedDispatch70 sched;
    /** q->requeue_lock, guarding q->requeue_list. */
    private final Lock lock;
    private final ArrayDeque<Request> requeueList = new ArrayDeque<>();
    /** The work is queued on kblockd and has not started: another kick does not queue it twice. */
    private boolean pending;

    RequeueWork70(Machine m, Dispatch70 dispatch, SchedDispatch70 sched) {
        this.m = m;
        this.dispatch = dispatch;
        this.sched = sched;
        this.lock = m.newLock("q->requeue_lock");
    }

    /**
     * blk_mq_requeue_request(rq, true), called from the driver's queue_rq: __blk_mq_requeue_request
     * (R), the tail of q->requeue_list, then blk_mq_kick_requeue_list.
     */
    void requeueRequest(Hctx70 x, Request rq, int cpu, Actor actor, Runnable next) {
        dispatch.requeue(x, rq, "blk_mq_requeue_request", Place.requeue(rq.hctx.device), cpu, actor);
        // blk_mq_sched_requeue_request(): the scheduler's requeue_request (kyber's token back).
        if (sched != null) sched.elevator.requeueRequest(rq, cpu, actor);
        lock.lock(m.cpu(cpu), "blk_mq_requeue_request", () -> {
            requeueList.addLast(rq);
            lock.unlock(m.cpu(cpu));
            kick(cpu);
            next.run();
        });
    }

    /**
     * blk_mq_kick_requeue_list(): kblockd_mod_delayed_work_on(WORK_CPU_UNBOUND, …, 0) queues the work
     * on this CPU's kblockd unless it is queued already.
     */
    private void kick(int cpu) {
        if (pending) return;
        pending = true;
        m.wake(cpu, () -> m.switchIn(cpu, () -> work(cpu, Actor.kworker(cpu))));
    }

    /** blk_mq_requeue_work(): the list spliced under q->requeue_lock, each request re-inserted, the queues run. */
    private void work(int cpu, Actor actor) {
        pending = false;
        lock.lock(m.cpu(cpu), "blk_mq_requeue_work", () -> {
            ArrayDeque<Request> list = new ArrayDeque<>(requeueList);
            requeueList.clear();
            lock.unlock(m.cpu(cpu));
            insertEach(list, cpu, actor);
        });
    }

    private void insertEach(ArrayDeque<Request> list, int cpu, Actor actor) {
        Request rq = list.poll();
        if (rq == null) {
            dispatch.runAll(cpu, actor, () -> m.schedule(cpu));
            return;
        }
        insertAtHead(rq, cpu, actor, () -> insertEach(list, cpu, actor));
    }

    /**
     * blk_mq_insert_request(rq, BLK_MQ_INSERT_AT_HEAD): the elevator's insert_requests, or I and the
     * head of the request's ctx list under ctx->lock, the ctx marked pending.
     */
    private void insertAtHead(Request rq, int cpu, Actor actor, Runnable next) {
        if (sched != null) {
            sched.elevator.insertAtHead(rq, Place.requeue(rq.hctx.device), cpu, actor, next);
            return;
        }
        SoftwareQueue ctx = rq.ctx;
        Hctx70 x = dispatch.of(rq);
        ctx.lock.lock(m.cpu(cpu), "blk_mq_insert_request", () -> m.after(cpu, m.costs.insertNs(), () -> {
            ctx.rqList.addFirst(rq);
            x.hw.markPending(ctx);
            m.emit.request(TransitionKind.INSERT, "I", "blk_mq_insert_request", cpu, actor, rq, Place.requeue(rq.hctx.device),
                    Place.ctx(ctx.place));
            ctx.lock.unlock(m.cpu(cpu));
            next.run();
        }));
    }
}
