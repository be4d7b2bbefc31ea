package org.blkflow.lessons;

import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;

/**
 * Two runs side by side in virtual time: the step one run must be at to show the moment another run
 * shows. Each run keeps its own clock, so "the same moment" is the last transition at or before the
 * other's time; the runs are deterministic, so a fresh headless run finds it.
 */
public final class TimeLockstep {

    private TimeLockstep() {
    }

    /** How many transitions of the scenario's run happen at or before {@code t} ns, at most {@code limit}. */
    public static long stepAt(Scenario scenario, long t, long limit) {
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        long steps = 0;
        for (Transition next; steps < limit && (next = run.next()) != null && next.t() <= t; ) {
            steps++;
        }
        return steps;
    }
}
