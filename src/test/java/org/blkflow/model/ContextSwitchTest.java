package org.blkflow.model;

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
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * A context that blocks pays switchNs for the switch away and, woken, switchNs for the switch back in, wherever
 * it sleeps (Machine.schedule, Machine.switchIn): a fio task in io_getevents, a pread's wait, fio's thinktime or
 * rate sleep; a kworker or blkback thread with its work done. One whose wait is over before it would block pays
 * nothing, and one switch is paid once. Every cost is zero but the switch (2 µs), so the times are exact: a
 * switch is the only CPU time there is.
 */
class ContextSwitchTest {

    private static final long SWITCH = 2_000;
    private static final long DEVICE = 10_000;

    /** libaio iodepth 1: io_getevents blocks after each io_submit; the completion's wakeup switches it back in. */
    @Test
    void aLibaioTaskWokenByItsCompletionIsSwitchedBackInBeforeItsNextQ() {
        List<Transition> ts = RunRecorder.run(timer(DEVICE).job(job().rw("randread").libaio().iodepth(1).ios(2)).build());
        assertEquals(List.of(0L, DEVICE + SWITCH), times(ts, TransitionKind.QUEUE));
        assertEquals(List.of(DEVICE, DEVICE + SWITCH + DEVICE), times(ts, TransitionKind.COMPLETE));
    }

    /**
     * A device quicker than the switch: its interrupt waits for the switch away to finish (__schedule runs with
     * interrupts off), so the next Q comes exactly two switches after the first: away, then back in.
     */
    @Test
    void aCompletionInsideTheSwitchAwayLeavesBothSwitchesBetweenTwoQs() {
        List<Transition> ts = RunRecorder.run(timer(1_000).job(job().rw("randread").libaio().iodepth(1).ios(2)).build());
        assertEquals(List.of(0L, 2 * SWITCH), times(ts, TransitionKind.QUEUE));
        assertEquals(SWITCH, times(ts, TransitionKind.COMPLETE).get(0));
    }

    /** Per I/O one switch away and one back in: the CPU's whole busy time is four switches for two I/Os. */
    @Test
    void eachBlockingWaitCostsItsCpuTwoSwitches() {
        BlockLayerRun run = runToTheEnd(timer(DEVICE).job(job().rw("randread").libaio().iodepth(1).ios(2)).build());
        assertEquals(4 * SWITCH, run.cpuBusyNs(0));
    }

    /**
     * Two tasks on CPU 0: a context_switch() is one switch, whoever's path shows it. a blocks with b's first
     * batch queued (a to b, b's Q 2 µs later); both bios end in one timer interrupt at 10 µs and wake a, then
     * b; a comes in from idle, queues, and blocks with b's wakeup queued, so b comes in on a's switch away
     * and pays none of its own. Seven switches in all (the last wakeup comes in after a's exit).
     */
    @Test
    void aTaskThatBlocksWithAWokenOneQueuedSwitchesStraightToIt() {
        ScenarioBuilder b = timer(DEVICE).job(job().name("a").rw("randread").libaio().iodepth(1).ios(2))
                .job(job().name("b").rw("randread").libaio().iodepth(1).ios(2));
        assertEquals(List.of(0L, SWITCH, DEVICE + SWITCH, DEVICE + 2 * SWITCH), times(RunRecorder.run(b.build()), TransitionKind.QUEUE));
        assertEquals(7 * SWITCH, runToTheEnd(b.build()).cpuBusyNs(0));
    }

    /**
     * A kworker blocks too when its work is done (worker_thread → schedule()). A write is not sync, so 3.16's
     * blk_mq_make_request runs the hctx on kblockd: the task blocks in io_getevents with the kworker queued
     * (one switch, to it: D at 2 µs), the kworker then switches to idle, and the completion's wakeup switches
     * the task back in: three switches in all.
     */
    @Test
    void aKworkerThatRanTheQueueSwitchesAwayWhenItsWorkIsDone() {
        Scenario s = timer(DEVICE).job(job().rw("randwrite").libaio().iodepth(1).ios(1)).build();
        assertEquals(List.of(SWITCH), times(RunRecorder.run(s), TransitionKind.ISSUE));
        assertEquals(3 * SWITCH, runToTheEnd(s).cpuBusyNs(0));
    }

    /**
     * xen-blkback's thread is woken by the frontend's notify (switch in), takes the one request, finds its
     * ring empty and sleeps in wait_event_interruptible (switch away): with every other cost zero, dom0's
     * vCPUs are busy for exactly those two switches.
     */
    @Test
    void aBlkbackThreadSwitchesInToTakeItsRingAndAwayToWaitForMore() {
        Scenario s = scenario().xen("per-hctx").costs(switchOnly()).completionNs(DEVICE)
                .job(job().rw("randread").libaio().iodepth(1).ios(1)).build();
        assertEquals(2 * SWITCH, runToTheEnd(s).backendBusyNs());
    }

    /** psync: pread waits for its one bio in io_schedule(), the same two switches. */
    @Test
    void aSyncReadBlocksForItsBioTheSameWay() {
        List<Transition> ts = RunRecorder.run(timer(DEVICE).job(job().rw("randread").ios(2)).build());
        assertEquals(List.of(0L, DEVICE + SWITCH), times(ts, TransitionKind.QUEUE));
    }

