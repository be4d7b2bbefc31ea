package org.blkflow.model;

import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.CostsDraft;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** fio's time in a 64-bit PV guest (XenGuest): where it is charged, and that only xen-blkfront pays it. */
class XenGuestTest {

    /** dom0's device answers late enough that no completion reaches the guest inside the windows measured. */
    private static final long SLOW_DEVICE_NS = 500_000;
    private static final ScenarioBuilder.JobBuilder ONE_BIO = job().rw("randread").libaio();

    @Test
    void fioAndItsThreeSystemCallsComeBeforeTheFirstQ() {
        Costs c = Costs.DEFAULT;
        long xen = firstQ(scenario().cpus(1).xen("single-lock").costs(c).completionNs(SLOW_DEVICE_NS).job(ONE_BIO), 1000);
        long nullBlk = firstQ(scenario().cpus(1).costs(c).completionNs(SLOW_DEVICE_NS).job(ONE_BIO), 1000);
        assertEquals(0, nullBlk, "null_blk's guest is not a PV guest");
        assertEquals(c.fioIoNs() + XenGuest.SYSCALLS_PER_BIO * c.pvSyscallNs(), xen);
    }

    /**
     * Two fio tasks on one vCPU: the second one's first bio waits for the first one's batch and then pays the
     * switch (switchNs and the page-table-base hypercall) on top of fio's own time. Only switchNs is varied,
     * so the second task's Q moves by exactly the difference and the first task's not at all.
     */
    @Test
    void aSecondFioTaskOnTheSameVcpuPaysTheSwitch() {
        Costs slow = withSwitch(5_000);
        Costs fast = withSwitch(1_000);
        assertEquals(firstQ(twoTasksOnCpu0(fast), 1000), firstQ(twoTasksOnCpu0(slow), 1000), "the first task switches from nothing");
        assertEquals(4_000, firstQ(twoTasksOnCpu0(slow), 1001) - firstQ(twoTasksOnCpu0(fast), 1001));
    }

    @Test
    void withTheGuestCostsAtZeroTheFirstQIsAtZero() {
        CostsDraft d = new CostsDraft(Costs.DEFAULT);
        d.set(CostField.FIO_IO, 0);
        d.set(CostField.PV_SYSCALL, 0);
        assertEquals(0, firstQ(scenario().cpus(1).xen("single-lock").costs(d.build()).completionNs(SLOW_DEVICE_NS).job(ONE_BIO), 1000));
    }

    private static ScenarioBuilder twoTasksOnCpu0(Costs costs) {
        return scenario().cpus(2).xen("single-lock").costs(costs).completionNs(SLOW_DEVICE_NS)
                .job(job().name("a").cpus(0).rw("randread").libaio().iodepth(1).ios(1))
                .job(job().name("b").cpus(0).rw("randread").libaio().iodepth(1).ios(1));
    }

    private static Costs withSwitch(long ns) {
        CostsDraft d = new CostsDraft(Costs.DEFAULT);
        d.set(CostField.SWITCH, ns);
        return d.build();
    }

    /** When task {@code pid} (fio's tasks are numbered from 1000) queued its first bio. */
    private static long firstQ(ScenarioBuilder b, int pid) {
        List<Transition> ts = run(b.build());
        return ts.stream().filter(t -> t.kind() == TransitionKind.QUEUE && t.pid() == pid).findFirst().orElseThrow().t();
    }
}
