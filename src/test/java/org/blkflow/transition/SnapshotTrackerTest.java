package org.blkflow.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.blkflow.trace.TestData;
import org.blkflow.trace.TraceReplay;
import org.junit.jupiter.api.Test;

/**
 * The one tracker on a replayed trace: the hand-written trace with CPUs 1 and 2 on hctx 1, at steps
 * worked out by hand. A trace begins mid-flight and pairs events as btt does, so the tracker must
 * take moves of items it never saw; the model's snapshots are checked by model/SnapshotTest.
 */
class SnapshotTrackerTest {

    final List<Transition> all;

    SnapshotTrackerTest() throws Exception {
        all = TraceReplay.of(TestData.importFixture("every-action.blkparse.txt").events(), new int[] {0, 1, 1, 0})
                .transitions();
    }

    /** The snapshot after the first {@code steps} transitions. */
    Snapshot after(long steps) {
        SnapshotTracker tracker = new SnapshotTracker(2, 4);
        all.stream().limit(steps).forEach(tracker::apply);
        return tracker.snapshot(steps, steps == 0 ? 0 : all.get((int) steps - 1).t());
    }

    long stepAfter(TransitionKind kind, long sector) {
        for (Transition t : all) {
            if (t.kind() == kind && t.sector() == sector) return t.seq() + 1;
        }
        throw new AssertionError("no " + kind + " at " + sector);
    }

    long bioAt(long sector) {
        return all.stream().filter(t -> t.kind() == TransitionKind.QUEUE && t.sector() == sector)
                .findFirst().orElseThrow().bio();
    }

    static Snapshot.Item item(Snapshot snap, String type, long id) {
        return snap.items().stream().filter(i -> i.type().equals(type) && i.id() == id)
                .findFirst().orElseThrow(() -> new AssertionError(type + " " + id + " not in " + snap));
    }

    static Transition move(TransitionKind kind, long bio, long req, long sector, int sectors, Place from, Place to) {
        return new Transition(0, 0, kind, "fn", kind.action(), 1, 1, "fio", bio, req, 1, 1, -1, sector, sectors, "W",
                from, to, -1);
    }

    static Transition tagged(TransitionKind kind, long req, int tag, Place from, Place to) {
        return new Transition(0, 0, kind, "fn", kind.action(), 1, 1, "fio", -1, req, 1, 1, tag, 0, 8, "W",
                from, to, -1);
    }

    /** 7.0 under a scheduler: the scheduler tag at G, rq->tag set at D, cleared at R, set again at the next D. */
    @Test
    void aDriverTagIsHeldWhileTheLatestMoveShowsRqTagSet() {
        SnapshotTracker tracker = new SnapshotTracker(2, 4);
        tracker.apply(tagged(TransitionKind.GETRQ, 5, -1, Place.NONE, Place.plug(1)));
        tracker.apply(tagged(TransitionKind.INSERT, 5, -1, Place.plug(1), Place.elevator(0)));
        assertEquals(List.of(1, 0), tags(tracker.snapshot(2, 0)), "a scheduler tag, no driver tag yet");
        tracker.apply(tagged(TransitionKind.ISSUE, 5, 3, Place.hctx(1), Place.driver(1)));
        assertEquals(List.of(1, 1), tags(tracker.snapshot(3, 0)));
        assertEquals(3, item(tracker.snapshot(3, 0), "req", 5).tag());
        tracker.apply(tagged(TransitionKind.REQUEUE, 5, -1, Place.driver(1), Place.hctx(1)));
        assertEquals(List.of(1, 0), tags(tracker.snapshot(4, 0)), "R gives the driver tag back");
        assertEquals(-1, item(tracker.snapshot(4, 0), "req", 5).tag());
        tracker.apply(tagged(TransitionKind.ISSUE, 5, 2, Place.hctx(1), Place.driver(1)));
        assertEquals(1, item(tracker.snapshot(5, 0), "req", 5).hctx(), "the hctx whose tags it counts against");
        tracker.apply(tagged(TransitionKind.FREE, 5, 2, Place.DONE, Place.NONE));
        assertEquals(List.of(0, 0), tags(tracker.snapshot(6, 0)), "the free gives both back");
    }

