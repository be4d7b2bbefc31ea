package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Clients that stop reading while playing at speed 0 must not slow anyone else, and must be dropped
 * within the send time limit. More of them than there are play threads (one per core), so if a send
 * ever waited on a shared thread the healthy client's play would stall.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionBackpressureIT {

    /** About four million transitions: far more than any socket buffer holds. */
    static final String BIG = "{\"cmd\":\"load\",\"scenario\":{\"name\":\"big\",\"cpus\":4,\"hwQueues\":2,"
            + "\"jobs\":[{\"rw\":\"randread\",\"iodepth\":8,\"ioengine\":\"libaio\",\"ios\":100000}]}}";
    static final int SLOW_CLIENTS = Runtime.getRuntime().availableProcessors() + 1;

    @LocalServerPort
    int port;

    @Autowired
    SessionSocketHandler handler;

    @Test
    void clientsThatStopReadingStallNoOneAndAreDroppedWithinTheSendTimeLimit() throws Exception {
        int before = handler.openSessions();
        List<RawSocketClient> slow = new ArrayList<>();
        try (SessionClient fast = new SessionClient(port)) {
            fast.next("hello");
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                RawSocketClient c = new RawSocketClient(port);
                c.send(BIG);
                c.send("{\"cmd\":\"play\",\"speed\":0}");
                slow.add(c);
            }
            long stalledFrom = System.nanoTime();
            fast.send(BIG);
            fast.next("state");
            fast.send("{\"cmd\":\"play\",\"speed\":2000}");
            assertPlayKeepsFlowing(fast, TimeUnit.SECONDS.toNanos(6));
            fast.send("{\"cmd\":\"pause\"}");
            fast.next("state");
            assertStepsAnswerPromptly(fast, 10);
            long freed = awaitOpenSessions(before + 1, TimeUnit.SECONDS.toNanos(30));
            double seconds = (freed - stalledFrom) / 1e9;
            System.out.printf("slow sessions freed %.1f s after they started playing%n", seconds);
            assertTrue(seconds < SessionLimits.SEND_TIME_LIMIT_MS / 1000.0 + 8,
                    "the slow sessions were freed " + seconds + " s after they stopped reading");
            assertStepsAnswerPromptly(fast, 3);
        } finally {
            for (RawSocketClient c : slow) {
                c.close();
            }
        }
    }

    /** Transitions keep arriving, never more than half a second apart. */
    private static void assertPlayKeepsFlowing(SessionClient c, long forNs) throws InterruptedException {
        long end = System.nanoTime() + forNs;
        long transitions = 0;
        while (System.nanoTime() < end) {
            // A shared thread blocked on a slow client stalls others for the 10 s send limit; 3 s of
            // silence already means that, while leaving room for a busy machine's pauses.
            JsonNode m = c.received.poll(3, TimeUnit.SECONDS);
            assertNotNull(m, "play stalled for 3 s after " + transitions + " transitions");
            if (m.get("type").stringValue().equals("transitions")) {
                transitions += m.get("items").size();
            }
        }
        assertTrue(transitions > 2000 * forNs / 1e9 / 4, "only " + transitions + " transitions at 2000/s");
    }

    private static void assertStepsAnswerPromptly(SessionClient c, int steps) throws Exception {
        for (int i = 0; i < steps; i++) {
            long sent = System.nanoTime();
            c.send("{\"cmd\":\"step\",\"n\":10}");
            JsonNode state = c.next("state");
            assertEquals("step", state.get("reason").stringValue());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertTrue(ms < 5000, "a step took " + ms + " ms (a blocked thread would take the 10 s send limit)");
        }
    }

    private long awaitOpenSessions(int n, long withinNs) throws InterruptedException {
        long deadline = System.nanoTime() + withinNs;
        while (handler.openSessions() > n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(n, handler.openSessions(), "the slow sessions are still open");
        return System.nanoTime();
    }
}
