package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * mq-deadline's elevator_mq_ops: {@link MqDeadline} under dd->lock, one instance for the queue (elv:0).
 * A bio merge may make its request contiguous with a neighbour, and an inserted request may continue
 * a queued one: attempt_merge then absorbs the later request ({@link RequestMerge70}), traced as its
 * own M and freed once dd->lock is dropped — it never gets I, D or C.
 */
final class Deadline70 implements Elevator70 {

    private final Machine m;
    private final MqDeadline dd = new MqDeadline();
    private final Lock lock;
    private final int nrRequests;
    private final RequestMerge70 requestMerge;
    private Completion70 completion;

    Deadline70(Machine m, int nrRequests, RequestMerge70 requestMerge) {
        this.m = m;
        this.lock = m.newLock("dd->lock");
        this.nrRequests = nrRequests;
        this.requestMerge = requestMerge;
    }

    void attach(Completion70 completion) {
        this.completion = completion;
    }

    @Override
    public boolean hasWork(Hctx70 x) {
        return dd.hasWork();
    }

    /** blk_mq_sched_bio_merge() → dd_bio_merge() → elv_merge(), after the lookup's CPU time. */
    @Override
    public void bioMerge(Task task, Bio bio, Merging merging, Consumer<Boolean> merged) {
        lock.lock(m.cpu(task.cpu), "dd_bio_merge", () -> {
            Merging.Plan plan = dd.findMerge(bio);
            m.after(task.cpu, merging.cost(plan), () -> {
                Request rq = plan.target();
                boolean ok = rq != null && Merging.mergeOk(rq, bio) && merging.withinLimits(rq, bio);
                if (rq != null && !ok) dd.noMerge(rq);
                List<Request> free = new ArrayList<>();
                if (ok) {
                    dd.unlink(rq);
                    merging.apply(plan, bio, task);
                    dd.relink(rq);
                    // attempt_back_merge(): the next request in sector order; attempt_front_merge(): the one before.
                    if (plan.back()) attemptMerge(rq, dd.latter(rq), free, task.cpu, task.actor);
                    else attemptMerge(dd.former(rq), rq, free, task.cpu, task.actor);
                }
                lock.unlock(m.cpu(task.cpu));
                freeAll(free, task.cpu, task.actor);
                merged.accept(ok);
            });
        });
    }

    /**
     * dd_insert_requests(): for each, in list order, an insert merge (the request absorbed: M, no I) or
     * I into the trees and FIFOs; the absorbed requests are freed after dd->lock.
     */
    @Override
    public void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done) {
        List<Request> free = new ArrayList<>();
        lock.lock(m.cpu(cpu), "dd_insert_requests", () -> insertEach(list, 0, from, free, cpu, actor, done));
    }

    private void insertEach(List<Request> list, int i, Place from, List<Request> free, int cpu, Actor actor,
                            Runnable done) {
        if (i == list.size()) {
            lock.unlock(m.cpu(cpu));
            freeAll(free, cpu, actor);
            done.run();
            return;
        }
        m.after(cpu, m.costs.insertNs(), () -> {
            Request rq = list.get(i);
            // blk_mq_sched_try_insert_merge() → elv_attempt_insert_merge().
            boolean absorbed = dd.insertMerge(rq, (req, next) -> attemptMerge(req, next, free, cpu, actor));
            if (!absorbed) {
                dd.insert(rq, m.sim.now());
                m.emit.request(TransitionKind.INSERT, "I", "dd_insert_request", cpu, actor, rq, from, Place.elevator(rq.hctx.device));
            }
            insertEach(list, i + 1, from, free, cpu, actor, done);
        });
    }

    /**
     * dd_insert_request() with BLK_MQ_INSERT_AT_HEAD (the requeue work): I, the head of dd->dispatch.
     * Its insert merge cannot succeed: dd_start_request set RQF_STARTED at the first dispatch and a
     * requeue does not clear it, so rq_mergeable() refuses the request.
     */
    @Override
    public void insertAtHead(Request rq, Place from, int cpu, Actor actor, Runnable done) {
        lock.lock(m.cpu(cpu), "dd_insert_requests", () -> m.after(cpu, m.costs.insertNs(), () -> {
            dd.insertAtHead(rq, m.sim.now());
            m.emit.request(TransitionKind.INSERT, "I", "dd_insert_request", cpu, actor, rq, from, Place.elevator(rq.hctx.device));
            lock.unlock(m.cpu(cpu));
            done.run();
        }));
    }

    /**
     * attempt_merge(req, next) under dd->lock: {@code next} is appended to {@code req}, leaves the
     * scheduler (dd_merged_requests) and is traced (block_rq_merge); false changes nothing.
     */
    private boolean attemptMerge(Request req, Request next, List<Request> free, int cpu, Actor actor) {
        if (req == null || next == null || !requestMerge.canMerge(req, next)) return false;
        dd.beforeAbsorb(req);
        requestMerge.append(req, next);
        dd.absorbed(req, next);
        m.emit.requestMerge(next, req, "attempt_merge", cpu, actor);
        free.add(next);
        return true;
    }

    /** blk_mq_free_request() for each absorbed request: its scheduler tag back, a restart if one waits. */
    private void freeAll(List<Request> free, int cpu, Actor actor) {
        for (Request rq : free) completion.free(rq, "blk_mq_free_request", true, cpu, actor);
    }

    /** dd_dispatch_request() under dd->lock: may hand over a request of another hctx. */
    @Override
    public void dispatchRequest(Hctx70 x, int cpu, Actor actor, Consumer<Request> next) {
        lock.lock(m.cpu(cpu), "dd_dispatch_request", () -> m.after(cpu, m.costs.dispatchNs(), () -> {
            Request rq = dd.dispatch(m.sim.now());
            if (rq != null) {
                // count: its place in the batch, so the page can say "write 3 of up to 16" (-1: from dd->dispatch).
                int position = dd.batchPosition();
                m.emit.request(TransitionKind.ELV_DISPATCH, null, "dd_dispatch_request", cpu, actor, rq,
                        Place.elevator(rq.hctx.device), Place.hctx(rq.hctx.index), position == 0 ? -1 : position);
                m.emit.deadlineBatch(dd, rq.hctx.device);
            }
            lock.unlock(m.cpu(cpu));
            next.accept(rq);
        }));
    }

    @Override
    public void finishRequest(Request rq, int cpu, Actor actor) {
    }

    /** dd_depth_updated(): async_depth = nr_requests, so writes may use every scheduler tag. */
    @Override
    public int asyncDepth() {
        return nrRequests;
    }

    @Override
    public boolean singleQueue() {
        return true;
    }
}
