package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The blk-mq side of an I/O scheduler in 7.0 (blk-mq-sched.c with mq-deadline's hooks): bio merges
 * and inserts under dd->lock, and blk_mq_do_dispatch_sched, which takes requests from the scheduler
 * (one per pass while the hctx is dispatch_busy, else up to nr_requests), each with a driver tag,
 * and sends them down as one list.
 */
final class SchedDispatch70 {

    private final Machine m;
    private final MqDeadline dd;
    private final Lock lock;
    private final int nrRequests;
    private Dispatch70 dispatch;

    SchedDispatch70(Machine m, MqDeadline dd, int nrRequests) {
        this.m = m;
        this.dd = dd;
        this.lock = m.newLock("dd->lock");
        this.nrRequests = nrRequests;
    }

    void attach(Dispatch70 dispatch) {
        this.dispatch = dispatch;
    }

    boolean hasWork() {
        return dd.hasWork();
    }

    /**
     * blk_mq_sched_bio_merge() → dd_bio_merge() → elv_merge(): {@code merged} gets whether the bio
     * went into a queued request (M or F) after the lookup's CPU time.
     */
    void bioMerge(Task task, Bio bio, Merging merging, Consumer<Boolean> merged) {
        lock.lock(m.cpu(task.cpu), "dd_bio_merge", () -> {
            Merging.Plan plan = dd.findMerge(bio);
            m.after(task.cpu, merging.cost(plan), () -> {
                Request rq = plan.target();
                boolean ok = rq != null && Merging.mergeOk(rq, bio) && merging.withinLimits(rq, bio);
                if (rq != null && !ok) dd.noMerge(rq);
                if (ok) {
                    dd.unlink(rq);
                    merging.apply(plan, bio, task);
                    dd.relink(rq);
                }
                lock.unlock(m.cpu(task.cpu));
                merged.accept(ok);
            });
        });
    }

    /** dd_insert_requests(): I for each, in list order, into the trees and FIFOs. */
    void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done) {
        lock.lock(m.cpu(cpu), "dd_insert_requests", () -> insertEach(list, 0, from, cpu, actor, done));
    }

    private void insertEach(List<Request> list, int i, Place from, int cpu, Actor actor, Runnable done) {
        if (i == list.size()) {
            lock.unlock(m.cpu(cpu));
            done.run();
            return;
        }
        m.after(cpu, m.costs.insertNs(), () -> {
            Request rq = list.get(i);
            dd.insert(rq, m.sim.now());
            m.emit.request(TransitionKind.INSERT, "I", "dd_insert_request", cpu, actor, rq, from, Place.elevator(0));
            insertEach(list, i + 1, from, cpu, actor, done);
        });
    }

    /** blk_mq_do_dispatch_sched(): passes while each sends its whole list; {@code again} is -EAGAIN. */
    void dispatch(Hctx70 x, int cpu, Actor actor, Consumer<Boolean> again) {
        int max = x.dispatchBusy != 0 ? 1 : nrRequests;
        pull(x, new ArrayDeque<>(), max, cpu, actor, (list, busy) -> {
            if (list.isEmpty()) {
                again.accept(busy);
                return;
            }
            sendPerHctx(list, false, cpu, actor, any -> {
                if (busy) again.accept(true);
                else if (any) dispatch(x, cpu, actor, again);
                else again.accept(false);
            });
        });
    }

    /**
     * mq-deadline is one scheduler for the whole queue, so a pass may return requests of other
     * hctxs: sorted by hctx (list_sort is stable), each group goes down its own hctx, and
     * {@code any} is whether some group went whole.
     */
    private void sendPerHctx(ArrayDeque<Request> list, boolean any, int cpu, Actor actor, Consumer<Boolean> done) {
        if (list.isEmpty()) {
            done.accept(any);
            return;
        }
        int lowest = Integer.MAX_VALUE;
        for (Request rq : list) lowest = Math.min(lowest, rq.hctx.index);
        ArrayDeque<Request> group = new ArrayDeque<>();
        ArrayDeque<Request> rest = new ArrayDeque<>();
        for (Request rq : list) (rq.hctx.index == lowest ? group : rest).add(rq);
        dispatch.dispatchList(dispatch.of(group.peek()), group, cpu, actor,
                all -> sendPerHctx(rest, any || all, cpu, actor, done));
    }

    /** What a pass gathered, and whether it stopped because hctx->dispatch filled meanwhile. */
    private interface Pulled {
        void accept(ArrayDeque<Request> list, boolean busy);
    }

    /**
     * __blk_mq_do_dispatch_sched()'s loop: has_work, hctx->dispatch still empty, dd_dispatch_request
     * under dd->lock, then the driver tag; a request without one ends the pass on the list.
     */
    private void pull(Hctx70 x, ArrayDeque<Request> list, int max, int cpu, Actor actor, Pulled done) {
        if (list.size() == max || !dd.hasWork()) {
            done.accept(list, false);
            return;
        }
        if (!x.hw.dispatch.isEmpty()) {
            done.accept(list, true);
            return;
        }
        lock.lock(m.cpu(cpu), "dd_dispatch_request", () -> m.after(cpu, m.costs.dispatchNs(), () -> {
            Request rq = dd.dispatch(m.sim.now());
            if (rq != null) {
                m.emit.request(TransitionKind.ELV_DISPATCH, null, "dd_dispatch_request", cpu, actor, rq,
                        Place.elevator(0), Place.hctx(rq.hctx.index));
            }
            lock.unlock(m.cpu(cpu));
            if (rq == null) {
                done.accept(list, false);
                return;
            }
            list.add(rq);
            if (!dispatch.driverTag(rq, cpu)) done.accept(list, false);
            else pull(x, list, max, cpu, actor, done);
        }));
    }
}
