package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 4: ticket spinlocks as the engine reports them, and the stream's lock moves agreeing with them. */
class LockInvariantsTest {

    private final InvariantsFixture f = new InvariantsFixture(4);
    private final Invariants inv = f.invariants;

    /** cpu 0 holds queue_lock from 0 to 5 ns; cpus 1 and 2 ask at 1 and 2 ns. */
    private void twoSpinners() {
        inv.lockAsked("queue_lock", 0, 0, -1, "blk_queue_bio", true);
        inv.lockGranted("queue_lock", 0, 0, 0);
        inv.lockAsked("queue_lock", 1, 1, 0, "blk_queue_bio", true);
        inv.lockAsked("queue_lock", 2, 2, 0, "blk_queue_bio", true);
        inv.lockReleased("queue_lock", 0, 5);
    }

    @Test
    void ticketOrderIsKept() {
        twoSpinners();
        inv.lockGranted("queue_lock", 1, 1, 5);
        inv.lockReleased("queue_lock", 1, 9);
        inv.lockGranted("queue_lock", 2, 2, 9);
    }

    @Test
    void aGrantOutOfTicketOrderIsReported() {
        twoSpinners();
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.lockGranted("queue_lock", 2, 2, 5));
        assertEquals("lock-fifo", v.invariant());
    }

    @Test
    void aWaitLongerThanTheHoldsItWaitedForIsReported() {
        twoSpinners();
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.lockGranted("queue_lock", 1, 1, 50));
        assertEquals("lock-wait-covered", v.invariant());
    }

    @Test
    void aReleaseByAnotherCpuIsReported() {
        inv.lockAsked("queue_lock", 0, 0, -1, "blk_queue_bio", true);
        inv.lockGranted("queue_lock", 0, 0, 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.lockReleased("queue_lock", 1, 3));
        assertEquals("lock-released-by-holder", v.invariant());
    }

    @Test
    void aLockMoveNamingTheWrongHolderIsReported() {
        inv.lockAsked("queue_lock", 0, 0, -1, "blk_queue_bio", true);
        inv.lockGranted("queue_lock", 0, 0, 0);
        inv.lockAsked("queue_lock", 1, 1, 0, "blk_queue_bio", true);
        f.emit.lock(TransitionKind.LOCK_CONTENDED, "blk_queue_bio", 1, "queue_lock", 0);
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> f.emit.lock(TransitionKind.LOCK_CONTENDED, "blk_queue_bio", 1, "queue_lock", 3));
        assertEquals("lock-move", v.invariant());
    }
}
