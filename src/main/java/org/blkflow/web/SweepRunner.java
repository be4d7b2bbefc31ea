package org.blkflow.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs sweep points headless on two threads shared by every sweep, so sweeps never take more of
 * the server's cores than that however many arrive; at most {@link #MAX_SWEEPS} may be queued or
 * running at once, the rest are told to come back (503).
 */
@Component
public class SweepRunner implements DisposableBean {

    static final int THREADS = 2;
    static final int MAX_SWEEPS = 4;
    /** How often (in transitions) a point checks whether its sweep was abandoned. */
    private static final int CANCEL_CHECK = 4096;

    /** A finished point: its statistics, or the failure that stopped it. */
    public record Outcome(SweepPlan.Point point, RunStats stats, RuntimeException failure) {
    }

    /** Called on the request's thread for each point, in the order the points finish. */
    interface Finished {
        void accept(Outcome outcome) throws IOException;
    }

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "sweep-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Semaphore sweeps = new Semaphore(MAX_SWEEPS);

    void run(List<SweepPlan.Point> points, Finished finished) throws IOException {
        if (!sweeps.tryAcquire()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "sweeps busy", MAX_SWEEPS
                    + " sweeps are already running; try again when one has finished", List.of());
        }
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            points.forEach(p -> futures.add(done.submit(() -> measure(p))));
            for (int i = 0; i < points.size(); i++) {
                finished.accept(take(done));
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
            sweeps.release();
        }
    }

    /** Mirrors what POST /api/runs measures: the whole run, then the run's lock figures. */
    public static Outcome measure(SweepPlan.Point point) {
        try {
            BlockLayerRun run = new BlockLayerRun(point.scenario(), false);
            RunStats stats = new RunStats();
            long n = 0;
            for (Transition t = run.next(); t != null; t = run.next()) {
                stats.onTransition(t);
                if (++n % CANCEL_CHECK == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("sweep abandoned");
                }
            }
            stats.recordLocks(run.lockStats());
            return new Outcome(point, stats, null);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Outcome(point, null, e);
        }
    }

    private static Outcome take(CompletionService<Outcome> done) throws IOException {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a sweep point", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep point was cancelled", e.getCause());
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
