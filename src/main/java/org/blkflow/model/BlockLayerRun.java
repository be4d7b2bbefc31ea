package org.blkflow.model;

import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;

/**
 * One simulation of a scenario, consumed one transition at a time. The scenario must already be
 * normalized and validated. Same scenario and seed give the identical stream.
 */
public final class BlockLayerRun {

    public BlockLayerRun(Scenario scenario) {
        throw new UnsupportedOperationException("the blk-mq model is being written");
    }

    /** The next transition, or null once every bio has completed. Throws InvariantViolation. */
    public Transition next() {
        return null;
    }

    public boolean finished() {
        return true;
    }

    /** Transitions delivered so far: the step a session is at. */
    public long steps() {
        return 0;
    }

    /** Virtual time of the last transition delivered. */
    public long now() {
        return 0;
    }

    /** The hctx of each CPU, after the kernel's default map or the scenario's explicit one. */
    public int[] cpuToHctx() {
        return new int[0];
    }

    public Snapshot snapshot() {
        return null;
    }
}
