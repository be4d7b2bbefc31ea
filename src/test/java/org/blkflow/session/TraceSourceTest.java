package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.blkflow.stats.Counts;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.TestData;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class TraceSourceTest {

    static final SessionModel MODEL = new SessionModel();

    static List<Transition> straightRun(LiveSession live) {
        List<Transition> all = new ArrayList<>();
        while (!live.finished()) {
            all.addAll(live.step(4096).transitions());
        }
        return all;
    }

    static Stream<DynamicTest> perTrace(TraceTest test) {
        return TestData.realBlkparseFiles().stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), () -> test.run(file, TestData.read(file))));
    }

    interface TraceTest {
        void run(Path file, ImportedTrace trace) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> everyRealTraceReplaysToTheEndDeliveringEveryReplayableEvent() {
        assertFalse(TestData.realBlkparseFiles().isEmpty(), "the real blkparse files are on the test classpath");
        return perTrace((file, trace) -> {
            LiveSession live = MODEL.replay("t", trace, null);
            List<Transition> all = straightRun(live);
            assertTrue(live.finished());
            assertNull(live.oops());
            long traced = all.stream().filter(t -> t.action() != null).count();
            assertEquals(trace.parsed() - live.trace().skipped(), traced,
                    "every event not skipped is delivered as one transition carrying its letter");
            assertTrue(traced > trace.parsed() / 2, "most of a real trace replays: " + traced + " of " + trace.parsed());
            for (int i = 0; i < all.size(); i++) {
                Transition t = all.get(i);
                assertEquals(i, t.seq());
                assertTrue(t.action() != null || Set.of(TransitionKind.BIO_END, TransitionKind.FREE).contains(t.kind()),
                        "only bio ends and frees are added: " + t);
            }
            long completes = all.stream().filter(t -> t.kind() == TransitionKind.COMPLETE).count();
            assertEquals(completes, all.stream().filter(t -> t.kind() == TransitionKind.FREE).count(),
                    "every completed request is freed right after");
            assertTrue(completes > 0, "each real trace completes requests");
            assertTrue(live.stats().counts().requests() > 0, "D events count as issued requests");
            assertTrue(live.stats().q2c().samples() > 0, "the added bio ends pair Q with C, as btt does");
        });
    }

    @TestFactory
    Stream<DynamicTest> afterSeekToKStepDeliversTransitionKOfAStraightRun() {
        return perTrace((file, trace) -> {
            List<Transition> straight = straightRun(MODEL.replay("t", trace, null));
            LiveSession live = MODEL.replay("t", trace, null);
            live.step(straight.size() / 2);
            int size = straight.size();
            for (long k : new long[] {size - 1, 0, size / 3, size / 3 + 1, 7 % size, size / 2 + 5}) {
                live.seek(k);
                assertEquals(k, live.steps());
                assertEquals(List.of(straight.get((int) k)), live.step(1).transitions(), "seek " + k);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> snapshotsAndStatsAfterASeekAreThoseOfAStraightRunToTheSameStep() {
        return perTrace((file, trace) -> {
            LiveSession seeking = MODEL.replay("t", trace, null);
            seeking.seek(Long.MAX_VALUE);
            long end = seeking.steps();
            for (long k : new long[] {end / 4, end / 2, end - 1, end}) {
                LiveSession straight = MODEL.replay("t", trace, null);
                straight.step((int) k);
                seeking.seek(k);
                assertEquals(straight.snapshot(), seeking.snapshot(), "snapshot at " + k);
                Counts a = straight.stats().counts();
                Counts b = seeking.stats().counts();
                assertEquals(List.of(a.transitions(), a.bios(), a.requests(), a.completed(), a.plugs(), a.requeues()),
                        List.of(b.transitions(), b.bios(), b.requests(), b.completed(), b.plugs(), b.requeues()));
                assertEquals(straight.stats().q2c(), seeking.stats().q2c());
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aSnapshotNeverHoldsAnEndedBioOrAFreedRequest() {
        return perTrace((file, trace) -> {
            LiveSession live = MODEL.replay("t", trace, null);
            while (!live.finished()) {
                live.step(97);
                for (Snapshot.Item i : live.snapshot().items()) {
                    assertFalse(i.place().kind() == PlaceKind.NONE, "at step " + live.steps() + ": " + i);
                    assertFalse(i.type().equals("bio") && i.place().kind() == PlaceKind.DONE, i.toString());
                }
            }
        });
    }
}
