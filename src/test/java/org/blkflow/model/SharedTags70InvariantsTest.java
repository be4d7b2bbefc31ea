package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.DeviceNumbers;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several devices' BUG_ONs: two devices of one hctx each share a set of 8 driver tags (share 4 of 8
 * once both are active). Each check is seeded to fail once: a fifth tag on an active hctx, a tag
 * wait with tags free and the hctx under its share, a plug that drops multiple_queues or passes 64, a
 * tag taken before tag_busy made its hctx active, a second tag_busy, a tag_busy counting wrong.
 */
class SharedTags70InvariantsTest extends InvariantsRig {

    private Invariants inv;
    private HardwareQueue other;
    private SoftwareQueue otherCtx;

    @BeforeEach
    void twoDevicesSharingEightTags() {
        inv = new Invariants(2, 8, 0, 255, 128);
        inv.modern(0, 0, Integer.MAX_VALUE);
        inv.devices70(new DeviceNumbers(2, 1, 2), true, 8);
        rig(inv, 8, 0);
        other = new HardwareQueue(1, new TagSet<>(8, 0));
        other.device = 1;
        otherCtx = new SoftwareQueue(0, other, 0, 0);
        otherCtx.place = 1;
        other.addCtx(otherCtx);
    }

    @Test
    void anActiveHctxPastItsShareAfterAnAllocationStopsTheRun() {
        busy(hctx, 1);
        busy(other, 2);
        for (int i = 0; i < 4; i++) getrq(queued(i), i, hctx, ctx);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> getrq(queued(4), 4, hctx, ctx));
        assertEquals("fair-share", v.invariant());
    }

    @Test
    void aloneTheHctxMayTakeTheWholeSetAndTheSetNeverMore() {
        busy(hctx, 1);
        for (int i = 0; i < 8; i++) getrq(queued(i), i, hctx, ctx);
        Bio ofNullb1 = queued(8);
        ofNullb1.device = 1;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> getrq(ofNullb1, 0, other, otherCtx));
        assertEquals("shared-tags-within-depth", v.invariant());
    }

    @Test
    void aTagWaitIsLegalAtTheShareAndNotBelowIt() {
        busy(hctx, 1);
        busy(other, 2);
        for (int i = 0; i < 3; i++) getrq(queued(i), i, hctx, ctx);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> sleep(queued(3)));
        assertEquals("sleep-when-no-tag", v.invariant());
        twoDevicesSharingEightTags();
        busy(hctx, 1);
        busy(other, 2);
        for (int i = 0; i < 4; i++) getrq(queued(i), i, hctx, ctx);
        sleep(queued(4));
    }

    @Test
    void aPlugKeepsMultipleQueuesUntilItEndsAndItsLimit() {
        Object plug = new Object();
        inv.plugAdded(1000, plug, false, 1);
        inv.plugAdded(1000, plug, true, 2);
        assertEquals("multiple-queues-monotone",
                assertThrows(InvariantViolation.class, () -> inv.plugAdded(1000, plug, false, 3)).invariant());
        inv.plugAdded(1000, new Object(), false, 1);
        assertEquals("plug-limit", assertThrows(InvariantViolation.class, () -> inv.plugAdded(1000, plug, false, 33))
                .invariant());
        inv.plugAdded(1000, new Object(), true, 64);
    }

    /** A bio of nullb0 allocated on nullb1's queue, then merged into nullb1's request: each stops the run. */
    @Test
    void aBioJoinsOnlyARequestOfItsOwnDevice() {
        assertEquals("bio-on-its-device",
                assertThrows(InvariantViolation.class, () -> getrq(queued(0), 0, other, otherCtx)).invariant());
        twoDevicesSharingEightTags();
        Bio first = queued(1);
        first.device = 1;
        busy(other, 1);
        Request rq = new Request(first.id, otherCtx, other, 1, first);
        rq.takeFirstBio(first);
        emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", 0, actor, first, rq, other, Place.task(0), Place.task(0));
        Bio next = new Bio(2, task, first.end(), 8, false, true);
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, next, null, null, Place.NONE,
                Place.task(0));
        assertEquals("bio-on-its-device", assertThrows(InvariantViolation.class, () -> emit.bio(TransitionKind.BACKMERGE,
                "M", "bio_attempt_back_merge", 0, actor, next, rq, other, Place.task(0), Place.MERGED)).invariant());
    }

    @Test
    void aSharedTagIsTakenOnlyOnceItsHctxIsActive() {
        assertEquals("tag-busy-before-tag",
                assertThrows(InvariantViolation.class, () -> getrq(queued(0), 0, hctx, ctx)).invariant());
    }

    @Test
    void tagBusyMarksAnHctxOnceAndCountsTheSetsActiveQueues() {
        busy(hctx, 1);
        assertEquals("tag-busy-once", assertThrows(InvariantViolation.class, () -> busy(hctx, 2)).invariant());
        twoDevicesSharingEightTags();
        busy(other, 1);
        assertEquals("active-queues", assertThrows(InvariantViolation.class, () -> busy(hctx, 1)).invariant());
    }

    private void busy(HardwareQueue on, int activeQueues) {
        emit.tagBusy(0, actor, on, activeQueues);
    }

    private Bio queued(long id) {
        Bio bio = new Bio(id, task, 1000 * id, 8, false, true);
        emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", 0, actor, bio, null, null, Place.NONE,
                Place.task(0));
        return bio;
    }

    private void getrq(Bio bio, int tag, HardwareQueue on, SoftwareQueue onCtx) {
        Request rq = new Request(bio.id, onCtx, on, tag, bio);
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", 0, actor, bio, rq, on, Place.task(0), Place.task(0));
    }

    private void sleep(Bio bio) {
        emit.bio(TransitionKind.SLEEP, null, "blk_mq_get_tag", 0, actor, bio, null, hctx, Place.task(0), Place.tagWait(0));
    }
}
