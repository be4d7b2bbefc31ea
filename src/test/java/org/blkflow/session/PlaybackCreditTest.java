package org.blkflow.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Play's credit is checked at every turn, the first one included: a play sent while a message is
 * on its way to the page (a speed change while playing, play right after a step) never puts the
 * server two messages ahead of the page's acks. And pause, step, seek and reset sent while a
 * message is in flight land where the README's flow-control paragraph says.
 */
class PlaybackCreditTest {

    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final PlaybackStepTest.Recorder out = new PlaybackStepTest.Recorder();
    private final Playback playback = new Playback(ticks, out);

    @BeforeEach
    void load() {
        playback.load(new LiveSession(PlaybackStepTest.TEN_THOUSAND, s -> new FakeSource(s, Long.MAX_VALUE)));
        playback.ack(0);
        out.messages.clear();
    }

    @AfterEach
    void stop() {
        ticks.shutdownNow();
    }

    @Test
    void playSentAgainAndAgainWhileAMessageIsInFlightSendsNothingMoreUntilTheAck() throws Exception {
        playback.play(0);
        List<Transition> first = transitions(5000);
        long end = first.get(first.size() - 1).seq() + 1;
        for (int i = 0; i < 20; i++) {
            playback.play(i % 2 == 0 ? 0 : 1e6);
            out.taken();
        }
        assertNull(transitions(300), "twenty plays, no ack: still the one message in flight");
        playback.ack(end);
        List<Transition> next = transitions(5000);
        assertEquals(end, next.get(0).seq(), "the ack is the credit for exactly one more, from where the page is");
        assertNull(transitions(200), "and only one");
    }

    /**
     * A page that acks only what it has received, at random moments, against a player sending play
     * at random moments (speeds max and 10^6/s): at no point are two messages unacked.
     */
    @Test
    void atRandomPlaysAndAcksTheServerIsNeverTwoMessagesAhead() throws Exception {
        Random random = new Random(13);
        long received = 0;
        long acked = 0;
        int messages = 0;
        int unackedMost = 0;
        playback.play(0);
        for (int round = 0; round < 3000 && received < 10_000; round++) {
            int what = random.nextInt(4);
            if (what == 0) playback.play(random.nextBoolean() ? 0 : 1e6);
            if (what == 1 && acked < received) {
                acked = received;
                playback.ack(acked);
            }
            out.taken();
            for (Object m = out.messages.poll(5, TimeUnit.MILLISECONDS); m != null; m = out.messages.poll()) {
                if (!(m instanceof List<?> batch) || batch.isEmpty()) continue;
                Transition firstOfBatch = (Transition) batch.get(0);
                assertTrue(firstOfBatch.seq() == received, "in order, none dropped");
                received = ((Transition) batch.get(batch.size() - 1)).seq() + 1;
                messages++;
                // The message just received began where the page's acks had reached, or one message on.
                unackedMost = Math.max(unackedMost, firstOfBatch.seq() > acked ? 2 : 1);
                assertEquals(acked, firstOfBatch.seq(), "a message goes out only once the page has drawn all before it");
            }
        }
        assertEquals(10_000, received, "the page got the whole run, message by message");
        // A first message carries at most 2,048 (BatchSize doubles from 1,024), so the bound was tested.
        assertTrue(messages >= 2, "in several messages: " + messages);
        assertEquals(1, unackedMost);
    }

    @Test
    void pauseWithAMessageInFlightStopsAtTheEndOfThatMessage() throws Exception {
        long end = playOneMessage();
        playback.pause();
        SessionState paused = state();
        assertEquals(SessionState.Reason.PAUSE, paused.reason());
        assertEquals(end, paused.step(), "the page draws the message in flight and stops at the server's step");
        playback.ack(end);
        assertNull(transitions(200), "paused: an ack asks for nothing more");
    }

    @Test
    void stepWithAMessageInFlightStepsOnFromTheServersStepAndPlayThenWaitsForItsAck() throws Exception {
        long end = playOneMessage();
        playback.step(3);
        List<Transition> three = transitions(2000);
        assertEquals(List.of(end, end + 1, end + 2), three.stream().map(Transition::seq).toList());
        assertEquals(end + 3, state().step());
        playback.play(0);
        playback.ack(end);
        assertNull(transitions(300), "the page has not drawn the step yet: no play message");
        playback.ack(end + 3);
        assertEquals(end + 3, transitions(5000).get(0).seq());
    }

    @Test
    void seekBackWithAMessageInFlightLandsOnItsStepAndPlayWaitsForThePageToDrawIt() throws Exception {
        long end = playOneMessage();
        long k = end / 2;
        playback.seek(k);
        SessionState sought = state();
        assertEquals(SessionState.Reason.SEEK, sought.reason());
        assertEquals(k, sought.step());
        playback.play(0);
        assertNull(transitions(300), "neither the message in flight nor the seek is drawn yet");
        playback.ack(k);
        assertEquals(k, transitions(5000).get(0).seq(), "play goes on from the step sought");
    }

    @Test
    void seekForwardWaitsForAnAckOfTheStepSoughtNotOfTheStaleMessage() throws Exception {
        long end = playOneMessage();
        long k = end + 5000;
        playback.seek(k);
        assertEquals(k, state().step());
        playback.play(0);
        playback.ack(end);
        assertNull(transitions(300), "the page drew the stale message, not yet the seek");
        playback.ack(k);
        assertEquals(k, transitions(5000).get(0).seq());
    }

    @Test
    void resetWithAMessageInFlightLandsOnZeroAndPlayWaitsForThePageToDrawIt() throws Exception {
        playOneMessage();
        playback.ack(0);
        playback.reset();
        SessionState reset = state();
        assertEquals(SessionState.Reason.RESET, reset.reason());
        assertEquals(0, reset.step());
        playback.play(0);
        assertNull(transitions(300), "an ack of 0 from before the reset is not an ack of the reset");
        playback.ack(0);
        assertEquals(0, transitions(5000).get(0).seq(), "play starts from 0 once the page has drawn it");
    }

    /** Plays until one message is out, then pauses play's turns by leaving it unacked; its end step. */
    private long playOneMessage() throws Exception {
        playback.play(0);
        List<Transition> first = transitions(5000);
        return first.get(first.size() - 1).seq() + 1;
    }

    private SessionState state() throws InterruptedException {
        for (Object m = out.next(); ; m = out.next()) {
            if (m instanceof SessionState s) return s;
        }
    }

    /** The next transitions message within {@code ms}, skipping the rest; null if none came. */
    @SuppressWarnings("unchecked")
    private List<Transition> transitions(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            Object m = out.messages.poll(10, TimeUnit.MILLISECONDS);
            if (m instanceof List<?>) return (List<Transition>) m;
        }
        return null;
    }
}
