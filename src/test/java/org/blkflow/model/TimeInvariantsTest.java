package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 5 and the stream's order: one process-context step per CPU at a time, seq without gaps, time never back. */
class TimeInvariantsTest {

    private final Invariants inv = new InvariantsFixture(4).invariants;

    private static Transition at(long seq, long t) {
        return new Transition(seq, t, TransitionKind.RUN_QUEUE, "__blk_mq_run_hw_queue", null, 0, 1000, "fio",
                -1, -1, 0, 0, -1, -1, -1, null, Place.NONE, Place.NONE, -1);
    }

    @Test
    void overlappingStepsOnOneCpuAreReported() {
        inv.limits(Invariants.Capacity.NONE, 2);
        inv.processStep(0, 0, 10);
        inv.processStep(1, 5, 20);
        inv.processStep(0, 10, 20);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.processStep(0, 15, 30));
        assertEquals("one-step-per-cpu", v.invariant());
    }

    @Test
    void timeGoingBackIsReported() {
        inv.checkDelivered(at(0, 10));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.checkDelivered(at(1, 9)));
        assertEquals("time-monotonic", v.invariant());
    }

    @Test
    void aGapInSeqIsReported() {
        inv.checkDelivered(at(0, 10));
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> inv.checkDelivered(at(2, 10)));
        assertEquals("seq-order", v.invariant());
    }
}