    private static List<Integer> tags(Snapshot snap) {
        Snapshot.HctxState h = snap.hctxs().get(1);
        return List.of(h.tagsUsed(), h.driverTags());
    }

    @Test
    void aTraceBegunMidFlightStartsWhatItNeverSawWhereTheMoveSaysAndIgnoresUnknownEnds() {
        SnapshotTracker tracker = new SnapshotTracker(2, 4);
        tracker.apply(move(TransitionKind.BIO_END, 9, 3, 0, 8, Place.MERGED, Place.DONE));
        tracker.apply(move(TransitionKind.FREE, -1, 3, 0, 8, Place.DONE, Place.NONE));
        tracker.apply(move(TransitionKind.INSERT, -1, 5, 800, 16, Place.NONE, Place.ctx(1)));
        tracker.apply(move(TransitionKind.BACKMERGE, -1, 5, 816, 8, Place.task(1), Place.MERGED));
        Snapshot snap = tracker.snapshot(4, 0);
        assertEquals(1, snap.items().size(), snap.toString());
        Snapshot.Item rq = item(snap, "req", 5);
        assertEquals(List.of(Place.ctx(1), 800L, 24), List.of(rq.place(), rq.sector(), rq.sectors()),
                "started at the insert, grown by a merge of a bio queued before the trace");
        assertEquals(1, snap.hctxs().get(1).tagsUsed());
        tracker.apply(move(TransitionKind.ISSUE, -1, 5, 800, 32, Place.ctx(1), Place.device(1)));
        assertEquals(32, item(tracker.snapshot(5, 0), "req", 5).sectors(), "a D's range is the size at issue");
    }

    @Test
    void theMergedRequestHoldsItsThreeBiosInSectorOrderOnItsSoftwareQueue() {
        long step = stepAfter(TransitionKind.INSERT, 2040);
        Snapshot snap = after(step);
        long rq = all.get((int) step - 1).req();
        Snapshot.Item request = item(snap, "req", rq);
        assertEquals(Place.ctx(0), request.place());
        assertEquals(2040, request.sector());
        assertEquals(24, request.sectors(), "G's 8 sectors, a back and a front merge of 8");
        assertEquals(List.of(bioAt(2040), bioAt(2048), bioAt(2056)), request.bios());
        for (long bio : request.bios()) {
            assertEquals(Place.MERGED, item(snap, "bio", bio).place());
            assertEquals(rq, item(snap, "bio", bio).req());
        }
    }

    @Test
    void aRequeuedRequestWaitsOnItsHardwareQueueAndCountsAsDispatched() {
        long step = stepAfter(TransitionKind.REQUEUE, 100000);
        Snapshot snap = after(step);
        long rq = all.get((int) step - 1).req();
        assertEquals(Place.hctx(1), item(snap, "req", rq).place());
        Snapshot.HctxState hctx1 = snap.hctxs().get(1);
        assertEquals(1, hctx1.dispatched());
        assertEquals(1, hctx1.tagsUsed(), "the 100000 request is the only one allocated on hctx 1");
    }

    @Test
    void aSleeperWaitsOnItsHctxAndAtTheEndOnlyTheUncompletedBioIsLeft() {
        assertEquals(Place.tagWait(1), item(after(stepAfter(TransitionKind.SLEEP, 5000)), "bio", bioAt(5000)).place(),
                "CPU 2 is on hctx 1");
        List<Snapshot.Item> left = after(all.size()).items();
        assertEquals(1, left.size(), left.toString());
        assertEquals(7000, left.get(0).sector(), "the Q on 8,16 never completes");
        assertEquals(Place.task(3), left.get(0).place());
    }
}
