package org.blkflow.session;

import java.util.List;
import org.blkflow.model.Snapshot;
import org.blkflow.transition.Transition;

/**
 * A replayed trace behind a session: its transitions were worked out once at load, so a fresh source
 * (a backward seek) only starts reading them again with a fresh {@link PlaceTracker}. Never throws:
 * a trace is the kernel's record, so there is no invariant of ours to break.
 */
final class TraceSource implements TransitionSource {

    private final List<Transition> transitions;
    private final int[] cpuToHctx;
    private final PlaceTracker places;
    private int next;
    private long now;

    TraceSource(List<Transition> transitions, int[] cpuToHctx, LoadedTrace trace) {
        this.transitions = transitions;
        this.cpuToHctx = cpuToHctx;
        this.places = new PlaceTracker(trace.hwQueues(), trace.queueDepth());
    }

    @Override
    public Transition next() {
        if (finished()) {
            return null;
        }
        Transition t = transitions.get(next++);
        places.apply(t);
        now = t.t();
        return t;
    }

    @Override public boolean finished() { return next == transitions.size(); }
    @Override public long steps() { return next; }
    @Override public long now() { return now; }
    @Override public int[] cpuToHctx() { return cpuToHctx.clone(); }
    @Override public Snapshot snapshot() { return places.snapshot(next, now); }
}
