package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    /** A socket whose sends complete only when the test says so. */
    static final class HeldWire implements SessionOutbox.Wire {
        final List<String> sent = new ArrayList<>();
        final ArrayDeque<Consumer<Throwable>> pending = new ArrayDeque<>();

        @Override
        public void send(String text, Consumer<Throwable> done) {
            sent.add(text);
            pending.add(done);
        }

        void complete() {
            pending.poll().accept(null);
        }
    }

    final List<String> drops = new ArrayList<>();

    @Test
    void oneMessageInFlightTheRestLeaveInOrderAsEachCompletes() {
        HeldWire wire = new HeldWire();
        SessionOutbox box = new SessionOutbox(wire, drops::add);
        box.send("a");
        box.send("b");
        box.send("c");
        assertEquals(List.of("a"), wire.sent);
        assertEquals(2, box.queuedChars());
        wire.complete();
        assertEquals(List.of("a", "b"), wire.sent);
        wire.complete();
        wire.complete();
        assertEquals(List.of("a", "b", "c"), wire.sent);
        assertTrue(drops.isEmpty());
    }

    @Test
    void sendsThatCompleteOnTheCallingThreadLoopInsteadOfRecursing() {
        List<String> sent = new ArrayList<>();
        SessionOutbox[] box = new SessionOutbox[1];
        box[0] = new SessionOutbox((text, done) -> {
            sent.add(text);
            if (sent.size() == 1) {
                for (int i = 0; i < 100_000; i++) {
                    box[0].send("m" + i);      // queued behind the one in flight
                }
            }
            done.accept(null);
        }, drops::add);
        box[0].send("first");
        assertEquals(100_001, sent.size());
        assertEquals("m99999", sent.get(sent.size() - 1));
    }

    @Test
    void whenSentRunsAtOnceWhenIdleElseWhenTheLastMessageHasGone() {
        HeldWire wire = new HeldWire();
        SessionOutbox box = new SessionOutbox(wire, drops::add);
        List<String> ran = new ArrayList<>();
        box.whenSent(() -> ran.add("idle"));
        assertEquals(List.of("idle"), ran);
        box.send("a");
        box.send("b");
        box.whenSent(() -> ran.add("drained"));
        wire.complete();
        assertEquals(List.of("idle"), ran, "b is still to go");
        wire.complete();
        assertEquals(List.of("idle", "drained"), ran);
    }

    @Test
    void aBacklogOverTheLimitDropsTheClientOnceAndForgetsEverything() {
        HeldWire wire = new HeldWire();
        SessionOutbox box = new SessionOutbox(wire, drops::add);
        String mib = "x".repeat(1024 * 1024);
        box.send("in flight");
        for (int i = 0; i < 4; i++) {
            box.send(mib);
        }
        assertTrue(drops.isEmpty(), "4 MiB may wait");
        box.send("x");
        assertTrue(drops.isEmpty(), "and one more message behind them");
        box.send("y");
        assertEquals(1, drops.size(), "but nothing behind more than 4 MiB");
        assertTrue(drops.get(0).contains("too slow"));
        List<String> ran = new ArrayList<>();
        box.whenSent(() -> ran.add("never"));
        box.send("more");
        wire.complete();
        assertEquals(List.of("in flight"), wire.sent);
        assertEquals(0, box.queuedChars());
        assertEquals(1, drops.size());
        assertTrue(ran.isEmpty());
    }

    @Test
    void aMessageInFlightPastTheTimeLimitDropsTheClient() {
        HeldWire wire = new HeldWire();
        SessionOutbox box = new SessionOutbox(wire, drops::add);
        box.send("stuck");
        box.checkSendTime(System.nanoTime());
        assertTrue(drops.isEmpty());
        box.checkSendTime(System.nanoTime() + (SessionLimits.SEND_TIME_LIMIT_MS + 1) * 1_000_000L);
        assertEquals(1, drops.size());
        box.checkSendTime(System.nanoTime() + 3600_000_000_000L);
        assertEquals(1, drops.size());
    }

    @Test
    void aFailedSendDropsTheClient() {
        SessionOutbox box = new SessionOutbox((text, done) -> done.accept(new IOException("reset")), drops::add);
        box.send("a");
        box.send("b");
        assertEquals(1, drops.size());
        assertTrue(drops.get(0).contains("reset"));
        assertFalse(drops.get(0).isEmpty());
    }
}
