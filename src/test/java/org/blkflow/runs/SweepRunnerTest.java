package org.blkflow.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Sweeps run on the shared threads: every point measured as a run is, and no more sweeps than the bound at once. */
class SweepRunnerTest {

    private static final List<Scenario> PRESETS = Presets.all().stream().map(Preset::scenario).toList();

    @Test
    void everyPointIsMeasuredAsOneRunIsAndReportedOnce() throws Exception {
        List<Scenario> scenarios = PRESETS.subList(0, 3);
        List<SweepRunner.Outcome> seen = Collections.synchronizedList(new ArrayList<>());
        try (SweepRunner runner = new SweepRunner()) {
            runner.run(SweepPlan.of(scenarios), seen::add);
        }
        assertEquals(3, seen.size());
        for (SweepRunner.Outcome o : seen) {
            assertEquals(null, o.failure());
            assertEquals(3, o.point().of());
            RunReport alone = RunReport.measure(scenarios.get(o.point().index()));
            String point = "point " + o.point().index();
            assertEquals(alone.stats().counts().transitions(), o.stats().counts().transitions(), point);
            assertEquals(alone.stats().counts().completed(), o.stats().counts().completed(), point);
            assertEquals(alone.stats().simTimeNs(), o.stats().simTimeNs(), point);
            assertEquals(alone.stats().locks().size(), o.stats().locks().size(), point + ": lock figures recorded");
        }
        assertEquals(List.of(0, 1, 2), seen.stream().map(o -> o.point().index()).sorted().toList());
    }

    @Test
    void aSweepBeyondTheBoundIsToldToComeBackAndTheNextOneRuns() throws Exception {
        SweepPlan one = SweepPlan.of(PRESETS.subList(0, 1));
        CountDownLatch holding = new CountDownLatch(SweepRunner.MAX_SWEEPS);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(SweepRunner.MAX_SWEEPS);
        try (SweepRunner runner = new SweepRunner()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < SweepRunner.MAX_SWEEPS; i++) {
                running.add(clients.submit(() -> {
                    runner.run(one, o -> {
                        holding.countDown();
                        awaitQuietly(release);
                    });
                    return null;
                }));
            }
            assertTrue(holding.await(30, TimeUnit.SECONDS), "the first sweeps reached their points");
            SweepRefused busy = assertThrows(SweepRefused.class, () -> runner.run(one, o -> { }));
            assertEquals(SweepRefused.Reason.BUSY, busy.reason());
            release.countDown();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
            List<SweepRunner.Outcome> after = new ArrayList<>();
            runner.run(one, after::add);
            assertEquals(1, after.size(), "a sweep finished frees its place");
        } finally {
            clients.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void tooManyPointsOrBiosAreRefusedAsTooLarge() {
        SweepPlan.checkPoints(SweepPlan.MAX_POINTS);
        SweepRefused points = assertThrows(SweepRefused.class, () -> SweepPlan.checkPoints(SweepPlan.MAX_POINTS + 1));
        assertEquals(SweepRefused.Reason.TOO_LARGE, points.reason());
        assertEquals("vary", points.problems().get(0).field());
    }

    @Test
    void pointIndexCountsLikeANumberWhoseLastDigitIsTheLastList() {
        int[] sizes = {3, 2};
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int[] c = SweepPlan.choices(i, sizes);
            order.add(c[0] + "/" + c[1]);
        }
        assertEquals(List.of("0/0", "0/1", "1/0", "1/1", "2/0", "2/1"), order);
        assertArrayEquals(new int[] {1, 0, 2}, SweepPlan.choices(1 * 6 + 0 * 3 + 2, new int[] {2, 2, 3}));
    }
}
