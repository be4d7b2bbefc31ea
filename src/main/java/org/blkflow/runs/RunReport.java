package org.blkflow.runs;

import java.util.function.BooleanSupplier;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.TransitionListener;

/**
 * A whole run measured: its statistics and CPU map. The run is made to its end first (so an
 * invariant violation is known before a byte is sent), and its transitions are had again by
 * {@link #replay}, a second identical run: runs are deterministic, so memory stays bounded however
 * many transitions are asked for.
 */
public final class RunReport {

    /** How often (in transitions) a measurement checks whether it was abandoned. */
    private static final int CANCEL_CHECK = 4096;

    private final Scenario scenario;
    private final RunStats stats = new RunStats();
    private final int[] cpuToHctx;

    private RunReport(Scenario scenario, BooleanSupplier abandoned) {
        this.scenario = scenario;
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        this.cpuToHctx = run.cpuToHctx();
        long[] n = {0};
        run.feed(t -> {
            stats.onTransition(t);
            if (++n[0] % CANCEL_CHECK == 0 && abandoned.getAsBoolean()) {
                throw new RunAbandoned();
            }
        }, Long.MAX_VALUE);
        stats.recordLocks(run.lockStats());
        stats.recordBackend(run.backendCpus(), run.backendBusyNs());
    }

    /** Runs the validated scenario to its end; throws InvariantViolation if the model breaks. */
    public static RunReport measure(Scenario validScenario) {
        return new RunReport(validScenario, () -> false);
    }

    /** As {@link #measure(Scenario)}, stopping with {@link RunAbandoned} once {@code abandoned} says so. */
    static RunReport measure(Scenario validScenario, BooleanSupplier abandoned) {
        return new RunReport(validScenario, abandoned);
    }

    public Scenario scenario() {
        return scenario;
    }

    public RunStats stats() {
        return stats;
    }

    public int[] cpuToHctx() {
        return cpuToHctx.clone();
    }

    /** Whether the run made more than {@code keep} transitions. */
    public boolean truncated(long keep) {
        return stats.counts().transitions() > keep;
    }

    /** Feeds the first {@code keep} transitions of the same run to the listener. */
    public void replay(long keep, TransitionListener listener) {
        new BlockLayerRun(scenario, false).feed(listener, keep);
    }

    /** A measurement stopped because nobody waits for it any more (a sweep whose client left). */
    static final class RunAbandoned extends RuntimeException {
        RunAbandoned() {
            super("run abandoned", null, false, false);
        }
    }
}
