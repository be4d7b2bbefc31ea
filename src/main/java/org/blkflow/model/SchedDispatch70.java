package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.transition.Place;

/**
 * The blk-mq side of an I/O scheduler in 7.0 (blk-mq-sched.c): bio merges and inserts through the
 * elevator's ops, and blk_mq_do_dispatch_sched, which takes requests from the scheduler (one per
 * pass while the hctx is dispatch_busy, else up to nr_requests), each with a driver tag, and sends
 * them down as one list.
 */
final class SchedDispatch70 {

    private final Machine m;
    final Elevator70 elevator;
    private final int nrRequests;
    private Dispatch70 dispatch;

    SchedDispatch70(Machine m, Elevator70 elevator, int nrRequests) {
        this.m = m;
        this.elevator = elevator;
        this.nrRequests = nrRequests;
    }

    void attach(Dispatch70 dispatch) {
        this.dispatch = dispatch;
    }

    boolean hasWork(Hctx70 x) {
        return elevator.hasWork(x);
    }

    /** blk_mq_sched_bio_merge(): the elevator's bio_merge. */
    void bioMerge(Task task, Bio bio, Merging merging, Consumer<Boolean> merged) {
        elevator.bioMerge(task, bio, merging, merged);
    }

    /** The elevator's insert_requests. */
    void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done) {
        elevator.insert(list, from, cpu, actor, done);
    }

    /** blk_mq_do_dispatch_sched(): passes while each sends its whole list; {@code again} is -EAGAIN. */
    void dispatch(Hctx70 x, int cpu, Actor actor, Consumer<Boolean> again) {
        int max = x.dispatchBusy != 0 ? 1 : nrRequests;
        pull(x, new ArrayDeque<>(), max, cpu, actor, (list, busy, none) -> {
            if (list.isEmpty()) {
                // The scheduler had work but gave nothing (kyber without a token): nobody else may
                // kick the queue, so blk_mq_delay_run_hw_queues(q, BLK_MQ_BUDGET_DELAY).
                if (none) dispatch.delayRunAll(Dispatch70.RESOURCE_DELAY_NS, elevator.singleQueue(), cpu, actor);
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

    /**
     * What a pass gathered, whether it stopped because hctx->dispatch filled meanwhile, and whether
     * the scheduler returned nothing although it had work (run_queue).
     */
    private interface Pulled {
        void accept(ArrayDeque<Request> list, boolean busy, boolean none);
    }

    /**
     * __blk_mq_do_dispatch_sched()'s loop: has_work, hctx->dispatch still empty, the elevator's
     * dispatch_request, then the driver tag; a request without one ends the pass on the list.
     */
    private void pull(Hctx70 x, ArrayDeque<Request> list, int max, int cpu, Actor actor, Pulled done) {
        if (list.size() == max || !elevator.hasWork(x)) {
            done.accept(list, false, false);
            return;
        }
        if (!x.hw.dispatch.isEmpty()) {
            done.accept(list, true, false);
            return;
        }
        // blk_mq_get_dispatch_budget() before the elevator's dispatch_request: none left ends the pass.
        if (!dispatch.budget.get()) {
            done.accept(list, false, false);
            return;
        }
        elevator.dispatchRequest(x, cpu, actor, rq -> {
            if (rq == null) {
                dispatch.budget.putUnused();
                done.accept(list, false, true);
                return;
            }
            if (dispatch.budget.limited()) rq.budget = true;
            list.add(rq);
            if (!dispatch.driverTag(rq, cpu)) done.accept(list, false, false);
            else pull(x, list, max, cpu, actor, done);
        });
    }
}
