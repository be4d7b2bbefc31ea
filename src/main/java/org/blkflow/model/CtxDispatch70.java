package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Dispatch from the software queues without a scheduler (7.0, blk-mq-sched.c and blk-mq.c): every
 * pending ctx taken whole in CPU order, or — while the hctx is dispatch_busy — one request at a
 * time, round robin from hctx->dispatch_from.
 */
final class CtxDispatch70 {

    private final Machine m;
    private final Dispatch70 dispatch;

    CtxDispatch70(Machine m, Dispatch70 dispatch) {
        this.m = m;
        this.dispatch = dispatch;
    }

    /**
     * blk_mq_do_dispatch_ctx(): one request at a time, round robin over the pending software queues
     * from hctx->dispatch_from, until the driver leaves one over or nothing is pending.
     */
    void dispatchOneByOne(Hctx70 x, int from, int cpu, Actor actor, Consumer<Boolean> again) {
        if (!x.hw.dispatch.isEmpty()) {
            x.dispatchFrom = from;
            again.accept(true);
            return;
        }
        int n = x.hw.ctxs.size();
        int i = 0;
        while (i < n && !x.hw.pending[(from + i) % n]) i++;
        if (i == n) {
            x.dispatchFrom = from;
            again.accept(false);
            return;
        }
        SoftwareQueue ctx = x.hw.ctxs.get((from + i) % n);
        // The budget before the dequeue: without one the request stays in its software queue.
        if (!dispatch.budget.get()) {
            x.dispatchFrom = from;
            again.accept(false);
            return;
        }
        ctx.lock.lock(m.cpu(cpu), "blk_mq_dequeue_from_ctx", () -> {
            Request rq = ctx.rqList.poll();
            if (ctx.rqList.isEmpty()) x.hw.pending[ctx.indexHw] = false;
            if (rq == null) {
                // Another CPU emptied it while this one waited for the lock: look at the next one.
                dispatch.budget.putUnused();
                ctx.lock.unlock(m.cpu(cpu));
                dispatchOneByOne(x, from, cpu, actor, again);
                return;
            }
            if (dispatch.budget.limited()) rq.budget = true;
            m.emit.request(TransitionKind.CTX_FLUSH, null, "blk_mq_dequeue_from_ctx", cpu, actor, rq,
                    Place.ctx(ctx.place), Place.hctx(x.hw.index));
            ctx.lock.unlock(m.cpu(cpu));
            int next = (ctx.indexHw + 1) % n;
            ArrayDeque<Request> one = new ArrayDeque<>();
            one.add(rq);
            dispatch.dispatchList(x, one, cpu, actor, all -> {
                if (all) dispatchOneByOne(x, next, cpu, actor, again);
                else {
                    x.dispatchFrom = next;
                    again.accept(false);
                }
            });
        });
    }

    /** blk_mq_flush_busy_ctxs(): every pending software queue's whole list, in index_hw (CPU) order. */
    void flushBusy(Hctx70 x, int from, ArrayDeque<Request> list, int cpu, Actor actor, Runnable done) {
        int i = from;
        while (i < x.hw.ctxs.size() && !x.hw.pending[i]) i++;
        if (i == x.hw.ctxs.size()) {
            done.run();
            return;
        }
        SoftwareQueue ctx = x.hw.ctxs.get(i);
        int next = i + 1;
        ctx.lock.lock(m.cpu(cpu), "blk_mq_flush_busy_ctxs", () -> {
            x.hw.pending[ctx.indexHw] = false;
            for (Request rq = ctx.rqList.poll(); rq != null; rq = ctx.rqList.poll()) {
                m.emit.request(TransitionKind.CTX_FLUSH, null, "blk_mq_flush_busy_ctxs", cpu, actor, rq,
                        Place.ctx(ctx.place), Place.hctx(x.hw.index));
                list.add(rq);
            }
            ctx.lock.unlock(m.cpu(cpu));
            flushBusy(x, next, list, cpu, actor, done);
        });
    }
}
