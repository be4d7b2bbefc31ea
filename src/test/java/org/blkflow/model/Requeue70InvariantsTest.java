package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 7.0's driver requeue and absorbed requests (rules 26, 38): each BUG_ON seeded and seen. */
class Requeue70InvariantsTest extends InvariantsRig {

    private Invariants inv;

    /** One hctx, 2 driver tags, 4 mq-deadline scheduler tags; null_blk refusing every {@code every}th call. */
    private void setUp(int every) {
        inv = new Invariants(1, 2, 0, 255, 128);
        inv.modern(4, 4, Integer.MAX_VALUE);
        inv.requeueEvery(every);
        rig(inv, 2, 0);
    }

    @Test
    void aDriverRequeueWithoutTheInjectionStopsTheRun() {
        setUp(0);
        Request rq = issued(queued(1, 1000), 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> driverRequeue(rq));
        assertEquals("driver-requeue-injected", v.invariant());
    }

    @Test
    void aDriverRequeueBeforeTheNthCallStopsTheRunAndAtItIsFine() {
        setUp(2);
        Request first = issued(queued(1, 1000), 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> driverRequeue(first));
        assertEquals("driver-requeue-injected", v.invariant());
        setUp(2);
        issued(queued(1, 1000), 0);
        driverRequeue(issued(queued(2, 2000), 1));
    }

    @Test
    void aRequeuedRequestCompletedWithoutASecondDStopsTheRun() {
        setUp(1);
        Request rq = issued(queued(1, 1000), 0);
        driverRequeue(rq);
        emit.request(TransitionKind.INSERT, "I", "dd_insert_request", 0, actor, rq, Place.requeue(0), Place.elevator(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.COMPLETE, "C",
                "blk_update_request", 0, actor, rq, Place.elevator(0), Place.DONE));
        assertEquals("requeue-dispatched-again", v.invariant());
    }

    @Test
    void anAbsorbedRequestHandsOverItsBiosAndOnlyItsFreeMayFollow() {
        setUp(0);
        Request a = planned(queued(1, 1000), 0);
        emit.request(TransitionKind.INSERT, "I", "dd_insert_request", 0, actor, a, Place.plug(0), Place.elevator(0));
        Request c = planned(queued(2, 1008), 1);
        new RequestMerge70(255, 128).append(a, c);
        emit.requestMerge(c, a, "attempt_merge", 0, actor);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.INSERT, "I",
                "dd_insert_request", 0, actor, c, Place.MERGED, Place.elevator(0)));
        assertEquals("absorbed-request-gone", v.invariant());
    }

    @Test
    void anAbsorbedRequestThatIsNotContiguousStopsTheRun() {
        setUp(0);
        Request a = planned(queued(1, 1000), 0);
        emit.request(TransitionKind.INSERT, "I", "dd_insert_request", 0, actor, a, Place.plug(0), Place.elevator(0));
        Request c = planned(queued(2, 1016), 1);
        // A model that merged across a gap: the survivor's range no longer matches its sectors.
        a.bios.addAll(c.bios);
        a.sectors += c.sectors;
        c.bios.clear();
        c.mergedInto = a;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.requestMerge(c, a, "attempt_merge", 0, actor));
        assertEquals("merge-adjacent", v.invariant());
    }

    @Test
    void anAbsorbedRequestThatKeepsItsSectorsStopsTheRun() {
        setUp(0);
        Request a = planned(queued(1, 1000), 0);
        emit.request(TransitionKind.INSERT, "I", "dd_insert_request", 0, actor, a, Place.plug(0), Place.elevator(0));
        Request c = planned(queued(2, 1008), 1);
        c.mergedInto = a;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.requestMerge(c, a, "attempt_merge", 0, actor));
        assertEquals("sectors-conserved", v.invariant());
    }

    private Bio queued(long id, long sector) {
        Bio bio = new Bio(id, task, sector, 8, true, false);
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, bio, null, null, Place.NONE,
                Place.task(0));
        return bio;
    }

    /** G with a scheduler tag, then the plug. */
    private Request planned(Bio bio, int internalTag) {
        Request rq = new Request(bio.id, ctx, hctx, -1, bio);
        rq.internalTag = internalTag;
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", 0, actor, bio, rq, hctx, Place.task(0), Place.task(0));
        emit.request(TransitionKind.PLUG, "P", "blk_add_rq_to_plug", 0, actor, rq, Place.task(0), Place.plug(0));
        return rq;
    }

    /** Planned, then D with driver tag {@code tag}. */
    private Request issued(Bio bio, int tag) {
        Request rq = planned(bio, (int) bio.id);
        rq.tag = tag;
        emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", 0, actor, rq, Place.plug(0), Place.driver(0));
        return rq;
    }

    /** blk_mq_requeue_request: the driver tag back, R to q->requeue_list. */
    private void driverRequeue(Request rq) {
        rq.tag = -1;
        emit.request(TransitionKind.REQUEUE, "R", "blk_mq_requeue_request", 0, actor, rq, Place.driver(0), Place.requeue(0));
    }
}
