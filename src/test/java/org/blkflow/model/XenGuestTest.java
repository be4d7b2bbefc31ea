package org.blkflow.model;

import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.CpuObserver;
import org.blkflow.engine.Simulation;
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
     * Two fio tasks on one vCPU: the second one's first bio waits for the first one's batch and its switch away
     * (the first task blocks in io_getevents: switchNs), then pays the page-table-base hypercall on top of
     * fio's own time. Only switchNs is varied, so the second task's Q moves by exactly the difference, once,
     * and the first task's not at all.
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

    /**
     * A task that slept for a tag in make_request pays one switch each way, never two: A sleeps in the
     * kernel (its schedule() charges the switch away), B follows on the vCPU and pays only the page-table
     * base hypercall on top of fio's 4 µs; A's wakeup charges the switch back, and XenGuest adds only the
     * hypercall as make_request returns to A, whose next bio then pays no switch at all. Costs: fio 1 µs,
     * a PV system call 1 µs (3 a bio), switch 2 µs, hypercall 0.5 µs; the kernel is a stand-in.
     */
    @Test
    void aTaskWokenAfterATagSleepPaysTheSwitchOnceEachWay() {
        CostsDraft d = new CostsDraft(Costs.ZERO);
        d.set(CostField.FIO_IO, 1_000);
        d.set(CostField.PV_SYSCALL, 1_000);
        d.set(CostField.SWITCH, 2_000);
        d.set(CostField.HYPERCALL, 500);
        Costs c = d.build();
        Simulation sim = new Simulation(1);
        Machine m = new Machine(sim, new Emitter(sim, new Invariants(1, 64, 0, 255, 128)), new Cpu[] {new Cpu(0, sim)},
                new SoftwareQueue[0], new HardwareQueue[0], true, c, CpuObserver.NONE, false);
        Task a = new Task(1000, 0, job().name("a").build(), 0);
        Task b = new Task(1001, 0, job().name("b").build(), 0);
        List<String> log = new ArrayList<>();
        Runnable[] wakeA = new Runnable[1];
        MakeRequest kernel = new MakeRequest() {
            @Override
            public void submit(Task task, Bio bio, Runnable done) {
                log.add(task.actor.comm() + " in make_request at " + sim.now());
                if (task != a || wakeA[0] != null) {
                    done.run();
                    return;
                }
                // No tag: A sleeps in bt_get (schedule() switches away); its wakeup switches back and returns.
                wakeA[0] = () -> m.process(0, () -> m.switchIn(task, done));
                m.schedule(task);
            }

            @Override
            public void finishPlug(Task task, Runnable done) {
                done.run();
            }
        };
        XenGuest guest = new XenGuest(m, kernel, 1);
        m.process(0, () -> guest.submit(a, bio(a), () -> {
            log.add("a back at " + sim.now());
            guest.submit(a, bio(a), () -> log.add("a done at " + sim.now()));
        }));
        m.process(0, () -> guest.submit(b, bio(b), () -> log.add("b done at " + sim.now())));
        sim.schedule(20_000, () -> wakeA[0].run());
        while (sim.step()) { }
        assertEquals(List.of("a in make_request at 4000", "b in make_request at 10500", "b done at 10500",
                "a back at 22500", "a in make_request at 26500", "a done at 26500"), log);
    }

    private static Bio bio(Task task) {
        return new Bio(0, task, 0, 8, false, false);
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
