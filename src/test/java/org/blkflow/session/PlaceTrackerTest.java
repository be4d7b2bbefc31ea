package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.blkflow.model.Snapshot;
import org.blkflow.trace.TestData;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Snapshots of the hand-written trace (CPUs 1 and 2 on hctx 1), at steps worked out by hand. */
class PlaceTrackerTest {

    final LiveSession live;
    final List<Transition> all;

    PlaceTrackerTest() throws Exception {
        all = TraceSourceTest.straightRun(new SessionModel().replay("t", TestData.importFixture("every-action.blkparse.txt"), new int[] {0, 1, 1, 0}));
        live = new SessionModel().replay("t", TestData.importFixture("every-action.blkparse.txt"), new int[] {0, 1, 1, 0});
    }

    long after(TransitionKind kind, long sector) {
        for (Transition t : all) {
            if (t.kind() == kind && t.sector() == sector) return t.seq() + 1;
        }
        throw new AssertionError("no " + kind + " at " + sector);
    }

    long bioAt(long sector) {
        return all.stream().filter(t -> t.kind() == TransitionKind.QUEUE && t.sector() == sector)
                .findFirst().orElseThrow().bio();
    }

    Snapshot.Item item(String type, long id) {
        return live.snapshot().items().stream().filter(i -> i.type().equals(type) && i.id() == id)
                .findFirst().orElseThrow(() -> new AssertionError(type + " " + id + " not in " + live.snapshot()));
    }

    @Test
    void theMergedRequestHoldsItsThreeBiosInSectorOrderOnItsSoftwareQueue() {
        live.seek(after(TransitionKind.INSERT, 2040));
        long rq = all.get((int) live.steps() - 1).req();
        Snapshot.Item request = item("req", rq);
        assertEquals(Place.ctx(0), request.place());
        assertEquals(2040, request.sector());
        assertEquals(24, request.sectors(), "G's 8 sectors, a back and a front merge of 8");
        assertEquals(List.of(bioAt(2040), bioAt(2048), bioAt(2056)), request.bios());
        for (long bio : request.bios()) {
            assertEquals(Place.MERGED, item("bio", bio).place());
            assertEquals(rq, item("bio", bio).req());
        }
    }

    @Test
    void aRequeuedRequestWaitsOnItsHardwareQueueAndCountsAsDispatched() {
        live.seek(after(TransitionKind.REQUEUE, 100000));
        long rq = all.get((int) live.steps() - 1).req();
        assertEquals(Place.hctx(1), item("req", rq).place());
        Snapshot.HctxState hctx1 = live.snapshot().hctxs().get(1);
        assertEquals(1, hctx1.dispatched());
        assertEquals(1, hctx1.tagsUsed(), "the 100000 request is the only one allocated on hctx 1");
    }

    @Test
    void aSleeperWaitsOnItsHctxAndAtTheEndOnlyTheUncompletedBioIsLeft() {
        live.seek(after(TransitionKind.SLEEP, 5000));
        assertEquals(Place.tagWait(1), item("bio", bioAt(5000)).place(), "CPU 2 is on hctx 1");
        live.seek(all.size());
        List<Snapshot.Item> left = live.snapshot().items();
        assertEquals(1, left.size(), left.toString());
        assertEquals(7000, left.get(0).sector(), "the Q on 8,16 never completes");
        assertEquals(Place.task(3), left.get(0).place());
    }
}
