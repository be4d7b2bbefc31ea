package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

class RunTimelineTest {

    /** Each marker where a straight run has it: the step just after the transition. */
    @Test
    void theMarkersAreWhereAStraightRunHasThem() {
        for (String id : List.of("busy-requeue", "tags-exhausted", "plug-merge", "xen-io-lock")) {
            Scenario s = Presets.byId(id).orElseThrow().scenario();
            List<Transition> straight = new ArrayList<>();
            ModelSource run = new ModelSource(s);
            for (Transition t = run.next(); t != null; t = run.next()) straight.add(t);

            RunTimeline timeline = new LiveSession(s).timeline(10_000_000);
            while (!timeline.advance(97)) {
                // pieces of an odd size, as a scan thread would take them
            }
            RunTimeline.Snapshot snap = timeline.snapshot();
            assertTrue(snap.done() && snap.complete(), id);
            assertEquals(straight.size(), snap.scanned(), id + ": the run's length");
            assertArrayEquals(after(straight, t -> "S".equals(t.action())), snap.markers().get("S"), id + " S");
            assertArrayEquals(after(straight, t -> "R".equals(t.action())), snap.markers().get("R"), id + " R");
            assertArrayEquals(after(straight, t -> t.kind() == TransitionKind.UNPLUG), snap.markers().get("U"), id + " U");
            assertArrayEquals(after(straight, t -> t.kind() == TransitionKind.HCTX_STOP), snap.markers().get("stop"), id);
            assertArrayEquals(after(straight, t -> t.kind() == TransitionKind.HCTX_START), snap.markers().get("start"), id);
            assertEquals(0, snap.markers().get("oops").length);
        }
        RunTimeline.Snapshot busy = scanned("busy-requeue");
        assertTrue(busy.markers().get("R").length > 0 && busy.markers().get("stop").length > 0, "the preset requeues");
    }

    @Test
    void aRunLongerThanTheLimitIsCutThereAndSaysSo() {
        RunTimeline timeline = new LiveSession(Presets.byId("legacy-contention").orElseThrow().scenario()).timeline(1000);
        assertFalse(timeline.advance(600));
        assertFalse(timeline.snapshot().done());
        assertEquals(600, timeline.snapshot().scanned());
        assertTrue(timeline.advance(600));
        RunTimeline.Snapshot snap = timeline.snapshot();
        assertTrue(snap.done());
        assertFalse(snap.complete(), "cut at the limit, not finished");
        assertEquals(1000, snap.scanned());
    }

    @Test
    void anOopsEndsTheTimelineWithAMarkerWhereTheRunStopped() {
        LiveSession live = new LiveSession(Scenarios.seeded(3), sc -> new FakeSource(sc, 12));
        RunTimeline timeline = live.timeline(10_000_000);
        assertTrue(timeline.advance(1000));
        RunTimeline.Snapshot snap = timeline.snapshot();
        assertTrue(snap.done() && snap.complete());
        assertArrayEquals(new long[] {12}, snap.markers().get("oops"));
        assertEquals(12, snap.scanned());
        assertEquals(0, live.steps(), "the session itself did not move");
    }

    @Test
    void aMarkerSeenAMillionTimesKeepsAtMost1024PositionsAndEveryStretchKeepsOne() {
        MarkerLine line = new MarkerLine(1024);
        LongStream.range(0, 1_000_000).forEach(k -> line.add(3 * k + 1));
        long[] kept = line.positions();
        assertTrue(kept.length <= 1024 && kept.length > 512, "kept " + kept.length);
        assertEquals(1, kept[0], "the first is always kept");
        long widest = 0;
        for (int i = 1; i < kept.length; i++) {
            assertTrue(kept[i] > kept[i - 1]);
            widest = Math.max(widest, kept[i] - kept[i - 1]);
        }
        assertTrue(widest <= 2 * 3_000_000L / 1024 + 3, "no stretch of the run loses its markers: widest gap " + widest);
    }

    private static RunTimeline.Snapshot scanned(String id) {
        RunTimeline timeline = new LiveSession(Presets.byId(id).orElseThrow().scenario()).timeline(10_000_000);
        while (!timeline.advance(4096)) {
            // on to the end
        }
        return timeline.snapshot();
    }

    private static long[] after(List<Transition> run, java.util.function.Predicate<Transition> marked) {
        return run.stream().filter(marked).mapToLong(t -> t.seq() + 1).toArray();
    }
}
