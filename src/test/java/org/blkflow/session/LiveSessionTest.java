package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.stats.Counts;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LiveSessionTest {

    static final Function<Scenario, TransitionSource> RUN = ModelSource::new;

    static LiveSession session(long seed) {
        return new LiveSession(Scenarios.seeded(seed), RUN);
    }

    static List<Transition> straightRun(long seed) {
        TransitionSource run = RUN.apply(Scenarios.seeded(seed));
        List<Transition> all = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) {
            all.add(t);
        }
        return all;
    }

    @TestFactory
    Stream<DynamicTest> afterSeekToKStepDeliversTransitionKOfAStraightRun() {
        return LongStream.rangeClosed(1, 40).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            List<Transition> straight = straightRun(seed);
            assertFalse(straight.isEmpty());
            LiveSession live = session(seed);
            live.step(straight.size() / 2);
            int size = straight.size();
            long[] targets = {size - 1, 0, size / 3, size / 3 + 1, 7 % size};
            for (long k : targets) {
                live.seek(k);
                assertEquals(k, live.steps());
                assertEquals(List.of(straight.get((int) k)), live.step(1).transitions(), "seek " + k);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> statsAfterAnySeekEqualThoseOfAStraightRunToTheSameStep() {
        return LongStream.rangeClosed(1, 20).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            List<Transition> straight = straightRun(seed);
            int size = straight.size();
            LiveSession live = session(seed);
            live.step(size * 2 / 3);
            // backwards (a fresh replay), forwards (the same run), past the end, then by stepping
            for (long k : new long[] {size / 3, size / 2, size + 10, 1, 0}) {
                live.seek(k);
                assertEquals(summary(straightStats(straight, live.steps())), summary(live.stats()), "seek " + k);
            }
            live.step(size / 4);
            assertEquals(summary(straightStats(straight, size / 4)), summary(live.stats()), "after step");
            assertTrue(live.stats().counts().completed() > 0 || size / 4 < 10);
        }));
    }

    private static RunStats straightStats(List<Transition> straight, long upTo) {
        RunStats stats = new RunStats();
        straight.subList(0, (int) upTo).forEach(stats::onTransition);
        return stats;
    }

    private static List<Object> summary(RunStats s) {
        Counts c = s.counts();
        return List.of(c.transitions(), c.bios(), c.requests(), c.completed(), c.backMerges(), c.frontMerges(),
                c.plugs(), c.unplugs(), c.requeues(), c.tagWaits(), s.simTimeNs(), s.q2c(), s.q2d(), s.d2c(),
                s.remembered());
    }

    @Test
    void statsCarryTheLockFiguresSoFar() {
        Scenario sq = new Scenario("locks", 3, Mode.SQ, 4, 1, 64, 0, null, true,
                new org.blkflow.scenario.Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                List.of(new org.blkflow.scenario.Job("fio", null, Rw.RANDREAD, 50, 4096, 8, IoEngine.LIBAIO, false, false, 50,
                        0, 1L << 30)), Scheduler.NOOP, 128, org.blkflow.scenario.Costs.DEFAULT, 1, Kernel.V3_16, null);
        LiveSession live = new LiveSession(sq);
        assertTrue(live.stats().locks().stream().allMatch(l -> l.acquisitions() == 0), "nothing taken yet");
        live.step(2_000);
        var queueLock = live.stats().locks().stream().filter(l -> l.name().equals("queue_lock")).findFirst().orElseThrow();
        assertTrue(queueLock.acquisitions() > 0, queueLock.toString());
    }

    @Test
    void stepDeliversInOrderFromSeqZero() {
        List<Transition> straight = straightRun(3);
        LiveSession live = session(3);
        assertEquals(straight.subList(0, 5), live.step(5).transitions());
        assertEquals(straight.subList(5, 9), live.step(4).transitions());
        assertEquals(9, live.steps());
    }

    @Test
    void aBreakpointOnAKindStopsRightAfterTheFirstMatch() {
        List<Transition> straight = straightRun(29);
        int first = indexOf(straight, t -> t.kind().label().equals("issue"));
        LiveSession live = session(29);
        live.breakpoints(new Breakpoints(Set.of("issue"), Set.of(), -1));
        Delivery d = live.step(straight.size());
        assertEquals(Delivery.Stop.BREAKPOINT, d.stop());
        assertEquals(straight.subList(0, first + 1), d.transitions());
        int second = first + 1
                + indexOf(straight.subList(first + 1, straight.size()), t -> t.kind().label().equals("issue"));
        assertEquals(straight.subList(first + 1, second + 1), live.step(straight.size()).transitions());
    }

    @Test
    void breakpointsOnActionsAndRequestsAndClearing() {
        List<Transition> straight = straightRun(6);
        LiveSession live = session(6);
        live.breakpoints(new Breakpoints(Set.of(), Set.of("C"), -1));
        assertEquals(straight.get(indexOf(straight, t -> "C".equals(t.action()))), last(live.step(100_000)));
        live.reset();
        long req = straight.get(10 + indexOf(straight.subList(10, straight.size()), t -> t.req() >= 0)).req();
        live.breakpoints(new Breakpoints(Set.of(), Set.of(), req));
        assertEquals(straight.get(indexOf(straight, t -> t.req() == req)), last(live.step(100_000)));
        live.breakpoints(Breakpoints.NONE);
        assertEquals(Delivery.Stop.FINISHED, live.step(100_000).stop());
    }

    @Test
    void aFinishedRunDeliversNothingMore() {
        List<Transition> straight = straightRun(8);
        LiveSession live = session(8);
        // the model knows it is finished only when asked for one more transition than it has
        Delivery all = live.step(straight.size() + 1);
        assertEquals(straight, all.transitions());
        assertEquals(Delivery.Stop.FINISHED, all.stop());
        assertTrue(live.finished());
        Delivery more = live.step(10);
        assertTrue(more.transitions().isEmpty());
        assertEquals(Delivery.Stop.FINISHED, more.stop());
        live.seek(straight.size() + 1000L);
        assertEquals(straight.size(), live.steps());
        live.seek(0);
        assertFalse(live.finished());
    }

    @Test
    void anInvariantViolationStopsTheRunButSeekAndResetStillWork() {
        Scenario s = Scenarios.seeded(9);
        LiveSession live = new LiveSession(s, sc -> new FakeSource(sc, 12));
        Delivery d = live.step(50);
        assertEquals(Delivery.Stop.OOPS, d.stop());
        assertEquals(12, d.transitions().size());
        assertNotNull(live.oops());
        assertTrue(live.step(1).transitions().isEmpty());
        live.seek(5);
        assertNull(live.oops());
        assertEquals(5, live.step(1).transitions().get(0).seq());
    }

    private static int indexOf(List<Transition> ts, java.util.function.Predicate<Transition> p) {
        for (int i = 0; i < ts.size(); i++) {
            if (p.test(ts.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such transition in the run");
    }

    private static Transition last(Delivery d) {
        return d.transitions().get(d.transitions().size() - 1);
    }
}
