package org.blkflow.model;

import java.util.List;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/** mq-deadline's elevator_mq_ops: {@link MqDeadline} under dd->lock, one instance for the queue (elv:0). */
final class Deadline70 implements Elevator70 {

    private final Machine m;
    private final MqDeadline dd = new MqDeadline();
    private final Lock lock;
    private final int nrRequests;

    Deadline70(Machine m, int nrRequests) {
        this.m = m;
        this.lock = m.newLock("dd->lock");
        this.nrRequests = nrRequests;
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
    @Override
    public void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done) {
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

    /** dd_dispatch_request() under dd->lock: may hand over a request of another hctx. */
    @Override
    public void dispatchRequest(Hctx70 x, int cpu, Actor actor, Consumer<Request> next) {
        lock.lock(m.cpu(cpu), "dd_dispatch_request", () -> m.after(cpu, m.costs.dispatchNs(), () -> {
            Request rq = dd.dispatch(m.sim.now());
            if (rq != null) {
                m.emit.request(TransitionKind.ELV_DISPATCH, null, "dd_dispatch_request", cpu, actor, rq,
                        Place.elevator(0), Place.hctx(rq.hctx.index));
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
