package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Running a hardware queue in 7.0 (block/blk-mq.c, blk-mq-sched.c): blk_mq_run_hw_queue inline or
 * through the hctx's one run_work on kblockd, blk_mq_sched_dispatch_requests with hctx->dispatch
 * first and alone, then the scheduler or the software queues, and blk_mq_dispatch_rq_list with its
 * BUSY, restart and dispatch_busy rules, and a SCSI-like device's dispatch budget ({@link Budget70}).
 */
final class Dispatch70 {

    /** BLK_MQ_RESOURCE_DELAY and BLK_MQ_BUDGET_DELAY: 3 ms. */
    static final long RESOURCE_DELAY_NS = 3_000_000L;

    private final Machine m;
    private final Hctx70[] hctxs;
    private final SchedDispatch70 sched;
    private final NullBlk70 driver;
    private final CtxDispatch70 ctxs;
    final Budget70 budget;

    Dispatch70(Machine m, Hctx70[] hctxs, SchedDispatch70 sched, NullBlk70 driver, Budget70 budget) {
        this.m = m;
        this.budget = budget;
        this.hctxs = hctxs;
        this.sched = sched;
        this.driver = driver;
        this.ctxs = new CtxDispatch70(m, this);
    }

    Hctx70 of(Request rq) {
        return Hctx70.of(hctxs, rq.hctx);
    }

    /** blk_mq_hctx_has_pending(): hctx->dispatch, a pending ctx, or the scheduler's has_work. */
    boolean hasPending(Hctx70 x) {
        if (!x.hw.dispatch.isEmpty() || (sched != null && sched.hasWork(x))) return true;
        for (boolean p : x.hw.pending) {
            if (p) return true;
        }
        return false;
    }

    /** blk_mq_run_hw_queue(): inline when not async and this CPU is in the hctx's mask, else kblockd. */
    void run(Hctx70 x, boolean async, int cpu, Actor actor, Runnable done) {
        if (x.hw.stopped || x.hw.idle() || !hasPending(x)) {
            done.run();
            return;
        }
        if (async || !x.hw.mapsCpu(cpu)) {
            delayRun(x, 0, cpu, actor);
            done.run();
            return;
        }
        dispatch(x, cpu, actor, done);
    }

