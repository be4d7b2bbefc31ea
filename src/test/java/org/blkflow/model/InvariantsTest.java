package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.engine.Simulation;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BUG_ONs fire on the transition that breaks them, name the invariant and show the state. */
class InvariantsTest extends InvariantsRig {


    @BeforeEach
    void setUp() {
        rig(new Invariants(1, 4, 1, 255, 128), 4, 1);
    }

    @Test
    void aBioQueuedTwiceStopsTheRun() {
        Bio bio = new Bio(7, task, 0, 8, false, true);
        queue(bio);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> queue(bio));
        assertEquals("bio-queued-once", v.invariant());
        assertEquals(1, v.transition().seq());
        assertTrue(v.state().contains("bio 7"), v.state());
    }

    @Test
    void aTagHeldTwiceStopsTheRun() {
        Bio a = new Bio(1, task, 0, 8, false, true);
        Bio b = new Bio(2, task, 100, 8, false, true);
        queue(a);
        queue(b);
        tagGet(a, new Request(10, ctx, hctx, 2, a));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> tagGet(b, new Request(11, ctx, hctx, 2, b)));
        assertEquals("tag-unique", v.invariant());
        assertTrue(v.getMessage().contains("already held by request 10"), v.getMessage());
    }

    @Test
    void aReservedTagForABioStopsTheRun() {
        Bio a = new Bio(1, task, 0, 8, false, true);
        queue(a);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> tagGet(a, new Request(10, ctx, hctx, 0, a)));
        assertEquals("tag-range", v.invariant());
    }

    @Test
    void aRequestMovedFromAPlaceItIsNotInStopsTheRun() {
        Bio a = new Bio(1, task, 0, 8, false, true);
        queue(a);
        Request rq = new Request(10, ctx, hctx, 2, a);
        tagGet(a, rq);
        rq.takeFirstBio(a);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.CTX_FLUSH, null,
                "flush_busy_ctxs", 0, actor, rq, Place.ctx(0), Place.hctx(0)));
        assertEquals("request-in-one-place", v.invariant());
    }

    @Test
    void sectorsThatAppearFromNowhereStopTheRun() {
        Bio a = new Bio(1, task, 0, 8, true, false);
        Bio b = new Bio(2, task, 8, 8, true, false);
        queue(a);
        queue(b);
        Request rq = new Request(10, ctx, hctx, 2, a);
        tagGet(a, rq);
        rq.takeFirstBio(a);
        emit.request(TransitionKind.INSERT, "I", "__blk_mq_insert_request", 0, actor, rq, Place.task(0), Place.ctx(0));
        rq.bios.add(b);
        rq.sectors += 16;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.bio(TransitionKind.BACKMERGE, "M",
                "bio_attempt_back_merge", 0, actor, b, rq, hctx, Place.task(0), Place.MERGED));
        assertEquals("merge-adjacent", v.invariant(), v.getMessage());
    }

    @Test
    void aRunThatEndsWithBiosInFlightIsReported() {
        Invariants inv = new Invariants(1, 4, 0, 255, 128);
        Emitter e = new Emitter(new Simulation(1), inv);
        e.bio(TransitionKind.QUEUE, "Q", "generic_make_request_checks", 0, actor, new Bio(1, task, 0, 8, false, true),
                null, null, Place.NONE, Place.task(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.checkEnd("hctx 0: …"));
        assertEquals("every-bio-completes", v.invariant());
    }

    private void queue(Bio bio) {
        emit.bio(TransitionKind.QUEUE, "Q", "generic_make_request_checks", 0, actor, bio, null, null,
                Place.NONE, Place.task(0));
    }

    private void tagGet(Bio bio, Request rq) {
        emit.bio(TransitionKind.TAG_GET, null, "blk_mq_get_tag", 0, actor, bio, rq, hctx, Place.task(0), Place.task(0));
    }
}
