package org.blkflow.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * Requests that replay a run from step 0 (a quiz, a lockstep) take CPU from the live sessions, so only
 * a few run at once. The rest wait their turn, in order: a class of thirty students asking the same
 * question together is thirty well-behaved clients, and each gets its answer a little later rather
 * than an error. Only a request that would wait longer than {@link #WAIT}, or that finds
 * {@link #MAX_WAITING} already waiting, is told to come back (429 with Retry-After).
 */
final class ReplayGate {

    /** How long a request waits for its turn before it is told to come back. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** Requests waiting at once; each holds a server thread, so the queue is bounded too. */
    static final int MAX_WAITING = 64;
    /** Seconds a refused client is asked to wait before it asks again. */
    static final int RETRY_AFTER_S = 1;

    private final String what;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    ReplayGate(String what, int concurrent) {
        this.what = what;
        this.running = new Semaphore(concurrent, true);
    }

    <T> T run(Supplier<T> replay) {
        if (!enter()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "busy", "too many " + what
                    + " are being worked out; try again in " + RETRY_AFTER_S + " s", List.of(), RETRY_AFTER_S);
        }
        try {
            return replay.get();
        } finally {
            running.release();
        }
    }

    /** Requests waiting for their turn now (for the tests of the bounded queue). */
    int waiting() {
        return waiting.get();
    }

    private boolean enter() {
        if (running.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
