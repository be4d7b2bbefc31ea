package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec §5 and issue 4: cfq on a seek-free device. null_blk is non-rotational, and four psync
 * readers never load the queue past CFQ_HW_QUEUE_MIN, so hw_tag stays undecided (-1), which
 * cfq_arm_slice_timer() takes as a queueing device: no idling, and cfq keeps up with noop.
 */
class CfqTest {

    @Test
    void cfqGivesGreedyRandomReadersAtLeastHalfOfNoopsThroughput() {
        double noop = iops("noop");
        double cfq = iops("cfq");
        System.out.printf("four psync random readers, 10 µs null_blk: cfq %.0f IOPS, noop %.0f IOPS%n", cfq, noop);
        assertTrue(cfq >= noop / 2, "cfq " + cfq + " vs noop " + noop);
    }

    @Test
    void cfqNeverIdlesHere() {
        BlockLayerRun run = new BlockLayerRun(readers("cfq").build(), false);
        long longestGap = 0;
        long last = 0;
        int most = 0;
        int inDevice = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            longestGap = Math.max(longestGap, t.t() - last);
            last = t.t();
            if (t.kind() == TransitionKind.QUEUE_RQ) most = Math.max(most, ++inDevice);
            if (t.kind() == TransitionKind.COMPLETE) inDevice--;
        }
        assertTrue(longestGap < CfqElevator.SLICE_IDLE_NS, "the longest quiet spell, " + longestGap + " ns, is no idle");
        assertEquals(4, most, "cfq switches queues rather than wait: all four readers' requests in the device");
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
