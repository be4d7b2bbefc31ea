package org.blkflow.model;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.blkflow.engine.Simulation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Turns each move the model makes into a {@link Transition}: stamps the virtual time, has
 * {@link Invariants} check it against the model's objects, and keeps it in an outbox ordered by
 * time. Work that costs CPU time can stamp a move later than the next event starts, so a move is
 * released only once no event can still produce an earlier one; only then does it get its seq.
 */
final class Emitter {

    /** Time order; ties keep the order of emission (the seq placeholder holds it until release). */
    private static final Comparator<Transition> TIME_ORDER =
            Comparator.comparingLong(Transition::t).thenComparingLong(Transition::seq);

    private final Simulation sim;
    private final Invariants invariants;
    private final PriorityQueue<Transition> out = new PriorityQueue<>(TIME_ORDER);
    private long emitted;
    private long released;

    Emitter(Simulation sim, Invariants invariants) {
        this.sim = sim;
        this.invariants = invariants;
    }

    /** A move of a bio (Q, G, S, M, F, bio_end, wake): the bio's sectors are reported. */
    void bio(TransitionKind kind, String action, String fn, int cpu, Actor actor, Bio bio, Request rq,
             HardwareQueue hctx, Place from, Place to) {
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                bio.id, rq == null ? -1 : rq.id, bio.task.cpu, hctx == null ? -1 : hctx.index,
                rq == null ? -1 : rq.tag, bio.sector, bio.sectors, bio.rwbs, from, to, -1), bio, rq);
    }

    /** A move of a request (tag_get, P, I, flush_ctx, D, queue_rq, R, C, free): its whole range. */
    void request(TransitionKind kind, String action, String fn, int cpu, Actor actor, Request rq,
                 Place from, Place to) {
        rq.place = to;
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                -1, rq.id, rq.ctx.cpu, rq.hctx.index, rq.tag, rq.sector, rq.sectors, rq.rwbs(),
                from, to, -1), null, rq);
    }

    /** A change of a queue rather than a move of I/O (U, run_async, run_queue, stop, start). */
    void queue(TransitionKind kind, String action, String fn, int cpu, Actor actor, int ctx,
               HardwareQueue hctx, long count) {
        String rwbs = action == null ? null : "N";
        add(new Transition(emitted++, sim.now(), kind, fn, action, cpu, actor.pid(), actor.comm(),
                -1, -1, ctx, hctx.index, -1, -1, -1, rwbs, Place.NONE, Place.NONE, count), null, null);
    }

    private void add(Transition t, Bio bio, Request rq) {
        invariants.check(t, bio, rq);
        out.add(t);
    }

    /** The next transition in time order, if nothing stamped earlier can still be emitted. */
    Transition release(long nextEventTime) {
        Transition head = out.peek();
        if (head == null || head.t() > nextEventTime) return null;
        out.poll();
        long seq = released++;
        Transition t = head.seq() == seq ? head : renumbered(head, seq);
        invariants.checkDelivered(t);
        return t;
    }

    boolean isEmpty() {
        return out.isEmpty();
    }

    private static Transition renumbered(Transition t, long seq) {
        return new Transition(seq, t.t(), t.kind(), t.fn(), t.action(), t.cpu(), t.pid(), t.comm(), t.bio(),
                t.req(), t.ctx(), t.hctx(), t.tag(), t.sector(), t.sectors(), t.rwbs(), t.from(), t.to(), t.count());
    }
}
