package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 7.0 BUG_ONs: no S, waits only on a full pool, two tag levels under a scheduler, kyber's tokens, poll hctxs. */
class Invariants70Test extends InvariantsRig {


    /** One hctx, 2 driver tags; under mq-deadline 4 scheduler tags. */
    private void setUp(int schedDepth) {
        setUp(schedDepth, Integer.MAX_VALUE);
    }

    /** @param firstPollHctx the first poll hctx: 1 makes the one hctx a default (interrupt) queue */
    private void setUp(int schedDepth, int firstPollHctx) {
        Invariants inv = new Invariants(1, 2, 0, 255, 128);
        inv.modern(schedDepth, schedDepth, firstPollHctx);
        rig(inv, 2, 0);
    }

    @BeforeEach
    void none() {
        setUp(0);
    }

    @Test
    void anSIn70StopsTheRun() {
        Bio a = queued(1);
        getrq(a, 0, -1);
        getrq(queued(2), 1, -1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(queued(3), "S"));
        assertEquals("no-sleeprq-in-7.0", v.invariant());
    }

    @Test
    void aTagWaitWhileATagIsFreeStopsTheRun() {
        getrq(queued(1), 0, -1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(queued(2), null));
        assertEquals("sleep-when-no-tag", v.invariant());
    }

    @Test
    void aTagWaitWithNoLetterWhenEveryTagIsHeldIsFine() {
        getrq(queued(1), 0, -1);
        getrq(queued(2), 1, -1);
        sleep(queued(3), null);
    }

    @Test
    void underASchedulerTheWaitIsForSchedulerTagsNotDriverTags() {
        setUp(4);
        for (int i = 0; i < 3; i++) getrq(queued(i), -1, i);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(queued(9), null));
        assertEquals("sleep-when-no-tag", v.invariant(), "3 of 4 scheduler tags held");
    }

    @Test
    void aSchedulerTaggedRequestIssuedWithoutADriverTagStopsTheRun() {
        setUp(4);
        Bio a = queued(1);
        Request rq = getrq(a, -1, 0);
        emit.request(TransitionKind.PLUG, "P", "blk_add_rq_to_plug", 0, actor, rq, Place.task(0), Place.plug(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.ISSUE, "D",
                "blk_mq_start_request", 0, actor, rq, Place.plug(0), Place.driver(0)));
        assertEquals("tag-range", v.invariant());
    }

    @Test
    void aRequeueThatKeepsTheDriverTagOfASchedulerRequestStopsTheRun() {
        setUp(4);
        Request rq = getrq(queued(1), -1, 0);
        emit.request(TransitionKind.PLUG, "P", "blk_add_rq_to_plug", 0, actor, rq, Place.task(0), Place.plug(0));
        rq.tag = 1;
        emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", 0, actor, rq, Place.plug(0), Place.driver(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.REQUEUE, "R",
                "__blk_mq_requeue_request", 0, actor, rq, Place.driver(0), Place.hctx(0)));
        assertEquals("two-tag-levels", v.invariant());
    }

    @Test
    void kyberDispatchingWithoutATokenOfItsDomainStopsTheRun() {
        setUp(4);
        Request rq = getrq(queued(1), -1, 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> kyberDispatch(rq));
        assertEquals("kyber-token", v.invariant());
    }

    @Test
    void aKyberTokenHeldByTwoRequestsStopsTheRun() {
        setUp(4);
        Request a = getrq(queued(1), -1, 0);
        a.elvPrivate = new Kyber.Token(Kyber.domain(false), 3);
        kyberDispatch(a);
        Request b = getrq(queued(2), -1, 1);
        b.elvPrivate = new Kyber.Token(Kyber.domain(false), 3);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> kyberDispatch(b));
        assertEquals("kyber-token", v.invariant());
    }

    @Test
    void aPolledRequestCompletingOnAnInterruptHctxStopsTheRun() {
        setUp(0, 1);
        Bio bio = new Bio(1, task, 0, 8, false, true);
        bio.polled = true;
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, bio, null, null, Place.NONE,
                Place.task(0));
        Request rq = getrq(bio, 0, -1);
        emit.request(TransitionKind.ISSUE, "D", "blk_mq_start_request", 0, actor, rq, Place.task(0), Place.driver(0));
        emit.request(TransitionKind.QUEUE_RQ, null, "null_queue_rq", 0, actor, rq, Place.driver(0), Place.device(0));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> emit.request(TransitionKind.COMPLETE, "C",
                "blk_update_request", 0, actor, rq, Place.device(0), Place.DONE));
        assertEquals("poll-on-poll-hctx", v.invariant());
    }

    private void kyberDispatch(Request rq) {
        emit.request(TransitionKind.ELV_DISPATCH, null, "kyber_dispatch_request", 0, actor, rq, Place.task(0),
                Place.hctx(0));
    }

    private Bio queued(long id) {
        Bio bio = new Bio(id, task, 1000 * id, 8, false, true);
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, bio, null, null, Place.NONE,
                Place.task(0));
        return bio;
    }

    private Request getrq(Bio bio, int tag, int internalTag) {
        Request rq = new Request(bio.id, ctx, hctx, tag, bio);
        rq.internalTag = internalTag;
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", 0, actor, bio, rq, hctx, Place.task(0), Place.task(0));
        return rq;
    }

    private void sleep(Bio bio, String action) {
        emit.bio(TransitionKind.SLEEP, action, "blk_mq_get_tag", 0, actor, bio, null, hctx, Place.task(0),
                Place.tagWait(0));
    }
}
