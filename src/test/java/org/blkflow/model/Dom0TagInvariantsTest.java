package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 7, xen, dom0's null_blk queue: guest CPUs 0 and 1, dom0's vCPUs 2 and 3 on one hardware queue of 2 tags. */
class Dom0TagInvariantsTest {

    private final Dom0TagInvariants inv = new Dom0TagInvariants();
    private long seq;

    Dom0TagInvariantsTest() {
        inv.queue(2, 2, new int[] {0, 0});
    }

    private void move(String fn, int cpu, long req) {
        Place device = Place.device(0);
        inv.check(new Transition(seq++, 0, TransitionKind.BLKBACK, fn, null, cpu, 400, "blkback.1.xvda-0", -1, req, 0, 0, -1,
                -1, -1, null, device, device, -1));
    }

    @Test
    void aThirdTagOfTwoIsReported() {
        move("blk_mq_get_tag", 2, 0);
        move("blk_mq_get_tag", 3, 1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> move("blk_mq_get_tag", 2, 2));
        assertEquals("dom0-tags-over-depth", v.invariant());
    }

    @Test
    void sleepingInBtGetWithATagFreeIsReported() {
        move("blk_mq_get_tag", 2, 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> move("bt_get", 3, 1));
        assertEquals("dom0-tag-sleep-with-free-tag", v.invariant());
    }

    @Test
    void aSleepWithEveryTagOutAndAPutOfAHeldTagPass() {
        move("blk_mq_get_tag", 2, 0);
        move("blk_mq_get_tag", 3, 1);
        move("bt_get", 2, 2);
        move("blk_mq_put_tag", 3, 0);
        move("blk_mq_get_tag", 2, 2);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> move("blk_mq_put_tag", 2, 0));
        assertEquals("dom0-tag-put-unheld", v.invariant());
    }

    @Test
    void aSecondTagForOneRequestIsReported() {
        move("blk_mq_get_tag", 2, 0);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> move("blk_mq_get_tag", 3, 0));
        assertEquals("dom0-tag-twice", v.invariant());
    }
}
