package org.blkflow.session;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;

/** The real model behind a session. */
final class ModelSource implements TransitionSource {

    private final BlockLayerRun run;

    ModelSource(Scenario scenario) {
        this(scenario, true);
    }

    /** @param snapshots false for a headless run that nobody draws (a timeline scan) */
    ModelSource(Scenario scenario, boolean snapshots) {
        this.run = new BlockLayerRun(scenario, snapshots);
    }

    @Override public Transition next() { return run.next(); }
    @Override public boolean finished() { return run.finished(); }
    @Override public long steps() { return run.steps(); }
    @Override public long now() { return run.now(); }
    @Override public int[] cpuToHctx() { return run.cpuToHctx(); }
    @Override public Snapshot snapshot() { return run.snapshot(); }
    @Override public List<LockStat> lockStats() { return run.lockStats(); }
}
