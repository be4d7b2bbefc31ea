package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: every decision at its own moment. The state a viewer rebuilds from the stream up to a
 * step agrees with the decision taken at that step, and lockstat's figures obey a ticket lock.
 * The bookkeeping here is the test's own, not the model's.
 */
class TimeTrueTest {

    @Test
    void everyTagSleepHappensWithEveryTagOfThatHctxHeldInTheStream() {
        // The case: 16 CPUs, 4 hctxs of 64 tags, greedy libaio readers, timer completions,
        // with a device slow enough (200 µs) that 16 × 32 reads outrun 256 tags.
        BlockLayerRun run = new BlockLayerRun(scenario().cpus(16).hwQueues(4).depth(64).irq("timer").completionNs(200_000)
                .costs(Costs.DEFAULT).job(job().allCpus().rw("randread").libaio().iodepth(32).ios(400)).build(), false);
        int[] held = new int[4];
        int sleeps = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() == TransitionKind.TAG_GET) held[t.hctx()]++;
            if (t.kind() == TransitionKind.FREE) held[t.hctx()]--;
            if (t.kind() == TransitionKind.SLEEP) {
                sleeps++;
                assertEquals(64, held[t.hctx()], "S at seq " + t.seq() + " with free tags on hctx " + t.hctx());
            }
        }
        assertTrue(sleeps > 0, "the scenario must run out of tags");
    }

    @Test
    void aQueueLockWaitIsAtMostTheHoldsOfTheCpusAheadInLine() {
        // The case: the legacy queue on 8 CPUs. With 7 other CPUs ahead, a ticket lock makes a
        // CPU wait at most 7 holds.
        BlockLayerRun run = new BlockLayerRun(scenario().mode("sq").cpus(8).irq("timer").costs(Costs.DEFAULT)
                .job(job().allCpus().rw("randread").libaio().iodepth(32).ios(300)).build(), false);
        while (run.next() != null) { }
        LockStat q = lockNamed(run.lockStats(), "queue_lock");
        assertTrue(q.contentions() > 0, "8 CPUs must contend for queue_lock");
        assertTrue(q.waitTimeMaxNs() <= 7 * q.holdTimeMaxNs(), "max wait " + q.waitTimeMaxNs()
                + " ns against max hold " + q.holdTimeMaxNs() + " ns");
    }

    @Test
    void virtualTimeNeverGoesBackAndEveryStepOfACpuIsInOrder() {
        BlockLayerRun run = new BlockLayerRun(scenario().mode("sq").scheduler("deadline").cpus(4).irq("softirq")
                .costs(Costs.DEFAULT).job(job().allCpus().rw("randrw").libaio().iodepth(8).plug().ios(200)).build(),
                false);
        long last = 0;
        long seq = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            assertEquals(seq++, t.seq());
            assertTrue(t.t() >= last, "time went back at seq " + t.seq());
            last = t.t();
        }
    }

    @Test
    void aBusyOnlyComesWhenTheStreamShowsTheDeviceFull() {
        BlockLayerRun run = new BlockLayerRun(scenario().cpus(4).hwQueues(2).irq("timer").slots(2)
                .costs(Costs.DEFAULT).job(job().allCpus().rw("randwrite").libaio().iodepth(8).ios(200)).build(), false);
        int[] inDevice = new int[2];
        int busy = 0;
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() == TransitionKind.QUEUE_RQ) inDevice[t.hctx()]++;
            if (t.kind() == TransitionKind.COMPLETE) inDevice[t.hctx()]--;
            if (t.kind() == TransitionKind.REQUEUE) {
                busy++;
                assertEquals(2, inDevice[t.hctx()], "R at seq " + t.seq() + " with room on the device");
            }
        }
        assertTrue(busy > 0, "the two-slot device must answer BUSY");
    }

    private static LockStat lockNamed(List<LockStat> stats, String name) {
        return stats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
