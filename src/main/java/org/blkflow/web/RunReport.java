package org.blkflow.web;

import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import tools.jackson.core.JsonGenerator;

/**
 * The answer to POST /api/runs. The run is made twice: once to the end for the statistics (so an
 * invariant violation is known before a byte is sent), then again, streaming only the first N
 * transitions. Runs are deterministic, so the second is the first; memory stays bounded however
 * many transitions are asked for.
 */
public final class RunReport {

    private final Scenario scenario;
    private final RunStats stats = new RunStats();
    private final int[] cpuToHctx;

    private RunReport(Scenario scenario) {
        this.scenario = scenario;
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        this.cpuToHctx = run.cpuToHctx();
        for (Transition t = run.next(); t != null; t = run.next()) {
            stats.onTransition(t);
        }
        stats.recordLocks(run.lockStats());
    }

    /** Runs the scenario to its end; throws InvariantViolation if the model breaks. */
    public static RunReport measure(Scenario validScenario) {
        return new RunReport(validScenario);
    }

    public RunStats stats() {
        return stats;
    }

    public void write(JsonGenerator g, long keep) {
        g.writeStartObject();
        g.writeName("scenario");
        g.writeTree(ScenarioJsonWriter.write(scenario));
        g.writeName("topology");
        g.writeTree(TopologyJson.toNode(scenario, cpuToHctx));
        g.writeName("stats");
        g.writeTree(StatsJson.toNode(stats));
        g.writeArrayPropertyStart("transitions");
        BlockLayerRun replay = new BlockLayerRun(scenario, false);
        for (long i = 0; i < keep; i++) {
            Transition t = replay.next();
            if (t == null) {
                break;
            }
            TransitionJson.write(t, g);
        }
        g.writeEndArray();
        g.writeBooleanProperty("truncated", stats.counts().transitions() > keep);
        g.writeEndObject();
    }
}