    /**
     * blk_mq_delay_run_hw_queue(): (re)arms the hctx's one run_work on blk_mq_hctx_next_cpu() — the
     * calling CPU with a single hardware queue — replacing any arming still pending, as
     * kblockd_mod_delayed_work_on does.
     */
    void delayRun(Hctx70 x, long delayNs, int cpu, Actor actor) {
        if (x.hw.stopped) return;
        int target = m.hctxs.length == 1 ? cpu : x.nextCpu();
        long generation = ++x.runGeneration;
        x.runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "blk_mq_delay_run_hw_queue", cpu, actor, -1, x.hw, target);
        Runnable queueWork = () -> m.wake(target, () -> {
            if (generation != x.runGeneration) return;
            x.runGeneration++;
            x.runPending = false;
            m.switchIn(target, () -> dispatch(x, target, Actor.kworker(target), () -> m.schedule(target)));
        });
        if (delayNs == 0) queueWork.run();
        else m.sim.schedule(delayNs, queueWork);
    }

    /**
     * blk_mq_delay_run_hw_queues(): every hctx that is mapped, not stopped and has no run_work
     * pending; under a single-queue scheduler only this CPU's hctx and those with bypassed requests.
     */
    void delayRunAll(long delayNs, boolean singleQueue, int cpu, Actor actor) {
        for (Hctx70 x : hctxs) {
            if (x.hw.stopped || x.hw.idle() || x.runPending) continue;
            if (!singleQueue || x.hw == m.ctxs[cpu].hctx || !x.hw.dispatch.isEmpty()) delayRun(x, delayNs, cpu, actor);
        }
    }

    /**
     * blk_mq_finish_request(): the elevator's finish_request, before the tags go back; a SCSI-like
     * device has put the request's budget back already (scsi_device_unbusy).
     */
    void finishRequest(Request rq, int cpu, Actor actor) {
        budget.put(rq);
        if (sched != null) sched.elevator.finishRequest(rq, cpu, actor);
    }

    /**
     * scsi_run_queue_async() after the request is freed: when a get found the budget used up since,
     * blk_mq_run_hw_queues(q) — here on kblockd, as the completion runs in interrupt context.
     */
    void budgetRestart(int cpu, Actor actor) {
        if (!budget.takeRestart()) return;
        for (Hctx70 x : hctxs) run(x, true, cpu, actor, Machine.END);
    }

    /** blk_mq_sched_restart() from every request free: a waiting hctx is run asynchronously. */
    void restart(Hctx70 x, int cpu, Actor actor) {
        if (!x.schedRestart) return;
        x.schedRestart = false;
        run(x, true, cpu, actor, Machine.END);
    }

    /** blk_mq_sched_dispatch_requests(): a second -EAGAIN in a row hands over to kblockd. */
    void dispatch(Hctx70 x, int cpu, Actor actor, Runnable done) {
        if (x.hw.stopped) {
            done.run();
            return;
        }
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "blk_mq_sched_dispatch_requests", cpu, actor, -1, x.hw, -1);
        dispatchOnce(x, cpu, actor, again -> {
            if (!again) {
                done.run();
                return;
            }
            dispatchOnce(x, cpu, actor, again2 -> {
                if (again2) run(x, true, cpu, actor, Machine.END);
                done.run();
            });
        });
    }

    /**
     * __blk_mq_sched_dispatch_requests(): hctx->dispatch first, marking the hctx for restart; if any
     * of it is left over nothing else is sent. {@code again} is true for -EAGAIN.
     */
    private void dispatchOnce(Hctx70 x, int cpu, Actor actor, Consumer<Boolean> again) {
        if (x.hw.dispatch.isEmpty()) {
            dispatchQueued(x, x.dispatchBusy != 0, cpu, actor, again);
            return;
        }
        x.hw.lock.lock(m.cpu(cpu), "__blk_mq_sched_dispatch_requests", () -> {
            ArrayDeque<Request> list = new ArrayDeque<>(x.hw.dispatch);
            x.hw.dispatch.clear();
            x.hw.lock.unlock(m.cpu(cpu));
            if (list.isEmpty()) {
                // Another CPU spliced hctx->dispatch between the unlocked look and hctx->lock: the
                // kernel marks SCHED_RESTART only for a non-empty rq_list. A spurious mark would make
                // the next NO_TAG leftover wait for a request free that may never come.
                dispatchQueued(x, x.dispatchBusy != 0, cpu, actor, again);
                return;
            }
            x.schedRestart = true;
            dispatchList(x, list, cpu, actor, all -> {
                if (!all) again.accept(false);
                else dispatchQueued(x, true, cpu, actor, again);
            });
        });
    }

    /** The scheduler's requests, or the software queues': one by one while busy, else all at once. */
    private void dispatchQueued(Hctx70 x, boolean needDispatch, int cpu, Actor actor, Consumer<Boolean> again) {
        if (sched != null) {
            sched.dispatch(x, cpu, actor, again);
        } else if (needDispatch) {
            ctxs.dispatchOneByOne(x, x.dispatchFrom, cpu, actor, again);
        } else {
            ArrayDeque<Request> list = new ArrayDeque<>();
            ctxs.flushBusy(x, 0, list, cpu, actor, () -> dispatchList(x, list, cpu, actor, all -> again.accept(false)));
        }
    }

    /**
     * blk_mq_dispatch_rq_list(): a driver tag for each request (a failure marks the hctx for
     * restart and retries once), then queue_rq; {@code all} is true when the whole list went.
     */
    void dispatchList(Hctx70 x, ArrayDeque<Request> list, int cpu, Actor actor, Consumer<Boolean> all) {
        if (list.isEmpty()) {
            all.accept(false);
            return;
        }
        sendNext(x, list, cpu, actor, all);
    }

    private void sendNext(Hctx70 x, ArrayDeque<Request> list, int cpu, Actor actor, Consumer<Boolean> all) {
        if (list.isEmpty()) {
            leftOver(x, list, false, cpu, actor, all);
            return;
        }
        Request rq = list.peek();
        // blk_mq_prep_dispatch_rq(): the budget before the driver tag; PREP_DISPATCH_NO_BUDGET counts
        // as needs_resource.
        if (!budget.getFor(rq)) {
            leftOver(x, list, true, cpu, actor, all);
            return;
        }
        if (!driverTag(rq, cpu)) {
            // blk_mq_mark_tag_wait() with tags of this queue alone: SCHED_RESTART, and one more look.
            x.schedRestart = true;
            if (!driverTag(rq, cpu)) {
                budget.put(rq);
                leftOver(x, list, false, cpu, actor, all);
                return;
            }
        }
        list.poll();
        start(rq, Place.hctx(x.hw.index), cpu, actor, () -> driver.queueRq(x, rq, cpu, actor, status -> {
            if (status == NullBlk70.Status.OK) {
                sendNext(x, list, cpu, actor, all);
                return;
            }
            list.addFirst(rq);
            requeue(x, rq, "__blk_mq_requeue_request", Place.hctx(x.hw.index), cpu, actor);
            leftOver(x, list, true, cpu, actor, all);
        }));
    }

    /**
     * The end of blk_mq_dispatch_rq_list(): leftovers go to the tail of hctx->dispatch (no I); without
     * SCHED_RESTART the hctx is run again at once, with it a RESOURCE answer gets a run in 3 ms and
     * otherwise only a request free restarts it. dispatch_busy takes the sample.
     */
    private void leftOver(Hctx70 x, ArrayDeque<Request> list, boolean needsResource, int cpu, Actor actor,
                          Consumer<Boolean> all) {
        if (list.isEmpty()) {
            x.updateDispatchBusy(false);
            all.accept(true);
            return;
        }
        // blk_mq_release_budgets(): the requests the scheduler path took budget for go back without it.
        for (Request rq : list) budget.put(rq);
        x.hw.lock.lock(m.cpu(cpu), "blk_mq_dispatch_rq_list", () -> {
            x.hw.dispatch.addAll(list);
            x.hw.lock.unlock(m.cpu(cpu));
            if (!x.schedRestart) run(x, true, cpu, actor, Machine.END);
            else if (needsResource) delayRun(x, RESOURCE_DELAY_NS, cpu, actor);
            x.updateDispatchBusy(true);
            all.accept(false);
        });
    }

    /**
     * blk_mq_request_issue_directly() for a request that already holds its driver tag, then
     * __blk_mq_issue_directly(): queue_rq, dispatch_busy sampled, R on a RESOURCE answer.
     */
    void issueDirectly(Request rq, Place from, int cpu, Actor actor, Consumer<NullBlk70.Status> result) {
        Hctx70 x = of(rq);
        if (!budget.getFor(rq)) {
            // blk_mq_get_budget_and_tag() failed: BLK_STS_RESOURCE before queue_rq, so no D and no R.
            result.accept(NullBlk70.Status.NO_BUDGET);
            return;
        }
        start(rq, from, cpu, actor, () -> driver.queueRq(x, rq, cpu, actor, status -> {
            x.updateDispatchBusy(status != NullBlk70.Status.OK);
            if (status != NullBlk70.Status.OK) requeue(x, rq, "__blk_mq_requeue_request", Place.hctx(x.hw.index), cpu, actor);
            result.accept(status);
        }));
    }

    /**
     * blk_mq_request_bypass_insert(): the tail of hctx->dispatch, no I. A request R'd by the driver is
     * on the hctx already; one refused its budget before queue_rq moves there now ({@code from}).
     */
    void bypassInsert(Request rq, NullBlk70.Status status, Place from, int cpu, Actor actor, Runnable next) {
        Hctx70 x = of(rq);
        x.hw.lock.lock(m.cpu(cpu), "blk_mq_request_bypass_insert", () -> {
            if (status == NullBlk70.Status.NO_BUDGET) {
                m.emit.request(TransitionKind.INSERT, null, "blk_mq_request_bypass_insert", cpu, actor, rq, from,
                        Place.hctx(x.hw.index));
            }
            x.hw.dispatch.add(rq);
            x.hw.lock.unlock(m.cpu(cpu));
            next.run();
        });
    }

    /** blk_mq_get_driver_tag(): a request under a scheduler takes one now; it never sleeps. */
    boolean driverTag(Request rq, int cpu) {
        if (rq.tag >= 0) return true;
        SbitmapTags<Task> tags = of(rq).driverTags;
        int tag = tags.get(cpu);
        if (tag < 0) return false;
        tags.assign(tag, rq);
        rq.tag = tag;
        return true;
    }

    /** blk_mq_start_request(): STARTED, and D in the trace. */
    void start(Request rq, Place from, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.dispatchNs(), () -> {
            rq.started = true;
            m.emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", cpu, actor, rq, from,
                    Place.driver(rq.hctx.index));
            next.run();
        });
    }

    /**
     * __blk_mq_requeue_request(): a scheduler-tagged request gives its driver tag back (a request
     * without a scheduler keeps its only tag), then R: back on the hctx after a BUSY answer, on
     * q->requeue_list when the driver called blk_mq_requeue_request ({@code fn}, {@code to}).
     */
    void requeue(Hctx70 x, Request rq, String fn, Place to, int cpu, Actor actor) {
        budget.put(rq);
        if (rq.internalTag >= 0 && rq.tag >= 0) {
            x.driverTags.put(rq.tag, rq.ctx.cpu);
            x.driverTagPut();
            rq.tag = -1;
        }
        rq.started = false;
        m.emit.request(TransitionKind.REQUEUE, "R", fn, cpu, actor, rq, Place.driver(x.hw.index), to);
    }

    /**
     * blk_mq_run_hw_queues(q, false), one hctx after the other: under a single-queue scheduler only
     * this CPU's hctx (blk_mq_get_sq_hctx) and those with requests on hctx->dispatch.
     */
    void runAll(int cpu, Actor actor, Runnable done) {
        runFrom(0, cpu, actor, done);
    }

    private void runFrom(int i, int cpu, Actor actor, Runnable done) {
        if (i == hctxs.length) {
            done.run();
            return;
        }
        Hctx70 x = hctxs[i];
        boolean sq = sched != null && sched.elevator.singleQueue();
        if (x.hw.stopped || (sq && x.hw != m.ctxs[cpu].hctx && x.hw.dispatch.isEmpty())) {
            runFrom(i + 1, cpu, actor, done);
            return;
        }
        run(x, false, cpu, actor, () -> runFrom(i + 1, cpu, actor, done));
    }
}
