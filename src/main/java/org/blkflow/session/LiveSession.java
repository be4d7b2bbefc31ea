package org.blkflow.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.trace.TraceReplay;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.LockHolders;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;

/**
 * One loaded scenario and the run over it, or one imported trace and its replay, stepped, replayed
 * and stopped at breakpoints. Not thread
 * safe: {@link Playback} serialises every call. Seeking backwards replays a fresh run from step 0;
 * the model is fast enough that no checkpoint of its internals is needed (see SeekBenchmark).
 * Every transition the run produces, delivered or skipped over by a seek, feeds the statistics, and
 * a fresh run starts fresh statistics: they are always those of a straight run to the current step.
 */
public final class LiveSession {

    private final Scenario scenario;
    private final LoadedTrace trace;
    private final Supplier<TransitionSource> start;
    /** The same run again with nothing drawn from it: what a timeline scan reads. */
    private final Supplier<TransitionSource> headless;
    private TransitionSource run;
    private RunStats stats = new RunStats();
    /** Who holds and who spins on each lock at the current step, as the stream shows it. */
    private LockHolders locks;
    private Breakpoints breakpoints = Breakpoints.NONE;
    private InvariantViolation oops;
    private boolean timelineWanted;

    /** The scenario must already be normalized and validated. */
    public LiveSession(Scenario scenario) {
        this(scenario, null, () -> new ModelSource(scenario), () -> new ModelSource(scenario, false));
    }

    LiveSession(Scenario scenario, Function<Scenario, TransitionSource> start) {
        this(scenario, null, () -> start.apply(scenario), () -> start.apply(scenario));
    }

    private LiveSession(Scenario scenario, LoadedTrace trace, Supplier<TransitionSource> start,
                        Supplier<TransitionSource> headless) {
        this.scenario = scenario;
        this.trace = trace;
        this.start = start;
        this.headless = headless;
        this.run = start.get();
        this.locks = new LockHolders(lockNames());
    }

    /** A session over a trace's replay (see TraceReplay); each fresh run starts a fresh replay. */
    static LiveSession replay(LoadedTrace trace, Supplier<TraceReplay> replays, int[] cpuToHctx) {
        int[] map = cpuToHctx.clone();
        Supplier<TransitionSource> replay = () -> new TraceSource(replays.get(), map, trace);
        return new LiveSession(null, trace, replay, replay);
    }

    /** The client asked, with its load, for the run's timeline: its output starts the scan. */
    public LiveSession wantTimeline(boolean wanted) {
        timelineWanted = wanted;
        return this;
    }

    public boolean timelineWanted() {
        return timelineWanted;
    }

    /**
     * A scan of this session's whole run, from a fresh copy of it, for the timeline; the session itself
     * is untouched, so the scan may run on another thread. Stops at {@code limit} steps.
     */
    public RunTimeline timeline(long limit) {
        return new RunTimeline(headless.get(), limit);
    }

    /** Delivers up to {@code n} transitions, stopping after one that hits a breakpoint. */
    public Delivery step(int n) {
        if (oops != null) {
            return new Delivery(List.of(), Delivery.Stop.OOPS, oops);
        }
        List<Transition> out = new ArrayList<>(Math.min(n, 1024));
        while (out.size() < n) {
            Transition t = nextOrOops();
            if (oops != null) {
                return new Delivery(out, Delivery.Stop.OOPS, oops);
            }
            if (t == null) {
                return new Delivery(out, Delivery.Stop.FINISHED, null);
            }
            out.add(t);
            if (breakpoints.hits(t)) {
                return new Delivery(out, Delivery.Stop.BREAKPOINT, null);
            }
        }
        return new Delivery(out, run.finished() ? Delivery.Stop.FINISHED : Delivery.Stop.NONE, null);
    }

    /**
     * Moves to just after transition {@code k - 1}, so the next step delivers transition k. Forward
     * seeks advance the current run; backward ones, and any seek after an OOPS, replay a fresh one.
     * Breakpoints are not checked on the way. Stops early at the end of the run or at an OOPS.
     */
    public void seek(long k) {
        if (oops != null || k < run.steps()) {
            run = start.get();
            stats = new RunStats();
            locks = new LockHolders(lockNames());
            oops = null;
        }
        while (run.steps() < k && nextOrOops() != null) {
            // advancing is the whole job
        }
    }

    public void reset() {
        seek(0);
    }

    private Transition nextOrOops() {
        try {
            Transition t = run.next();
            if (t != null) {
                stats.onTransition(t);
                locks.apply(t);
            }
            return t;
        } catch (InvariantViolation v) {
            oops = v;
            return null;
        }
    }

    public void breakpoints(Breakpoints breakpoints) {
        this.breakpoints = breakpoints;
    }

    public Breakpoints breakpoints() {
        return breakpoints;
    }

    /** The scenario the model runs, or null for a trace replay. */
    public Scenario scenario() {
        return scenario;
    }

    /** The trace being replayed, or null for a model run. */
    public LoadedTrace trace() {
        return trace;
    }

    /** Transitions delivered so far: the step the session is at. */
    public long steps() {
        return run.steps();
    }

    /** Virtual time of the last transition delivered. */
    public long now() {
        return run.now();
    }

    public boolean finished() {
        return oops == null && run.finished();
    }

    /** The invariant that stopped the run, or null while it is healthy. */
    public InvariantViolation oops() {
        return oops;
    }

    /**
     * btt-style statistics of the transitions up to the current step, with lockstat's figures so far
     * (the model may have run a few moves past the step within the event that produced it).
     */
    /** Every lock the run models, in lockstat's order; none for a replayed trace. */
    public List<String> lockNames() {
        return run.lockStats().stream().map(org.blkflow.engine.LockStat::name).toList();
    }

    /** Each lock's holder and spinners after the transitions delivered so far. */
    public List<LockHolders.Held> locks() {
        return locks.view();
    }

    public RunStats stats() {
        stats.recordLocks(run.lockStats());
        return stats;
    }

    public int[] cpuToHctx() {
        return run.cpuToHctx();
    }

    public Snapshot snapshot() {
        return run.snapshot();
    }
}
