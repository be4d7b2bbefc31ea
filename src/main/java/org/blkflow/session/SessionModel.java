package org.blkflow.session;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.blkflow.scenario.Scenario;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.TraceReplay;

/**
 * What the web layer opens a {@link LiveSession} on: the real model, or an imported trace's replay. It is a Spring bean only so that
 * a test can swap in a source that breaks an invariant on purpose (a valid scenario never makes the
 * real model OOPS); the other source is package-private, so nothing but a test in this package can
 * build one, and no client command can reach it.
 */
public final class SessionModel {

    /** null: the real model. */
    private final Function<Scenario, TransitionSource> start;

    public SessionModel() {
        this.start = null;
    }

    SessionModel(Function<Scenario, TransitionSource> start) {
        this.start = start;
    }

    /** The scenario must already be normalized and validated. */
    public LiveSession open(Scenario scenario) {
        return start == null ? new LiveSession(scenario) : new LiveSession(scenario, start);
    }

    /**
     * A session replaying an imported trace. The caller has checked that the trace's CPUs and the map
     * fit the session's limits.
     *
     * @param cpuToHctx the hctx of each CPU, at least as long as the trace's highest CPU; null puts
     *                  every CPU on hctx 0 (a trace does not say how the machine mapped them)
     */
    public LiveSession replay(String id, ImportedTrace trace, int[] cpuToHctx) {
        List<Integer> cpus = trace.cpus();
        int traced = cpus.isEmpty() ? 1 : cpus.get(cpus.size() - 1) + 1;
        int[] map = cpuToHctx != null ? Arrays.copyOf(cpuToHctx, Math.max(traced, cpuToHctx.length)) : new int[traced];
        TraceReplay measure = new TraceReplay(trace.events(), trace.devices(), map);
        while (measure.next() != null) {
            // one pass at load finds what loaded reports: the events skipped and the deepest queue
        }
        int hwQueues = 1;
        for (int h : map) {
            hwQueues = Math.max(hwQueues, h + 1);
        }
        LoadedTrace loaded = new LoadedTrace(id, trace.lines(), cpus, trace.devices(), measure.skipped(),
                Math.max(traced, map.length), hwQueues, measure.queueDepth());
        return LiveSession.replay(loaded, () -> new TraceReplay(trace.events(), trace.devices(), map), map);
    }
}
