package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 3: a stop or a BUSY only when the device's room is all taken, counted by the one rule of DeviceInvariants. */
class DeviceInvariantsTest {

    /** A device with one slot whose room is taken at {@code takenAt}. */
    private static InvariantsFixture oneSlot(TransitionKind takenAt) {
        InvariantsFixture f = new InvariantsFixture(4);
        f.invariants.limits(new Invariants.Capacity(0, 0, new int[] {0}, 1, takenAt), 1);
        return f;
    }

    @Test
    void aStopWithTheDeviceEmptyIsReported() {
        InvariantsFixture f = oneSlot(TransitionKind.QUEUE_RQ);
        InvariantViolation v = assertThrows(InvariantViolation.class, f::stop);
        assertEquals("busy-when-device-full", v.invariant());
    }

    @Test
    void blkMqTakesTheRoomAtQueueRqAndTheFreeGivesItBack() {
        InvariantsFixture f = oneSlot(TransitionKind.QUEUE_RQ);
        Request rq = f.tagged(f.queued(1), 0);
        f.issued(rq);
        f.move(TransitionKind.QUEUE_RQ, null, "null_queue_rq", rq, Place.driver(0), Place.device(0));
        f.stop();
        f.ended(rq);
        InvariantViolation v = assertThrows(InvariantViolation.class, f::stop);
        assertEquals("busy-when-device-full", v.invariant(), "the freed request gave its slot back");
    }

    @Test
    void inBlkMqAStartedRequestTheDriverHasNotAcceptedHoldsNoRoom() {
        InvariantsFixture f = oneSlot(TransitionKind.QUEUE_RQ);
        f.issued(f.tagged(f.queued(1), 0));
        InvariantViolation v = assertThrows(InvariantViolation.class, f::stop);
        assertEquals("busy-when-device-full", v.invariant(), "D alone is blk-mq's core, not the driver");
    }

    /**
     * null_blk's prep takes its driver tag before D and drops queue_lock before queue_rq: another CPU
     * may find every tag taken and stop the queue in between, which is legal only if D took the room.
     */
    @Test
    void aRequestFnDriverHoldsTheRoomFromD() {
        assertDoesNotThrow(() -> stopWithARequestStartedByTheDriver(TransitionKind.ISSUE));
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> stopWithARequestStartedByTheDriver(TransitionKind.QUEUE_RQ));
        assertEquals("busy-when-device-full", v.invariant(), "counted from queue_rq, the same stop would be a BUG");
    }

    private static void stopWithARequestStartedByTheDriver(TransitionKind takenAt) {
        InvariantsFixture f = oneSlot(takenAt);
        Request rq = f.legacy(f.queued(1));
        f.move(TransitionKind.INSERT, "I", "elv_insert", rq, Place.task(0), Place.elevator(0));
        f.move(TransitionKind.ISSUE, "D", "blk_peek_request", rq, Place.elevator(0), Place.driver(0));
        f.stop();
    }
}
