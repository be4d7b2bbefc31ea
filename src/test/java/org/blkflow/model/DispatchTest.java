package org.blkflow.model;

import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §9 rules 11–14: the order of a run, BUSY, STOPPED, and where async runs execute. */
class DispatchTest {

    @Test
    void aRunTakesTheSoftwareQueuesInIndexOrderEachFifo() {
        // The job on CPU 1 submits first, yet CPU 0's software queue is dispatched first.
        List<Transition> ts = run(scenario().cpus(2).irq("timer")
                .job(job().name("late").cpus(1).rw("randwrite").libaio().iodepth(2).ios(2))
                .job(job().name("early").cpus(0).rw("randwrite").libaio().iodepth(2).ios(2)).build());
        List<String> issued = new ArrayList<>();
        List<Long> inserted = new ArrayList<>();
        for (Transition t : ts) {
            if (t.kind() == TransitionKind.ISSUE) issued.add(t.ctx() + ":" + t.req());
            if (t.kind() == TransitionKind.INSERT) inserted.add(t.req());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L).size(), inserted.size());
        assertEquals(List.of("0:" + inserted.get(2), "0:" + inserted.get(3), "1:" + inserted.get(0), "1:" + inserted.get(1)),
                issued);
    }

    @Test
    void busyRequeuesStopsTheQueueAndNothingRunsItUntilTheDriverRestartsIt() {
        List<Transition> ts = run(scenario().irq("timer").slots(1)
                .job(job().rw("randwrite").libaio().iodepth(3).ios(3)).build());
        int busy = indexOf(ts, TransitionKind.REQUEUE, 0);
        assertEquals(TransitionKind.HCTX_STOP, ts.get(busy - 1).kind(), "the driver stops the hctx before BUSY");
        assertEquals("driver:0", ts.get(busy).from().toString());
        assertEquals("hctx:0", ts.get(busy).to().toString(), "back onto hctx->dispatch");
        int restart = indexOf(ts, TransitionKind.HCTX_START, busy);
        for (int i = busy + 1; i < restart; i++) {
            TransitionKind k = ts.get(i).kind();
            assertTrue(k != TransitionKind.ISSUE && k != TransitionKind.RUN_QUEUE,
                    "no dispatch while STOPPED, found " + k + " at " + i);
        }
        assertTrue(ts.get(restart - 1).kind() == TransitionKind.FREE, "restarted from the completion path");
        int nextIssue = indexOf(ts, TransitionKind.ISSUE, restart);
        assertEquals(ts.get(busy).req(), ts.get(nextIssue).req(), "the requeued request goes first");
    }

    @Test
    void busyEndsTheRunAndLeavesTheRestOnTheDispatchList() {
        List<Transition> ts = run(scenario().irq("timer").slots(1)
                .job(job().rw("randwrite").libaio().iodepth(3).ios(3)).build());
        int busy = indexOf(ts, TransitionKind.REQUEUE, 0);
        long issuesBeforeBusy = ts.subList(0, busy).stream().filter(t -> t.kind() == TransitionKind.ISSUE).count();
        assertEquals(2, issuesBeforeBusy, "one accepted, one refused; the third is never started");
        assertEquals(3, ts.stream().filter(t -> t.kind() == TransitionKind.COMPLETE).count());
    }

    @Test
    void asyncRunsRotateOverTheCpumaskEveryEightSchedulings() {
        HardwareQueue hctx = new HardwareQueue(0, new TagSet<>(8, 0));
        hctx.addCtx(new SoftwareQueue(2, hctx, 0, 0));
        hctx.addCtx(new SoftwareQueue(3, hctx, 1, 0));
        StringBuilder cpus = new StringBuilder();
        for (int i = 0; i < 20; i++) cpus.append(hctx.nextCpu());
        assertEquals("22222222333333332222", cpus.toString());
    }

    @Test
    void withSeveralQueuesAnAsyncRunExecutesOnACpuOfTheHctxMask() {
        List<Transition> ts = run(scenario().cpus(4).hwQueues(2).irq("timer")
                .job(job().cpus(1, 3).rw("randwrite").ios(4)).build());
        int[] map = {0, 0, 1, 1};
        for (Transition t : ts) {
            if (t.kind() != TransitionKind.RUN_QUEUE) continue;
            assertEquals(t.hctx(), map[t.cpu()], "run of hctx " + t.hctx() + " on cpu " + t.cpu());
            assertTrue(t.comm().startsWith("kworker/"), t.comm());
        }
        assertTrue(ts.stream().anyMatch(t -> t.kind() == TransitionKind.RUN_QUEUE && t.cpu() == 0),
                "hctx 0's first CPU runs the work submitted on CPU 1");
    }

    static int indexOf(List<Transition> ts, TransitionKind kind, int from) {
        for (int i = from; i < ts.size(); i++) {
            if (ts.get(i).kind() == kind) return i;
        }
        throw new AssertionError("no " + kind + " after " + from);
    }
}
