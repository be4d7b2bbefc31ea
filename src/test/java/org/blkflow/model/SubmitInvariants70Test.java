package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SubmitInvariants70 catches what it is for: splits that do not add up or break the limits, cached
 * requests taken by another task or of another hctx type, and a plug flushed with requests left in
 * its cache. Each case is seeded by hand; the legal moves beside them pass.
 */
class SubmitInvariants70Test extends InvariantsRig {

    private Invariants inv;

    /** One hctx of 8 driver tags, max_sectors 16, max_segments 4; hctx 1 and on would be poll queues. */
    @BeforeEach
    void setUp() {
        inv = new Invariants(1, 8, 0, 16, 4);
        inv.modern(0, 0, 1);
        rig(inv, 8, 0);
    }

    private Bio queued(long id, int sectors) {
        Bio bio = new Bio(id, task, 0, sectors, false, true);
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, bio, null, null, Place.NONE, Place.task(0));
        return bio;
    }

    @Test
    void splitsWithinTheLimitsThatAddUpPass() {
        Bio bio = queued(1, 40);
        emit.split(0, actor, bio.splitFront(2, 16), Place.task(0));
        emit.split(0, actor, bio.splitFront(3, 16), Place.task(0));
        assertEquals(8, bio.sectors);
    }

    @Test
    void aPieceOverMaxSectorsStopsTheRun() {
        Bio bio = queued(1, 40);
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> emit.split(0, actor, bio.splitFront(2, 24), Place.task(0)));
        assertEquals("split-within-limits", v.invariant());
    }

    @Test
    void piecesThatDoNotAddUpToTheBioStopTheRun() {
        Bio bio = queued(1, 40);
        bio.sectors += 8;   // the model lost track of the remainder
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> emit.split(0, actor, bio.splitFront(2, 16), Place.task(0)));
        assertEquals("split-sums-to-bio", v.invariant());
    }

    private Request cache(int tag) {
        Request rq = new Request(100 + tag, ctx, hctx, tag, new Bio(99, task, 0, 8, false, true));
        emit.request(TransitionKind.CACHE, null, "__blk_mq_alloc_requests_batch", 0, actor, rq, Place.NONE, Place.cached(0));
        return rq;
    }

    private void take(Bio bio, Request rq, Actor by) {
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", 0, by, bio, rq, hctx, Place.cached(0), Place.task(0));
    }

    @Test
    void aCachedRequestTakenAndTheRestFreedBeforeThePlugEndsPasses() {
        Request a = cache(3);
        Request b = cache(4);
        take(queued(1, 8), b, actor);
        emit.request(TransitionKind.FREE, null, "blk_mq_free_plug_rqs", 0, actor, a, Place.cached(0), Place.NONE);
        inv.plugFinished(actor.pid());
    }

    @Test
    void aPlugFlushedWithCachedRequestsLeftStopsTheRun() {
        cache(3);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.plugFinished(actor.pid()));
        assertEquals("cached-rq-leak", v.invariant());
    }

    @Test
    void anotherTasksCachedRequestIsNotTaken() {
        Request a = cache(3);
        Bio other = new Bio(7, task, 0, 8, false, true);
        Actor stranger = new Actor(2000, "other");
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, stranger, other, null, null, Place.NONE,
                Place.task(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> take(other, a, stranger));
        assertEquals("cached-rq-owner", v.invariant());
    }

    @Test
    void aPolledBioTakingADefaultHctxsCachedRequestStopsTheRun() {
        Request a = cache(3);
        Bio polled = queued(1, 8);
        polled.polled = true;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> take(polled, a, actor));
        assertEquals("cached-rq-match", v.invariant());
    }

    @Test
    void aCachedRequestHoldsItsTagSoTheTagCannotBeHandedOutTwice() {
        cache(3);
        Bio bio = queued(1, 8);
        Request twin = new Request(50, ctx, hctx, 3, bio);
        twin.takeFirstBio(bio);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.bio(TransitionKind.GETRQ, "G",
                "blk_mq_submit_bio", 0, actor, bio, twin, hctx, Place.task(0), Place.task(0)));
        assertEquals("tag-unique", v.invariant());
    }

    /** X is a bio move naming the bio Q showed, with the front's range and the remainder's start. */
    @Test
    void theSplitMoveNamesTheBioAndCarriesTheRemaindersStart() {
        Bio bio = queued(1, 40);
        java.util.List<Transition> seen = new java.util.ArrayList<>();
        emit.split(0, actor, bio.splitFront(2, 16), Place.task(0));
        for (Transition t; (t = emit.poll()) != null; ) seen.add(t);
        Transition x = seen.get(seen.size() - 1);
        assertEquals(TransitionKind.SPLIT, x.kind());
        assertEquals("X", x.action());
        assertEquals(1, x.bio());
        assertEquals(0, x.sector());
        assertEquals(16, x.sectors());
        assertEquals(16, x.count());
    }
}
