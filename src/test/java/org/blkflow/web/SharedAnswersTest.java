package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedAnswersTest {

    @Test
    void askersOfOneKeyAtOnceShareOneWorkingOut() throws Exception {
        SharedAnswers<String, Integer> answers = new SharedAnswers<>(8);
        AtomicInteger workedOut = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> asked = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                asked.add(pool.submit(() -> {
                    go.await();
                    return answers.get("link#57", () -> {
                        workedOut.incrementAndGet();
                        sleep(100);
                        return 42;
                    });
                }));
            }
            go.countDown();
            for (Future<Integer> f : asked) {
                assertEquals(42, f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, workedOut.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheLastFewAreKeptAndTheLeastRecentlyAskedGoesFirst() {
        SharedAnswers<Integer, Integer> answers = new SharedAnswers<>(2);
        AtomicInteger workedOut = new AtomicInteger();
        answers.get(1, () -> workedOut.incrementAndGet());
        answers.get(2, () -> workedOut.incrementAndGet());
        answers.get(1, () -> workedOut.incrementAndGet());
        answers.get(3, () -> workedOut.incrementAndGet());
        assertEquals(2, answers.size());
        answers.get(1, () -> workedOut.incrementAndGet());
        assertEquals(3, workedOut.get(), "1 was asked recently and kept");
        answers.get(2, () -> workedOut.incrementAndGet());
        assertEquals(4, workedOut.get(), "2 was the least recently asked and was dropped");
    }

    @Test
    void aFailureIsNotKeptTheNextAskerTriesAgain() {
        SharedAnswers<String, Integer> answers = new SharedAnswers<>(4);
        assertThrows(IllegalStateException.class, () -> answers.get("k", () -> { throw new IllegalStateException("busy"); }));
        assertEquals(7, answers.get("k", () -> 7));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
