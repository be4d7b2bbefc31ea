package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Page-driven flow control: once the page acks, play never runs more than one message ahead of it. */
class PlaybackAckTest {

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final PlaybackStepTest.Recorder out = new PlaybackStepTest.Recorder();
    private final Playback playback = new Playback(ticks, out);

    @AfterEach
    void stop() {
        ticks.shutdownNow();
    }

    @Test
    void afterAnAckPlaySendsTheNextMessageOnlyOnceThePageHasDrawnTheLast() throws Exception {
        playback.load(new LiveSession(PlaybackStepTest.TEN_THOUSAND, s -> new FakeSource(s, Long.MAX_VALUE)));
        playback.ack(0);
        out.messages.clear();
        playback.play(0);
        long sent = ((List<?>) out.next()).size();
        for (int frame = 0; frame < 3; frame++) {
            out.taken();
            // Sent and taken, but not drawn: nothing more, however long the page takes.
            assertEquals(null, transitions(150), "one message ahead at most");
            playback.ack(sent - 1);
            assertEquals(null, transitions(100), "an ack short of what was sent is not enough");
            playback.ack(sent);
            List<Transition> batch = transitions(5000);
            assertEquals(sent, batch.get(0).seq(), "the next frame follows on");
            sent += batch.size();
        }
        playback.pause();
        Object paused = out.next();
        if (paused instanceof String) paused = out.next();
        assertInstanceOf(SessionState.class, paused);
        assertEquals(sent, ((SessionState) paused).step(), "paused where the page is, plus nothing in flight");
    }

    /** The next transitions message within {@code ms}, skipping statistics; null if none came. */
    @SuppressWarnings("unchecked")
    private List<Transition> transitions(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            Object m = out.messages.poll(10, TimeUnit.MILLISECONDS);
            if (m instanceof List<?>) return (List<Transition>) m;
        }
        return null;
    }

    @Test
    void aClientThatNeverAcksKeepsTheOlderPacing() throws Exception {
        playback.load(new LiveSession(PlaybackStepTest.TEN_THOUSAND, s -> new FakeSource(s, Long.MAX_VALUE)));
        out.messages.clear();
        playback.play(0);
        int messages = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (messages < 3 && System.nanoTime() < deadline) {
            if (out.messages.poll(10, TimeUnit.MILLISECONDS) instanceof List<?>) messages++;
            out.taken();
        }
        assertTrue(messages >= 3, "messages keep coming as the client takes them, with no ack");
    }
}
