package org.blkflow.model;

import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * __blk_mq_sched_dispatch_requests() looks at hctx->dispatch without hctx->lock, then splices it under
 * the lock. When another CPU spliced it first, the list is empty: the kernel then marks no
 * SCHED_RESTART and goes on to the scheduler. The model used to mark the restart and stop, so a later
 * NO_TAG leftover waited for a request free that never came (TenThousandScenariosTest seed 3666:
 * kyber, one hctx with 1 normal driver tag, a bio never ended).
 */
class HctxDispatchSpliceTest {

    @Test
    void aRunThatFindsHctxDispatchAlreadySplicedGoesOnToTheScheduler() {
        // Two CPUs, one slot: CPU 0's first read comes back (R) to hctx->dispatch; at t = 3060 both
        // CPUs run the hctx after inserting their second read. CPU 0 splices the R'd request; CPU 1,
        // spinning on hctx->lock meanwhile, finds the list empty and takes its read from kyber.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("kyber").cpus(2).costs(Costs.DEFAULT).slots(1)
                .irq("none").job(job().rw("randread").libaio().iodepth(2).ios(2).allCpus()).build());
        assertEquals(List.of(
                "3060 cpu0 run_queue req-1",
                "3070 cpu1 insert(I) req3",
                "3070 cpu1 run_queue req-1",
                "3070 cpu1 lock_contended hctx[0]->lock",
                "3080 cpu1 lock_acquired hctx[0]->lock",
                "3230 cpu0 issue(D) req0",
                "3300 cpu1 lock_release hctx[0]->lock",
                "3670 cpu1 elv_dispatch req2",
                "3730 cpu0 queue_rq req0",
                "3820 cpu1 issue(D) req2"), window(ts, 36, 46));
    }

    @Test
    void theSeed3666ScenarioEndsEveryBio() {
        Scenario s = scenario().kernel70("kyber").seed(945520918876304523L).cpus(3).depth(5).reserved(4)
                .irq("softirq").completionNs(35136).maxSectors(547).maxSegments(3).slots(4).pollQueues(1)
                .numaNodes(List.of(List.of(0), List.of(1), List.of(2)))
                .costs(new Costs(3629, 4617, 438, 987, 4251, 185, 2530, 1816, 651, 4785, 0, 971, 0, 2535, 3265, 3856, 1213, 0, 0))
                .job(job().name("j59").allCpus().rw("write").mix(67).bs(8192).iodepth(5).libaio().ios(3).size(1954816))
                .job(job().name("uring").cpus(2).rw("randrw").polled().iodepth(6).ios(14))
                .build();
        List<Transition> ts = RunRecorder.run(s);
        assertEquals(23, ts.stream().filter(t -> t.kind() == TransitionKind.QUEUE).count());
        assertEquals(23, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).count());
    }

    private static List<String> window(List<Transition> ts, int from, int to) {
        return ts.subList(from, to).stream().map(t -> t.t() + " cpu" + t.cpu() + " " + t.kind().label()
                + (t.action() == null ? "" : "(" + t.action() + ")") + (t.lock() != null ? " " + t.lock() : " req" + t.req()))
                .toList();
    }
}