    /** irqmode=none ends each bio inside queue_rq: io_getevents finds the event there, never blocks, pays nothing. */
    @Test
    void aTaskThatFindsItsCompletionAlreadyThereDoesNotSwitch() {
        BlockLayerRun run = runToTheEnd(scenario().costs(switchOnly()).irq("none")
                .job(job().rw("randread").libaio().iodepth(1).ios(3)).build());
        assertEquals(0, run.cpuBusyNs(0));
        assertEquals(List.of(0L, 0L, 0L), times(RunRecorder.run(scenario().costs(switchOnly()).irq("none")
                .job(job().rw("randread").libaio().iodepth(1).ios(3)).build()), TransitionKind.QUEUE));
    }

    /**
     * thinktime 50 µs: woken by the completion (in), asleep in nanosleep (away, hidden in the 50 µs), woken by
     * the timer (in): the next Q is the device's 10 µs, the 50 µs and two switches back in after the first.
     */
    @Test
    void thinktimeIsASleepWithItsOwnSwitches() {
        List<Transition> ts = RunRecorder.run(timer(DEVICE).job(job().rw("randread").ios(2).thinktime(50, 1)).build());
        assertEquals(List.of(0L, DEVICE + SWITCH + 50_000 + SWITCH), times(ts, TransitionKind.QUEUE));
    }

    /** rate_iops 1000: fio's rate sleep ends on the millisecond, and the switch back in comes after it. */
    @Test
    void aRateSleepEndsWithTheSwitchBackIn() {
        List<Transition> ts = RunRecorder.run(timer(DEVICE).job(job().rw("randread").ios(3).rateIops(1000)).build());
        assertEquals(List.of(0L, 1_000_000 + SWITCH, 2_000_000 + SWITCH), times(ts, TransitionKind.QUEUE));
    }

    /**
     * fio's last wait asks for every event left (cleanup_pending_aio). Two bios in flight that end 100 µs apart:
     * 3.16's aio_complete() wakes the task on each event and read_events() sleeps again after the first (four
     * switches: away, in, away, in); 7.0 wakes it only once avail reaches min_nr (two). The kernel is a
     * stand-in that keeps the bios until the test ends them.
     */
    @Test
    void theLastWaitIsWokenOnEveryEventIn316AndOnceIn70() {
        assertEquals(4 * SWITCH, lastWait(scenario()));
        assertEquals(2 * SWITCH, lastWait(scenario().kernel70("none")));
    }

    private static long lastWait(ScenarioBuilder b) {
        Scenario s = b.costs(switchOnly()).job(job().rw("randread").libaio().iodepth(2).ios(2)).build();
        Simulation sim = new Simulation(1);
        Cpu cpu = new Cpu(0, sim);
        Machine m = new Machine(sim, new Emitter(sim, new Invariants(1, 64, 0, 255, 128)), new Cpu[] {cpu},
                new SoftwareQueue[0], new HardwareQueue[0], true, s.costs(), CpuObserver.NONE, false);
        Workload[] workload = new Workload[1];
        List<Task> inFlight = new ArrayList<>();
        workload[0] = new Workload(m, new MakeRequest() {
            @Override
            public void submit(Task task, Bio bio, Runnable done) {
                inFlight.add(task);
                done.run();
            }

            @Override
            public void finishPlug(Task task, Runnable done) {
                done.run();
            }
        }, s);
        workload[0].start();
        sim.schedule(100_000, () -> workload[0].bioDone(inFlight.get(0)));
        sim.schedule(200_000, () -> workload[0].bioDone(inFlight.get(1)));
        while (sim.step()) { }
        assertEquals(2, inFlight.size());
        return cpu.busyNs();
    }

    /**
     * In a PV guest, two fio tasks on one vCPU, one I/O in flight each (a slow device): a blocks with b's first
     * batch queued (one switch, a to b), b blocks (to idle), a is woken (from idle), a blocks with b's wakeup
     * queued (one switch: b comes in on it), b blocks (to idle), and the two last wakeups come from idle and
     * from a's exit. Seven switches on the guest, whatever switchNs is: XenGuest adds none of its own (its
     * rule before this one, which knew only tag sleeps, added three more: ten).
     */
    @Test
    void aTaskWokenFromIoGeteventsInAPvGuestPaysItsSwitchOnce() {
        assertEquals(7 * 4_000, guestBusy(5_000) - guestBusy(1_000));
    }

    private static long guestBusy(long switchNs) {
        CostsDraft d = new CostsDraft(Costs.DEFAULT);
        d.set(CostField.SWITCH, switchNs);
        return runToTheEnd(scenario().cpus(2).xen("single-lock").costs(d.build()).completionNs(500_000)
                .job(job().name("a").cpus(0).rw("randread").libaio().iodepth(1).ios(2))
                .job(job().name("b").cpus(0).rw("randread").libaio().iodepth(1).ios(2)).build()).guestBusyNs();
    }

    private static ScenarioBuilder timer(long completionNs) {
        return scenario().costs(switchOnly()).irq("timer").completionNs(completionNs);
    }

    private static Costs switchOnly() {
        CostsDraft d = new CostsDraft(Costs.ZERO);
        d.set(CostField.SWITCH, SWITCH);
        return d.build();
    }

    private static BlockLayerRun runToTheEnd(Scenario s) {
        BlockLayerRun run = new BlockLayerRun(s, false);
        while (run.next() != null) { }
        return run;
    }

    private static List<Long> times(List<Transition> ts, TransitionKind kind) {
        return ts.stream().filter(t -> t.kind() == kind).map(Transition::t).toList();
    }
}
