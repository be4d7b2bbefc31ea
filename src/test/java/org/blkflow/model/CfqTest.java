package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §5 and issue 4: cfq's idling costs greedy random readers on a seek-free device. */
class CfqTest {

    @Test
    void cfqGivesGreedyRandomReadersHalfOfNoopsThroughputOrLess() {
        double noop = iops("noop");
        double cfq = iops("cfq");
        assertTrue(cfq <= noop / 2, "cfq " + cfq + " vs noop " + noop);
    }

    @Test
    void cfqServesOneProcessAtATime() {
        BlockLayerRun run = new BlockLayerRun(readers("cfq").build(), false);
        int inDevice = 0;
        int most = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() == TransitionKind.QUEUE_RQ) most = Math.max(most, ++inDevice);
            if (t.kind() == TransitionKind.COMPLETE) inDevice--;
        }
        assertTrue(most <= CfqElevator.QUANTUM, "at most a quantum of one process in the driver: " + most);
    }

    private static double iops(String scheduler) {
        BlockLayerRun run = new BlockLayerRun(readers(scheduler).build(), false);
        long ends = 0;
        long last = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() == TransitionKind.BIO_END) ends++;
            last = t.t();
        }
        return ends / (last / 1e9);
    }

    /** Four greedy random readers (psync, iodepth 1) on a null_blk with 10 µs completions. */
    private static ScenarioBuilder readers(String scheduler) {
        return scenario().mode("sq").scheduler(scheduler).cpus(4).irq("timer").costs(Costs.DEFAULT)
                .job(job().allCpus().rw("randread").ios(10_000));
    }
}
