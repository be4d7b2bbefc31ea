package org.blkflow.session;

import org.blkflow.trace.TraceReplay;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.SnapshotTracker;
import org.blkflow.transition.Transition;

/**
 * A replayed trace behind a session. A backward seek starts a fresh source, which replays the
 * trace's events again from the first with a fresh {@link SnapshotTracker} (the model's own, which
 * takes a trace begun mid-flight): like the model, a replay is
 * fast and holds only what is outstanding. Never throws: a trace is the kernel's record, so there is
 * no invariant of ours to break.
 */
final class TraceSource implements TransitionSource {

    private final TraceReplay replay;
    private final int[] cpuToHctx;
    private final SnapshotTracker places;
    private Transition ahead;
    private long steps;
    private long now;

    TraceSource(TraceReplay replay, int[] cpuToHctx, LoadedTrace trace) {
        this.replay = replay;
        this.cpuToHctx = cpuToHctx;
        this.places = new SnapshotTracker(trace.hwQueues(), trace.queueDepth());
        this.ahead = replay.next();
    }

    /** Reads one transition ahead, so that {@link #finished()} is known right after the last one. */
    @Override
    public Transition next() {
        Transition t = ahead;
        if (t == null) {
            return null;
        }
        ahead = replay.next();
        places.apply(t);
        steps++;
        now = t.t();
        return t;
    }

    @Override public boolean finished() { return ahead == null; }
    @Override public long steps() { return steps; }
    @Override public long now() { return now; }
    @Override public int[] cpuToHctx() { return cpuToHctx.clone(); }
    @Override public Snapshot snapshot() { return places.snapshot(steps, now); }
}
