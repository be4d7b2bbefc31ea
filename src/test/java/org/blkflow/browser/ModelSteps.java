package org.blkflow.browser;

import java.util.function.Predicate;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Snapshot;

/** What the model's state is at a step, worked out apart from the page, for the page to be held to. */
final class ModelSteps {

    /** Steps looked through for a state a test is about, before giving up. */
    private static final int SEARCH = 5000;

    private ModelSteps() {
    }

    /** The model's snapshot after {@code step} transitions. */
    static Snapshot modelAt(Scenario s, int step) {
        BlockLayerRun run = new BlockLayerRun(s, true);
        for (int i = 0; i < step; i++) run.next();
        return run.snapshot();
    }

    /** The first step whose snapshot is {@code wanted}. */
    static int firstStep(Scenario s, Predicate<Snapshot> wanted, String what) {
        BlockLayerRun run = new BlockLayerRun(s, true);
        for (int step = 1; step < SEARCH && run.next() != null; step++) {
            if (wanted.test(run.snapshot())) return step;
        }
        throw new AssertionError("the run never reaches " + what);
    }
}
