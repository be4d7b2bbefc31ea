package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 1–2 in 3.16: a sleep for a tag, a request or a command only when the stream shows every one held. */
class TagInvariantsTest {

    private final InvariantsFixture f = new InvariantsFixture(2);

    private void sleep(Bio bio, String fn) {
        f.emit.bio(TransitionKind.SLEEP, "S", fn, 0, f.actor, bio, null, f.hctx, Place.task(0), Place.tagWait(0));
    }

    @Test
    void aSleepForATagWhileOneIsFreeIsReported() {
        f.tagged(f.queued(1), 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(f.queued(2), "bt_get"));
        assertEquals("sleep-when-no-tag", v.invariant());
    }

    @Test
    void aSleepForATagWithEveryTagHeldIsLegal() {
        f.tagged(f.queued(1), 0);
        f.tagged(f.queued(2), 1);
        sleep(f.queued(3), "bt_get");
    }

    @Test
    void aSleepInGetRequestBelowNrRequestsIsReported() {
        f.invariants.limits(new Invariants.Capacity(1, 0, new int[0], 0, TransitionKind.ISSUE), 1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(f.queued(1), "get_request"));
        assertEquals("sleep-when-no-request", v.invariant());
    }

    @Test
    void aSleepInGetRequestWithNrRequestsAllocatedIsLegal() {
        f.invariants.limits(new Invariants.Capacity(1, 0, new int[0], 0, TransitionKind.ISSUE), 1);
        f.legacy(f.queued(1));
        sleep(f.queued(2), "get_request");
    }

    @Test
    void aSleepInAllocCmdWithAFreeCommandIsReported() {
        f.invariants.limits(new Invariants.Capacity(0, 1, new int[0], 0, TransitionKind.QUEUE_RQ), 1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(f.queued(1), "alloc_cmd"));
        assertEquals("sleep-when-no-command", v.invariant());
    }
}
