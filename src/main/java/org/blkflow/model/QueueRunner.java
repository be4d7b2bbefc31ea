package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/** Running a hardware queue: blk_mq_run_hw_queue() and __blk_mq_run_hw_queue() of 3.16. */
final class QueueRunner {

    private final Machine m;
    private MqDriver driver;

    QueueRunner(Machine m) {
        this.m = m;
    }

    void attach(MqDriver driver) {
        this.driver = driver;
    }

    /**
     * blk_mq_run_hw_queue(): inline when not async and this CPU is in the hctx's cpumask, else as
     * kblockd work — on this CPU with one hctx, else on the next CPU of the mask.
     */
    void run(HardwareQueue hctx, boolean async, int cpu, Actor actor, Runnable done) {
        if (hctx.stopped) {
            done.run();
            return;
        }
        if (!async && hctx.mapsCpu(cpu)) {
            runNow(hctx, cpu, actor, done);
            return;
        }
        runAsync(hctx, cpu, actor);
        done.run();
    }

    /** kblockd_schedule_delayed_work(&hctx->run_work): the work runs later as a kworker path. */
    void runAsync(HardwareQueue hctx, int cpu, Actor actor) {
        if (hctx.stopped) return;
        int target = m.hctxs.length == 1 ? cpu : hctx.nextCpu();
        if (hctx.runPending) return;
        hctx.runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "kblockd_schedule_delayed_work", cpu, actor, -1, hctx, target);
        m.wake(target, () -> m.switchIn(target, () -> {
            hctx.runPending = false;
            // worker_thread() with no more work: worker_enter_idle(), then schedule() away from the kworker.
            runNow(hctx, target, Actor.kworker(target), () -> m.schedule(target));
        }));
    }

    /**
     * __blk_mq_run_hw_queue(): splice the busy software queues (in index_hw order) onto a local list,
     * put hctx->dispatch in front of them, then start and queue each request until the driver says BUSY.
     */
    void runNow(HardwareQueue hctx, int cpu, Actor actor, Runnable done) {
        if (hctx.stopped) {
            done.run();
            return;
        }
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "__blk_mq_run_hw_queue", cpu, actor, -1, hctx, -1);
        ArrayDeque<Request> list = new ArrayDeque<>();
        flushBusyCtxs(hctx, 0, list, cpu, actor, () -> {
            if (hctx.dispatch.isEmpty()) {
                dispatch(hctx, list, cpu, actor, done);
                return;
            }
            hctx.lock.lock(m.cpu(cpu), "__blk_mq_run_hw_queue", () -> {
                while (!hctx.dispatch.isEmpty()) list.addFirst(hctx.dispatch.pollLast());
                hctx.lock.unlock(m.cpu(cpu));
                dispatch(hctx, list, cpu, actor, done);
            });
        });
    }

    /** The dispatch loop: D and ->queue_rq for each request until the list is empty or BUSY. */
    private void dispatch(HardwareQueue hctx, ArrayDeque<Request> list, int cpu, Actor actor, Runnable done) {
        if (list.isEmpty()) {
            done.run();
            return;
        }
        Request rq = list.poll();
        start(rq, Place.hctx(hctx.index), cpu, actor, () -> driver.queueRq(hctx, rq, cpu, actor, status -> {
            if (status == MqDriver.Status.OK) {
                dispatch(hctx, list, cpu, actor, done);
                return;
            }
            list.addFirst(rq);
            requeue(rq, Place.hctx(hctx.index), cpu, actor);
            hctx.lock.lock(m.cpu(cpu), "__blk_mq_run_hw_queue", () -> {
                hctx.dispatch.addAll(list);
                hctx.lock.unlock(m.cpu(cpu));
                // A completion may have restarted the queue while the leftovers were still on this
                // CPU's list; its run found hctx->dispatch empty. Run again so they are not stranded
                // (departure: 3.16 could strand them; later kernels re-run here, blk_mq_dispatch_rq_list).
                if (!hctx.stopped) runAsync(hctx, cpu, actor);
                done.run();
            });
        }));
    }

    /** blk_mq_start_request(): STARTED, the timeout armed, and D in the trace. */
    void start(Request rq, Place from, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.dispatchNs(), () -> {
            rq.started = true;
            m.emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", cpu, actor, rq, from,
                    Place.driver(rq.hctx.index));
            next.run();
        });
    }

    /** __blk_mq_requeue_request(): STARTED cleared, R in the trace. */
    void requeue(Request rq, Place to, int cpu, Actor actor) {
        rq.started = false;
        m.emit.request(TransitionKind.REQUEUE, "R", "__blk_mq_requeue_request", cpu, actor, rq,
                Place.driver(rq.hctx.index), to);
    }

    /** blk_mq_start_stopped_hw_queues(q, true): clear STOPPED and have kblockd run each stopped queue. */
    void startStoppedQueuesAsync(int cpu, Actor actor) {
        for (HardwareQueue hctx : m.hctxs) {
            if (!hctx.stopped) continue;
            hctx.stopped = false;
            m.emit.queue(TransitionKind.HCTX_START, null, "blk_mq_start_stopped_hw_queues", cpu, actor, -1, hctx, -1);
            runAsync(hctx, cpu, actor);
        }
    }

    /** flush_busy_ctxs(): every software queue marked pending gives up its whole list, FIFO, under its lock. */
    private void flushBusyCtxs(HardwareQueue hctx, int from, ArrayDeque<Request> list, int cpu, Actor actor,
                               Runnable done) {
        int i = from;
        while (i < hctx.ctxs.size() && !hctx.pending[hctx.ctxs.get(i).indexHw]) i++;
        if (i == hctx.ctxs.size()) {
            done.run();
            return;
        }
        SoftwareQueue ctx = hctx.ctxs.get(i);
        int next = i + 1;
        hctx.pending[ctx.indexHw] = false;
        ctx.lock.lock(m.cpu(cpu), "flush_busy_ctxs", () -> {
            for (Request rq = ctx.rqList.poll(); rq != null; rq = ctx.rqList.poll()) {
                m.emit.request(TransitionKind.CTX_FLUSH, null, "flush_busy_ctxs", cpu, actor, rq,
                        Place.ctx(ctx.cpu), Place.hctx(hctx.index));
                list.add(rq);
            }
            ctx.lock.unlock(m.cpu(cpu));
            flushBusyCtxs(hctx, next, list, cpu, actor, done);
        });
    }
}
