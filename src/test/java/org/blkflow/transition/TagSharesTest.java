package org.blkflow.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's word on several 7.0 devices, from hand-made moves: each item's device is the latest
 * move's dev, and a shared tag set's active queues and fair share follow its tag_busy moves. Two
 * devices of two hctxs each share sets 0 (hctxs 0, 2) and 1 (hctxs 1, 3) of 16 tags.
 */
class TagSharesTest {

    private final DeviceNumbers numbers = new DeviceNumbers(2, 2, 2);

    static Transition busy(int hctx, int dev, int activeQueues) {
        return new Transition(0, 0, TransitionKind.TAG_BUSY, "__blk_mq_tag_busy", null, 0, 1, "fio", -1, -1, -1, hctx,
                -1, -1, -1, null, Place.NONE, Place.NONE, activeQueues, null, dev);
    }

    static Transition getrq(long id, int hctx, int dev) {
        return new Transition(0, 0, TransitionKind.GETRQ, "blk_mq_submit_bio", "G", 0, 1, "fio", id, id, 0, hctx, 3,
                8 * id, 8, "R", Place.task(0), Place.task(0), -1, null, dev);
    }

    private static List<String> shares(Snapshot s) {
        return s.hctxs().stream().map(h -> h.hctx() + (h.share().active() ? " active" : " idle") + " users "
                + h.share().users() + " share " + h.share().share()).toList();
    }

    @Test
    void eachSetCountsItsOwnActiveQueuesAndTheirShare() {
        SnapshotTracker tracker = new SnapshotTracker(4, 16).sharingTags(numbers, 16);
        tracker.apply(busy(2, 1, 1));
        assertEquals(List.of("0 idle users 1 share 16", "1 idle users 0 share 0", "2 active users 1 share 16",
                "3 idle users 0 share 0"), shares(tracker.snapshot(1, 0)));
        tracker.apply(busy(0, 0, 2));
        tracker.apply(busy(1, 0, 1));
        assertEquals(List.of("0 active users 2 share 8", "1 active users 1 share 16", "2 active users 2 share 8",
                "3 idle users 1 share 16"), shares(tracker.snapshot(3, 0)));
    }

    @Test
    void theFairShareIsNeverUnderFour() {
        assertEquals(List.of(16, 8, 6, 4, 4), List.of(1, 2, 3, 4, 5).stream().map(u -> TagShares.fairShare(16, u)).toList());
        assertEquals(4, TagShares.fairShare(4, 2));
    }

    @Test
    void anItemIsOnTheDeviceItsLatestMoveNamesAndOneDeviceHasNoShares() {
        SnapshotTracker tracker = new SnapshotTracker(4, 16);
        tracker.apply(getrq(0, 2, 1));
        tracker.apply(getrq(1, 0, -1));
        Snapshot s = tracker.snapshot(2, 0);
        assertEquals(1, SnapshotTrackerTest.item(s, "req", 0).dev());
        assertEquals(1, SnapshotTrackerTest.item(s, "bio", 0).dev());
        assertEquals(-1, SnapshotTrackerTest.item(s, "req", 1).dev());
        assertNull(s.hctxs().get(0).share(), "no shared set, nothing to say");
    }
}
