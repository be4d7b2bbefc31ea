package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.engine.Simulation;
import org.blkflow.transition.DeadlineBatch;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Turns each move the model makes into a {@link Transition}: stamps the virtual time and the next
 * seq, has {@link Invariants} check it, and keeps it until the run hands it out. Every step runs
 * at its own time, so moves arrive in time order and the outbox is a plain FIFO.
 */
final class Emitter {

    private final Simulation sim;
    private final Invariants invariants;
    private final ArrayDeque<Transition> outbox = new ArrayDeque<>();
    /** 7.0 with several null_blk devices: each move says its device; with one, no move does (its streams unchanged). */
    private final boolean severalDevices;
    private long emitted;
    /**
     * mq-deadline's batch after each dispatch still in the outbox, by its seq: a run with snapshots reads
     * it as it hands the dispatch out, since with zero CPU costs the model may already have dispatched
     * the next request. Null when no snapshot is wanted.
     */
    private Map<Long, DeadlineBatch> batches;

    /** A run of one device. */
    Emitter(Simulation sim, Invariants invariants) {
        this(sim, invariants, 1);
    }

    Emitter(Simulation sim, Invariants invariants, int devices) {
        this.sim = sim;
        this.invariants = invariants;
        this.severalDevices = devices > 1;
    }

    private int dev(int device) {
        return severalDevices ? device : -1;
    }

    /** A move of a bio (Q, G, S, M, F, bio_end, wake): the bio's sectors are reported. */
    void bio(TransitionKind kind, String action, String fn, int cpu, Actor actor, Bio bio, Request rq,
             HardwareQueue hctx, Place from, Place to) {
        bio(kind, action, fn, cpu, actor, bio, rq, hctx, from, to, -1);
    }

    /** The same, with a number the move carries (7.0's tag wait on a shared set: the share it is held to). */
    void bio(TransitionKind kind, String action, String fn, int cpu, Actor actor, Bio bio, Request rq,
             HardwareQueue hctx, Place from, Place to, long count) {
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                bio.id, rq == null ? -1 : rq.id, bio.task.cpu, hctx == null ? -1 : hctx.index,
                rq == null ? -1 : rq.tag, bio.sector, bio.sectors, bio.rwbs, from, to, count, null, dev(bio.device)), bio, rq);
    }

    /**
     * X (7.0): the bio {@code front} was split from gives it up. The move names that bio (the one Q
     * showed), the front's range, and in {@code count} the sector the remainder now starts at.
     */
    void split(int cpu, Actor actor, Bio front, Place at) {
        Bio bio = front.parent;
        add(new Transition(emitted++, sim.now(), TransitionKind.SPLIT, "bio_submit_split", "X", cpu, actor.pid(),
                actor.comm(), bio.id, -1, bio.task.cpu, -1, -1, front.sector, front.sectors, front.rwbs, at, at,
                bio.sector, null, dev(bio.device)), front, null);
    }

    /** __blk_flush_plug() is over (7.0): nothing may be left in the plug's cache. Not a move. */
    void plugFinished(Actor actor) {
        invariants.plugFinished(actor.pid());
    }

    /** A move of a request (tag_get, P, I, flush_ctx, D, queue_rq, R, C, free): its whole range. */
    void request(TransitionKind kind, String action, String fn, int cpu, Actor actor, Request rq,
                 Place from, Place to) {
        request(kind, action, fn, cpu, actor, rq, from, to, -1);
    }

    /** The same, with a number the move carries (mq-deadline's dispatch: the request's place in its batch). */
    void request(TransitionKind kind, String action, String fn, int cpu, Actor actor, Request rq,
                 Place from, Place to, long count) {
        rq.place = to;
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                -1, rq.id, rq.ctx.place, rq.hctx.index, rq.tag, rq.sector, rq.sectors, rq.rwbs(),
                from, to, count, null, dev(rq.hctx.device)), null, rq);
    }

    /**
     * block_rq_merge: {@code next} absorbed by {@code req} (attempt_merge), traced as M with its own
     * range; {@code count} names the request that now carries its bios.
     */
    void requestMerge(Request next, Request req, String fn, int cpu, Actor actor) {
        Place from = next.place;
        next.place = Place.MERGED;
        add(new Transition(emitted++, sim.now(), TransitionKind.RQ_MERGE, fn, "M", cpu, actor.pid(), actor.comm(),
                -1, next.id, next.ctx.place, next.hctx.index, next.tag, next.sector, next.sectors, next.rwbs(),
                from, Place.MERGED, req.id, null, dev(next.hctx.device)), null, next);
    }

    /** A change of a queue rather than a move of I/O (U, run_async, run_queue, stop, start). */
    void queue(TransitionKind kind, String action, String fn, int cpu, Actor actor, int ctx,
               HardwareQueue hctx, long count) {
        String rwbs = action == null ? null : "N";
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                -1, -1, ctx, hctx.index, -1, -1, -1, rwbs, Place.NONE, Place.NONE, count, null, dev(hctx.device)), null, null);
    }

    /** blk_mq_tag_busy() made {@code hctx} active on its shared tag set, {@code activeQueues} of them now. */
    void tagBusy(int cpu, Actor actor, HardwareQueue hctx, int activeQueues) {
        queue(TransitionKind.TAG_BUSY, null, "__blk_mq_tag_busy", cpu, actor, -1, hctx, activeQueues);
    }

    /** A spinlock's move (lock_contended, lock_acquired, lock_release): no task, bio, request or queue. */
    void lock(TransitionKind kind, String fn, int cpu, String lock, long count) {
        add(new Transition(emitted++, sim.now(), kind, fn, null, cpu, -1, null, -1, -1, -1, -1, -1, -1, -1, null,
                Place.NONE, Place.NONE, count, lock), null, null);
    }

    /** A vCPU's wait for a pCPU or its end (pcpu_wait, pcpu_run): Xen's scheduler, no task or I/O. */
    void vcpu(TransitionKind kind, String fn, int vcpu, long count) {
        add(new Transition(emitted++, sim.now(), kind, fn, null, vcpu, -1, null, -1, -1, -1, -1, -1, -1, -1, null,
                Place.NONE, Place.NONE, count), null, null);
    }

    /** Keeps mq-deadline's batch after each dispatch for {@link #deadlineBatchAfter}: a run with snapshots. */
    void keepDeadlineBatches() {
        batches = new HashMap<>();
    }

    /** mq-deadline's batch on lane elv:{@code elv} after the dispatch just emitted (dd_dispatch_request); read only when kept. */
    void deadlineBatch(MqDeadline dd, int elv) {
        if (batches != null) batches.put(emitted - 1, dd.batch(elv));
    }

    /** The batch mq-deadline was left with by dispatch {@code t}, once; null for any other transition. */
    DeadlineBatch deadlineBatchAfter(Transition t) {
        return batches == null || batches.isEmpty() ? null : batches.remove(t.seq());
    }

    private void add(Transition t, Bio bio, Request rq) {
        invariants.check(t, bio, rq);
        invariants.checkDelivered(t);
        outbox.addLast(t);
    }

    /** The next transition, or null when the steps run so far have emitted nothing more. */
    Transition poll() {
        return outbox.pollFirst();
    }
}
