package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The gate in front of replays from step 0: a few at once, the rest served in turn, a bounded queue. */
class ReplayGateTest {

    @Test
    void requestsBeyondTheConcurrentOnesWaitTheirTurnAndAreAllAnswered() throws Exception {
        ReplayGate gate = new ReplayGate("quizzes", 2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int id = i;
                answers.add(pool.submit(() -> gate.run(() -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(20);
                    inside.decrementAndGet();
                    return id;
                })));
            }
            for (int i = 0; i < 12; i++) {
                assertEquals(i, answers.get(i).get(30, TimeUnit.SECONDS));
            }
            assertEquals(2, mostInside.get(), "never more than the concurrent replays at once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTheQueueIsFullARequestIsToldToComeBackWith429AndRetryAfter() throws Exception {
        ReplayGate gate = new ReplayGate("quizzes", 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        int waiters = ReplayGate.MAX_WAITING;
        ExecutorService pool = Executors.newFixedThreadPool(waiters + 1);
        try {
            pool.submit(() -> gate.run(() -> { holding.countDown(); await(release); return 0; }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            List<Future<Integer>> queued = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                queued.add(pool.submit(() -> gate.run(() -> 1)));
            }
            waitUntil(() -> gateQueueFull(gate));
            ApiException e = assertThrows(ApiException.class, () -> gate.run(() -> 2));
            assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.status());
            assertEquals(ReplayGate.RETRY_AFTER_S, e.retryAfterS());
            assertTrue(e.getMessage().contains("quizzes"), e.getMessage());
            release.countDown();
            for (Future<Integer> f : queued) {
                assertEquals(1, f.get(30, TimeUnit.SECONDS), "every request that queued is answered");
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** The queue is full when one more request is refused at once; probe without joining it. */
    private static boolean gateQueueFull(ReplayGate gate) {
        return gate.waiting() >= ReplayGate.MAX_WAITING;
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 1000 && !done.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(done.getAsBoolean(), "the waiters did not queue");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
