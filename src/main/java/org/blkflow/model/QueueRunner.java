package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/** Running a hardware queue: blk_mq_run_hw_queue() and __blk_mq_run_hw_queue() of 3.16. */
final class QueueRunner {

    private final Machine m;
    private NullBlk driver;

    QueueRunner(Machine m) {
        this.m = m;
    }

    void attach(NullBlk driver) {
        this.driver = driver;
    }

    /**
     * blk_mq_run_hw_queue(): inline when not async and this CPU is in the hctx's cpumask, else as
     * kblockd work — on this CPU with one hctx, else on the next CPU of the mask.
     */
    void run(HardwareQueue hctx, boolean async, int cpu, Actor actor) {
        if (hctx.stopped) return;
        if (!async && hctx.mapsCpu(cpu)) {
            runNow(hctx, cpu, actor);
            return;
        }
        int target = m.hctxs.length == 1 ? cpu : hctx.nextCpu();
        if (hctx.runPending) return;
        hctx.runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "kblockd_schedule_delayed_work", cpu, actor, -1, hctx, target);
        m.on(target, () -> {
            m.charge(m.costs.switchNs());
            hctx.runPending = false;
            runNow(hctx, target, Actor.kworker(target));
        });
    }

    /**
     * __blk_mq_run_hw_queue(): splice the busy software queues (in index_hw order) onto a local list,
     * put hctx->dispatch in front of them, then start and queue each request until the driver says BUSY.
     */
    void runNow(HardwareQueue hctx, int cpu, Actor actor) {
        if (hctx.stopped) return;
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "__blk_mq_run_hw_queue", cpu, actor, -1, hctx, -1);
        ArrayDeque<Request> list = flushBusyCtxs(hctx, cpu, actor);
        if (!hctx.dispatch.isEmpty()) {
            hctx.lock.lock(cpu, "__blk_mq_run_hw_queue");
            while (!hctx.dispatch.isEmpty()) list.addFirst(hctx.dispatch.pollLast());
            hctx.lock.unlock();
        }
        while (!list.isEmpty()) {
            Request rq = list.poll();
            start(rq, Place.hctx(hctx.index), cpu, actor);
            if (driver.queueRq(hctx, rq, cpu, actor) == NullBlk.Status.BUSY) {
                list.addFirst(rq);
                requeue(rq, Place.hctx(hctx.index), cpu, actor);
                break;
            }
        }
        if (!list.isEmpty()) {
            hctx.lock.lock(cpu, "__blk_mq_run_hw_queue");
            hctx.dispatch.addAll(list);
            hctx.lock.unlock();
        }
    }

    /** blk_mq_start_request(): STARTED, the timeout armed, and D in the trace. */
    void start(Request rq, Place from, int cpu, Actor actor) {
        m.charge(m.costs.dispatchNs());
        rq.started = true;
        m.emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", cpu, actor, rq, from,
                Place.driver(rq.hctx.index));
    }

    /** __blk_mq_requeue_request(): STARTED cleared, R in the trace. */
    void requeue(Request rq, Place to, int cpu, Actor actor) {
        rq.started = false;
        m.emit.request(TransitionKind.REQUEUE, "R", "__blk_mq_requeue_request", cpu, actor, rq,
                Place.driver(rq.hctx.index), to);
    }

    /** blk_mq_start_stopped_hw_queues(q, async): clear STOPPED and run each stopped queue. */
    void startStoppedQueues(boolean async, int cpu, Actor actor) {
        for (HardwareQueue hctx : m.hctxs) {
            if (!hctx.stopped) continue;
            hctx.stopped = false;
            m.emit.queue(TransitionKind.HCTX_START, null, "blk_mq_start_stopped_hw_queues", cpu, actor, -1, hctx, -1);
            run(hctx, async, cpu, actor);
        }
    }

    /** flush_busy_ctxs(): every software queue marked pending gives up its whole list, FIFO. */
    private ArrayDeque<Request> flushBusyCtxs(HardwareQueue hctx, int cpu, Actor actor) {
        ArrayDeque<Request> list = new ArrayDeque<>();
        for (SoftwareQueue ctx : hctx.ctxs) {
            if (!hctx.pending[ctx.indexHw]) continue;
            hctx.pending[ctx.indexHw] = false;
            ctx.lock.lock(cpu, "flush_busy_ctxs");
            for (Request rq = ctx.rqList.poll(); rq != null; rq = ctx.rqList.poll()) {
                m.emit.request(TransitionKind.CTX_FLUSH, null, "flush_busy_ctxs", cpu, actor, rq,
                        Place.ctx(ctx.cpu), Place.hctx(hctx.index));
                list.add(rq);
            }
            ctx.lock.unlock();
        }
        return list;
    }
}
