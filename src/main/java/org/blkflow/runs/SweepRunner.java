package org.blkflow.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.blkflow.stats.RunStats;

/**
 * Runs sweep points headless on two threads shared by every sweep, so sweeps never take more of
 * the server's cores than that however many arrive; at most {@link #MAX_SWEEPS} may be queued or
 * running at once, the rest are told to come back.
 */
public final class SweepRunner implements AutoCloseable {

    static final int THREADS = 2;
    public static final int MAX_SWEEPS = 4;

    /** A finished point: its statistics, or the failure that stopped it. */
    public record Outcome(SweepPlan.Point point, RunStats stats, RuntimeException failure) {
    }

    /** Called on the request's thread for each point, in the order the points finish. */
    public interface Finished {
        void accept(Outcome outcome) throws IOException;
    }

    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "sweep-" + threadNumber.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Semaphore sweeps = new Semaphore(MAX_SWEEPS);

    /** Throws SweepRefused (BUSY) when {@link #MAX_SWEEPS} sweeps are already queued or running. */
    public void run(SweepPlan plan, Finished finished) throws IOException {
        if (!sweeps.tryAcquire()) {
            throw SweepRefused.busy(MAX_SWEEPS);
        }
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            plan.points().forEach(p -> futures.add(done.submit(() -> measure(p))));
            for (int i = 0; i < plan.points().size(); i++) {
                finished.accept(take(done));
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
            sweeps.release();
        }
    }

    /** What POST /api/runs measures, given up when the sweep is abandoned (its future cancelled). */
    static Outcome measure(SweepPlan.Point point) {
        try {
            RunReport report = RunReport.measure(point.scenario(), () -> Thread.currentThread().isInterrupted());
            return new Outcome(point, report.stats(), null);
        } catch (RunReport.RunAbandoned e) {
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
    public void close() {
        pool.shutdownNow();
    }
}
