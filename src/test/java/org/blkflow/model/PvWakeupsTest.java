package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * A wakeup across vCPUs in a PV domain is a reschedule IPI: the waker's EVTCHNOP_send hypercall, then the
 * woken vCPU's upcall and iret hypercall before the task runs ({@link PvWakeups}). Two guest vCPUs with a
 * ring each; dom0's vCPUs are CPUs 2 to 4, ring 1's blkback thread on CPU 3; one fio job on vCPU 1.
 */
class PvWakeupsTest {

    private static final Costs C = Costs.DEFAULT;
    private static final long IPI = C.hypercallNs() + C.irqNs() + C.hypercallNs();

    private static List<Transition> run(EvtchnAffinity evtchn, int ios) {
        BlockLayerRun run = new BlockLayerRun(ScenarioBuilder.scenario().cpus(2).hwQueues(2).xen("per-hctx")
                .irq("timer").costs(C).backend(new Backend(3, false, 1).withEvtchn(evtchn))
                .job(ScenarioBuilder.job().rw("randread").bs(4096).libaio().iodepth(1).ios(ios).cpus(1)).build(), false);
        List<Transition> all = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) all.add(t);
        return all;
    }

    private static Transition first(List<Transition> log, String fn) {
        return log.stream().filter(t -> t.fn().equals(fn)).findFirst().orElseThrow();
    }

    /** xen_blkif_be_int on dom0's vCPU 0 wakes ring 1's thread on another vCPU: one IPI's worth later. */
    @Test
    void blkbackWokenFromAnotherVcpuRunsAfterTheReschedIpi() {
        assertEquals(List.of(2L, 3L, IPI), beIntToSchedule(EvtchnAffinity.VCPU0));
    }

    /** With the event channel on the thread's own vCPU the wakeup is local: no IPI, the thread runs at once. */
    @Test
    void blkbackWokenOnItsOwnVcpuRunsAtOnce() {
        assertEquals(List.of(3L, 3L, 0L), beIntToSchedule(EvtchnAffinity.SPREAD));
    }

    /** Ring 1's xen_blkif_be_int and the thread's xen_blkif_schedule: their CPUs and the time between. */
    private static List<Long> beIntToSchedule(EvtchnAffinity evtchn) {
        List<Transition> log = run(evtchn, 1);
        Transition beInt = first(log, "xen_blkif_be_int");
        Transition schedule = first(log, "xen_blkif_schedule");
        return List.of((long) beInt.cpu(), (long) schedule.cpu(), schedule.t() - beInt.t());
    }

    /**
     * blkif_interrupt on the guest's vCPU 0 ends the job's first bio; fio's task on vCPU 1, asleep in
     * io_getevents, is woken by IPI and queues its second bio exactly as long after as its first took
     * from time zero, plus the IPI and its switch back in (Machine.switchIn).
     */
    @Test
    void aFioTaskWokenByAnotherVcpusInterruptPaysTheIpi() {
        List<Transition> log = run(EvtchnAffinity.VCPU0, 2);
        List<Transition> queued = log.stream().filter(t -> "Q".equals(t.action())).toList();
        Transition end = first(log, "bio_endio");
        assertEquals(0, end.cpu());
        assertEquals(2, queued.size());
        assertEquals(queued.get(0).t() + IPI + C.switchNs(), queued.get(1).t() - end.t());
    }
}
