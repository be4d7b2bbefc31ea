package org.blkflow.model;

import static org.blkflow.model.DispatchTest.indexOf;
import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.CostsDraft;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §8 and rule 23: the shared ring, io_lock, and what splitting it changes. */
class XenBlkfrontTest {

    @Test
    void aFullRingStopsTheQueueAndTheInterruptRestartsItUnderIoLock() {
        List<Transition> ts = run(scenario().mode("sq").slots(2).xen("single-lock")
                .job(job().rw("randread").libaio().iodepth(4).ios(4)).build());
        int stop = indexOf(ts, TransitionKind.HCTX_STOP, 0);
        assertEquals("blk_stop_queue", ts.get(stop).fn());
        assertEquals(2, ts.subList(0, stop).stream().filter(t -> t.kind() == TransitionKind.ISSUE).count(),
                "two slots, two requests on the ring");
        int start = indexOf(ts, TransitionKind.HCTX_START, stop);
        assertEquals("blk_start_queue", ts.get(start).fn());
        assertEquals("swapper/0", ts.get(start).comm(), "restarted from blkif_interrupt");
        assertEquals(TransitionKind.RUN_QUEUE, ts.get(start + 1).kind(), "do_blkif_request runs at once");
        assertEquals("do_blkif_request", ts.get(start + 1).fn());
    }

    /**
     * kick_pending_request_queues ends every blkif_interrupt: with room on the ring the interrupt runs
     * do_blkif_request even on a queue that was never stopped, so it issues whatever waits there itself.
     * One reader of two requests on a ring that never fills: each response's interrupt runs the queue.
     */
    @Test
    void everyInterruptWithRoomOnTheRingRunsTheQueue() {
        List<Transition> ts = run(scenario().mode("sq").slots(3).xen("single-lock")
                .job(job().rw("randread").ios(2)).build());
        List<Transition> runs = ts.stream().filter(t -> t.kind() == TransitionKind.RUN_QUEUE).toList();
        assertTrue(ts.stream().noneMatch(t -> t.kind() == TransitionKind.HCTX_STOP), "the ring never fills");
        List<Transition> fromIrq = runs.stream().filter(t -> "swapper/0".equals(t.comm())).toList();
        assertEquals(2, fromIrq.size(), "one do_blkif_request per response's interrupt: " + runs);
        for (Transition run : fromIrq) {
            assertEquals("do_blkif_request", run.fn());
            int at = ts.indexOf(run);
            assertEquals(TransitionKind.FREE, ts.get(at - 1).kind(), "right after the interrupt ended a request");
        }
    }

    @Test
    void submittersAndTheInterruptContendForIoLock() {
        LockStat io = lock(scenario().mode("sq").cpus(4).xen("single-lock").costs(Costs.DEFAULT)
                .job(job().allCpus().rw("randread").libaio().iodepth(16).ios(300)), "io_lock");
        assertTrue(io.contentions() > 0, io.toString());
        assertTrue(io.contendedBy().stream().anyMatch(s -> s.startsWith("blkif_interrupt")), io.contendedBy().toString());
        assertTrue(io.contendedBy().stream().anyMatch(s -> s.startsWith("blk_queue_bio")), io.contendedBy().toString());
    }

    @Test
    void onBlkMqASingleRingStillSerialisesTheCpusAndAFullRingAnswersBusy() {
        List<Transition> ts = run(scenario().cpus(2).slots(2).xen("single-lock")
                .job(job().allCpus().rw("randwrite").libaio().iodepth(4).ios(4)).build());
        int busy = indexOf(ts, TransitionKind.REQUEUE, 0);
        assertEquals(TransitionKind.HCTX_STOP, ts.get(busy - 1).kind());
        int start = indexOf(ts, TransitionKind.HCTX_START, busy);
        assertEquals("swapper/0", ts.get(start).comm());
    }

    @Test
    void splittingTheLockTakesTheInterruptOutOfTheSubmittersWay() {
        // Without fio's own time in the guest, so that four submitters keep io_lock busy enough for the
        // interrupt to find it held: the test is about the lock's structure, not fio.
        CostsDraft noFio = new CostsDraft(Costs.DEFAULT);
        noFio.set(CostField.FIO_IO, 0);
        noFio.set(CostField.PV_SYSCALL, 0);
        Costs costs = noFio.build();
        ScenarioBuilder base = scenario().cpus(4).costs(costs);
        LockStat single = lock(base.xen("single-lock").job(job().allCpus().rw("randread").libaio().iodepth(16).ios(300)),
                "io_lock");
        LockStat requests = lock(scenario().cpus(4).costs(costs).xen("split-lock")
                .job(job().allCpus().rw("randread").libaio().iodepth(16).ios(300)), "io_lock (requests)");
        assertTrue(single.contendedBy().stream().anyMatch(s -> s.startsWith("blkif_interrupt")), single.toString());
        assertTrue(requests.contendedBy().stream().noneMatch(s -> s.startsWith("blkif_interrupt")), requests.toString());
    }

    @Test
    void aRingPerHardwareQueueHasALockPerRing() {
        BlockLayerRun r = new BlockLayerRun(scenario().cpus(4).hwQueues(4).xen("per-hctx").costs(Costs.DEFAULT)
                .job(job().allCpus().rw("randread").libaio().iodepth(8).ios(100)).build(), false);
        while (r.next() != null) { }
        List<String> rings = r.lockStats().stream().map(LockStat::name).filter(n -> n.contains("ring_lock")).toList();
        // The guest's ring locks, then blkback's in dom0 (make_response's blk_ring_lock), one per ring too.
        assertEquals(List.of("ring[0]->ring_lock", "ring[1]->ring_lock", "ring[2]->ring_lock", "ring[3]->ring_lock",
                "blkif[0]->blk_ring_lock", "blkif[1]->blk_ring_lock", "blkif[2]->blk_ring_lock",
                "blkif[3]->blk_ring_lock"), rings);
    }

    private static LockStat lock(ScenarioBuilder b, String name) {
        BlockLayerRun r = new BlockLayerRun(b.build(), false);
        while (r.next() != null) { }
        return r.lockStats().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
