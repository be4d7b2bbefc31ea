package org.blkflow.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.blkflow.session.LiveSession;
import org.blkflow.session.RunTimeline;

/**
 * Every session's timeline scan, on the shared background threads, one piece at a time: a piece
 * runs {@link #PIECE} transitions and then queues the scan again behind the others, so one huge
 * run never holds the threads while a small one waits. Progress is reported every
 * {@link #PROGRESS_EVERY_NS} until the whole timeline is known; nothing is reported after
 * {@link Scan#cancel()} returns.
 */
final class TimelineScans {

    static final int PIECE = 65_536;
    static final long PROGRESS_EVERY_NS = 250_000_000L;

    private final ExecutorService threads;

    TimelineScans(ExecutorService threads) {
        this.threads = threads;
    }

    /** Starts scanning the session's run up to the seek limit; {@code report} is called on a scan thread. */
    Scan start(LiveSession session, Consumer<RunTimeline.Snapshot> report) {
        Scan scan = new Scan(session.timeline(SessionLimits.MAX_SEEK), report);
        scan.next();
        return scan;
    }

    final class Scan {

        private final RunTimeline timeline;
        private final Consumer<RunTimeline.Snapshot> report;
        private long lastReport = System.nanoTime();
        private boolean cancelled;

        private Scan(RunTimeline timeline, Consumer<RunTimeline.Snapshot> report) {
            this.timeline = timeline;
            this.report = report;
        }

        /** The session loaded something else or closed: this scan's results would describe another run. */
        synchronized void cancel() {
            cancelled = true;
        }

        private void next() {
            try {
                threads.execute(this::piece);
            } catch (RejectedExecutionException e) {
                // shutting down: the page keeps the scrubber it has
            }
        }

        private void piece() {
            synchronized (this) {
                if (cancelled) return;
            }
            boolean done = timeline.advance(PIECE);
            long now = System.nanoTime();
            if (done || now - lastReport >= PROGRESS_EVERY_NS) {
                lastReport = now;
                send(timeline.snapshot());
            }
            if (!done) next();
        }

        private synchronized void send(RunTimeline.Snapshot snapshot) {
            if (!cancelled) report.accept(snapshot);
        }
    }
}
