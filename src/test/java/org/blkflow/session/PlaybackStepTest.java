package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, defects 8 and 13: a large step went out all at once (24 MB against a 4 MiB limit)
 * and its whole list of transitions sat in memory. Now each piece is made only after the client has
 * taken the one before.
 */
class PlaybackStepTest {

    /** One job of 10,000 ios on one CPU: FakeSource gives exactly 10,000 transitions. */
    static final Scenario TEN_THOUSAND = new Scenario("ten-thousand", 7, Mode.MQ, 1, 1, 8, 0, null, true,
            new Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
            List.of(new Job("j", null, Rw.READ, 50, 4096, 1, IoEngine.SYNC, false, false, 10_000, 0, 1L << 30)), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final Recorder out = new Recorder();
    private final Playback playback = new Playback(ticks, out);

    @AfterEach
    void stop() {
        ticks.shutdownNow();
    }

    @Test
    void aBigStepGoesInPiecesEachMadeOnlyOnceTheLastWasTaken() throws Exception {
        playback.load(new LiveSession(TEN_THOUSAND, s -> new FakeSource(s, Long.MAX_VALUE)));
        out.messages.clear();
        playback.step(10_000);
        List<Transition> got = new ArrayList<>();
        int pieces = 0;
        for (Object m = out.next(); !(m instanceof SessionState); m = out.next()) {
            @SuppressWarnings("unchecked") List<Transition> batch = (List<Transition>) m;
            assertTrue(batch.size() <= Playback.STEP_BATCH, batch.size() + " in one message");
            got.addAll(batch);
            pieces++;
            if (got.size() < 10_000) {
                assertEquals(null, out.messages.poll(100, TimeUnit.MILLISECONDS),
                        "nothing more until the client has taken what was sent");
                out.taken();
            }
        }
        assertEquals(5, pieces);
        for (int i = 0; i < got.size(); i++) {
            assertEquals(i, got.get(i).seq());
        }
        assertEquals("stats", out.next());
    }

    @Test
    void aCommandInBetweenEndsTheStepWhereItIs() throws Exception {
        playback.load(new LiveSession(TEN_THOUSAND, s -> new FakeSource(s, Long.MAX_VALUE)));
        out.messages.clear();
        playback.step(10_000);
        assertEquals(Playback.STEP_BATCH, ((List<?>) out.next()).size());
        playback.pause();
        SessionState paused = (SessionState) out.next();
        assertEquals(SessionState.Reason.PAUSE, paused.reason());
        assertEquals(Playback.STEP_BATCH, paused.step());
        assertEquals("stats", out.next());
        out.taken();
        assertEquals(null, out.messages.poll(200, TimeUnit.MILLISECONDS), "the rest of the step is not sent");
    }

    /** Records each message; whenSent callbacks wait until the test says the client took everything. */
    static final class Recorder implements SessionOutput {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final List<Runnable> waiting = new ArrayList<>();

        Object next() throws InterruptedException {
            Object m = messages.poll(5, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no message within 5 s");
            return m;
        }

        void taken() {
            List<Runnable> now;
            synchronized (this) {
                now = List.copyOf(waiting);
                waiting.clear();
            }
            now.forEach(Runnable::run);
        }

        @Override public synchronized void whenSent(Runnable next) { waiting.add(next); }
        @Override public void loaded(LiveSession session) { messages.add("loaded"); }
        @Override public void transitions(List<Transition> batch) { messages.add(List.copyOf(batch)); }
        @Override public void state(SessionState state) { messages.add(state); }
        @Override public void stats(LiveSession session) { messages.add("stats"); }
        @Override public void oops(LiveSession session, InvariantViolation oops) { messages.add(oops); }
        @Override public void error(String command, String message) { messages.add("error " + message); }
    }
}
