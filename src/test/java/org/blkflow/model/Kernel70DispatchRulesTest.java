package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §9, rules 16–19, 24, 28, 32, 33 and 39: dispatch, restart, scheduler merges and
 * completion in Linux 7.0, on null_blk and on a device with few slots that answers
 * BLK_STS_RESOURCE when full.
 */
class Kernel70DispatchRulesTest {

    /** mq-deadline, a 2-slot device, 5 plugged reads: the third request finds the device full. */
    private static List<Transition> fiveIntoTwoSlots() {
        return RunRecorder.run(scenario().kernel70("mq-deadline").irq("timer").slots(2)
                .job(job().rw("randread").libaio().iodepth(5).ios(5).plug()).build());
    }

    @Test
    void rule19_resourceLeavesTheRestOnHctxDispatchRunsAtOnceThenWaitsForAFreeOr3ms() {
        List<Transition> ts = fiveIntoTwoSlots();
        String l = letters(ts, true);
        assertTrue(l.startsWith("Q G P Q G Q G Q G Q G U(5) I I I I I D D D R"), l);
        int r = indexOf(ts, "R", 0);
        Transition third = ts.get(r);
        assertEquals(ts.stream().filter(t -> "D".equals(t.action())).skip(2).findFirst().orElseThrow().req(), third.req(),
                "R3 is the third D's request");
        assertEquals(TransitionKind.RUN_ASYNC, ts.get(r + 1).kind(), "no SCHED_RESTART yet: an async run at once");
        // That run marks the hctx for restart; request 3 finds the device full again.
        Transition d = ts.get(indexOf(ts, "D", r));
        assertEquals(third.req(), d.req());
        assertEquals("kworker/0:1H", d.comm());
        int r2 = indexOf(ts, "R", r + 1);
        assertEquals(third.req(), ts.get(r2).req());
        // Now the next try comes with the first free (10 µs), well before the 3 ms delayed run.
        Transition c1 = ts.get(indexOf(ts, "C", r2));
        Transition retry = ts.get(indexOf(ts, "D", r2));
        assertEquals(third.req(), retry.req());
        assertEquals(c1.t(), retry.t());
        assertTrue(retry.t() < Dispatch70.RESOURCE_DELAY_NS);
    }

    @Test
    void rule18_aRunWithLeftoversOnHctxDispatchTakesNothingFromTheScheduler() {
        List<Transition> ts = fiveIntoTwoSlots();
        int runs = 0;
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i).kind() != TransitionKind.RUN_QUEUE) continue;
            int end = i + 1;
            while (end < ts.size() && ts.get(end).kind() != TransitionKind.RUN_QUEUE) end++;
            List<Transition> run = ts.subList(i, end);
            boolean leftover = run.stream().anyMatch(t -> "R".equals(t.action()));
            Transition first = run.stream().filter(t -> "D".equals(t.action())).findFirst().orElse(null);
            boolean fromDispatch = first != null && ts.subList(0, i).stream().anyMatch(t -> "R".equals(t.action())
                    && t.req() == first.req());
            if (!fromDispatch) continue;
            runs++;
            if (leftover) {
                assertTrue(run.stream().noneMatch(t -> t.kind() == TransitionKind.ELV_DISPATCH),
                        "run at seq " + ts.get(i).seq() + " left requests over but took from the scheduler");
            }
        }
        assertTrue(runs >= 2, "runs that started from hctx->dispatch: " + runs);
    }

    /**
     * Rule 16, from mq-deadline holding five requests: at dispatch_busy 2 the first pass takes one
     * request and sends it (busy decays to 1, rule 15), the second one more (busy 0), and the third
     * takes the other three as one list. At 0 one pass takes all five.
     */
    @Test
    void rule16_aBusyHctxTakesOneRequestPerSchedulerPassAnIdleOneTakesAll() {
        assertEquals("e1 D1 e2 D2 e3 e4 e5 D3 D4 D5", schedulerPasses(2, 64, 5));
        assertEquals("e1 e2 e3 e4 e5 D1 D2 D3 D4 D5", schedulerPasses(0, 64, 5));
        // Limited by driver tags: 2 of them (nr_requests 4): the third request, taken from the
        // scheduler without one, ends the pass; it waits on hctx->dispatch with no R (rule 28).
        assertEquals("e1 e2 e3 D1 D2", schedulerPasses(0, 2, 4));
    }

    /** The pass structure of one blk_mq_run_hw_queue: "eN" a request taken from the scheduler, "DN" its D. */
    private static String schedulerPasses(int dispatchBusy, int depth, int requests) {
        Dispatch70Fixture f = new Dispatch70Fixture(new int[] {0}, 1, depth, "mq-deadline");
        List<Request> rqs = new java.util.ArrayList<>();
        for (int i = 0; i < requests; i++) rqs.add(f.inPlug(0, 1000L * (i + 1)));
        f.insert(0, rqs);
        f.drained();
        f.hctxs[0].dispatchBusy = dispatchBusy;
        return f.runSync(0, 0).stream()
                .filter(t -> t.kind() == TransitionKind.ELV_DISPATCH || "D".equals(t.action()))
                .map(t -> (t.kind() == TransitionKind.ELV_DISPATCH ? "e" : "D") + (1 + rqs.indexOf(rqs.stream()
                        .filter(r -> r.id == t.req()).findFirst().orElseThrow())))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Rule 17: ctx0 holds a1 a2 a3, ctx1 holds b1 b2, one hctx, hctx->dispatch empty, run on CPU 0. */
    @Test
    void rule17_idleFlushesTheCtxsInCpuOrderBusyDequeuesRoundRobinFromDispatchFrom() {
        assertEquals(List.of("a1", "a2", "a3", "b1", "b2"), ctxDispatchOrder(0));
        assertEquals(List.of("a1", "b1", "a2", "b2", "a3"), ctxDispatchOrder(2));
    }

    private static List<String> ctxDispatchOrder(int dispatchBusy) {
        Dispatch70Fixture f = new Dispatch70Fixture(new int[] {0, 0}, 1, 64, null);
        java.util.Map<Long, String> name = new java.util.HashMap<>();
        for (int i = 1; i <= 3; i++) name.put(f.inCtx(0, 100L * i).id, "a" + i);
        for (int i = 1; i <= 2; i++) name.put(f.inCtx(1, 1000L * i).id, "b" + i);
        f.hctxs[0].dispatchBusy = dispatchBusy;
        List<Transition> ts = f.runSync(0, 0);
        String fn = dispatchBusy == 0 ? "blk_mq_flush_busy_ctxs" : "blk_mq_dequeue_from_ctx";
        assertTrue(ts.stream().filter(t -> t.kind() == TransitionKind.CTX_FLUSH).allMatch(t -> fn.equals(t.fn())), fn);
        return ts.stream().filter(t -> "D".equals(t.action())).map(t -> name.get(t.req())).toList();
    }

    /**
     * Rule 32: CPU 0 runs hctx 1, whose only CPU is 1, synchronously: it becomes hctx 1's run_work on
     * kblockd (on CPU 1), which sends the request; the same call on CPU 1 dispatches inline.
     */
    @Test
    void rule32_aSyncRunFromACpuOutsideTheHctxGoesToKblockd() {
        Dispatch70Fixture foreign = new Dispatch70Fixture(new int[] {0, 1}, 2, 64, null);
        long rq = foreign.inCtx(1, 100).id;
        List<Transition> ts = foreign.runSync(1, 0);
        assertEquals(List.of("run_async cpu0 fio blk_mq_delay_run_hw_queue", "run_queue cpu1 kworker/1:1H blk_mq_sched_dispatch_requests",
                "flush_ctx cpu1 kworker/1:1H blk_mq_flush_busy_ctxs", "issue cpu1 kworker/1:1H blk_mq_start_request",
                "queue_rq cpu1 kworker/1:1H null_queue_rq"), summary(ts));
        assertEquals(rq, ts.stream().filter(t -> "D".equals(t.action())).findFirst().orElseThrow().req());
        Dispatch70Fixture own = new Dispatch70Fixture(new int[] {0, 1}, 2, 64, null);
        own.inCtx(1, 100);
        assertEquals(List.of("run_queue cpu1 fio blk_mq_sched_dispatch_requests", "flush_ctx cpu1 fio blk_mq_flush_busy_ctxs",
                "issue cpu1 fio blk_mq_start_request", "queue_rq cpu1 fio null_queue_rq"), summary(own.runSync(1, 1)),
                "a CPU of the hctx's mask dispatches inline");
    }

    private static List<String> summary(List<Transition> ts) {
        return ts.stream().map(t -> t.kind().label() + " cpu" + t.cpu() + " " + t.comm() + " " + t.fn()).toList();
    }

    @Test
    void rule24_aBioMergesIntoARequestTheSchedulerHoldsQMOnly() {
        // One slot: the first write is in the device, the second comes back (D R) to hctx->dispatch;
        // the third's run retries the second (D R again, rule 18) and leaves the third in
        // mq-deadline, where the next three sequential bios merge: Q M, no G, P or U.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("mq-deadline").irq("timer").completionNs(1_000_000)
                .slots(1).job(job().rw("write").libaio().iodepth(6).ios(6)).build());
        assertEquals("Q G P U(1) I D Q G P U(1) I D R Q G P U(1) I D R Q M Q M Q M D D R D", letters(ts, false));
        Transition m = ts.stream().filter(t -> "M".equals(t.action())).findFirst().orElseThrow();
        assertEquals("elv:0", ts.stream().filter(t -> t.req() == m.req() && t.bio() < 0 && t.seq() < m.seq()
                && t.kind() == TransitionKind.INSERT).findFirst().orElseThrow().to().toString(), "merged in the scheduler");
    }

    @Test
    void rule28_twoTagLevels() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("mq-deadline").cpus(5).depth(2).irq("timer")
                .completionNs(1_000_000).job(job().allCpus().rw("randread").ios(1)).build());
        int live = 0;
        int maxLive = 0;
        int inDevice = 0;
        int maxInDevice = 0;
        for (Transition t : ts) {
            if ("G".equals(t.action())) maxLive = Math.max(maxLive, ++live);
            if ("D".equals(t.action())) maxInDevice = Math.max(maxInDevice, ++inDevice);
            if ("C".equals(t.action())) {
                live--;
                inDevice--;
            }
        }
        assertEquals(4, maxLive, "nr_requests = 2 × min(2, 128) scheduler tags");
        assertEquals(2, maxInDevice, "hw_queue_depth = 2 driver tags");
        Transition third = ts.stream().filter(t -> "I".equals(t.action())).skip(2).findFirst().orElseThrow();
        Transition thirdD = ts.stream().filter(t -> "D".equals(t.action()) && t.req() == third.req()).findFirst().orElseThrow();
        Transition firstC = ts.stream().filter(t -> "C".equals(t.action())).findFirst().orElseThrow();
        assertTrue(ts.stream().anyMatch(t -> t.kind() == TransitionKind.ELV_DISPATCH && t.req() == third.req()
                && t.seq() < firstC.seq()), "taken from the scheduler before any completion, without a driver tag");
        assertTrue(thirdD.seq() > firstC.seq(), "its D only after a request freed a driver tag");
        Transition wait = ts.stream().filter(t -> t.kind() == TransitionKind.SLEEP).findFirst().orElseThrow();
        assertEquals(4, wait.cpu(), "the fifth task waits for a scheduler tag");
        assertTrue(ts.stream().noneMatch(t -> "UT".equals(t.action())), "its plug was empty: no UT");
    }

    @Test
    void rule33_whereTheCompletionRuns() {
        // Two hardware queues: inline on the dispatching CPU, in the submitting task.
        assertCompletedBy(scenario().kernel70("none").cpus(2).hwQueues(2), 1000, "inline with >= 2 hw queues");
        // One hardware queue serving two CPUs: BLOCK_SOFTIRQ on this CPU, deferred.
        assertCompletedBy(scenario().kernel70("none").cpus(2).hwQueues(1), 0, "softirq with a single hw queue");
        // One hardware queue, one ctx, completing on the submitter: local, inline.
        assertCompletedBy(scenario().kernel70("none").cpus(1).hwQueues(1), 1000, "local with one ctx");
    }

    private static void assertCompletedBy(ScenarioBuilder s, int pid, String why) {
        List<Transition> ts = RunRecorder.run(s.irq("softirq").job(job().cpus(0).rw("randread").ios(4)).build());
        List<Transition> c = ts.stream().filter(t -> "C".equals(t.action())).toList();
        assertEquals(4, c.size());
        assertTrue(c.stream().allMatch(t -> t.pid() == pid && t.cpu() == 0), why);
        assertTrue(ts.stream().noneMatch(t -> t.kind() == TransitionKind.IPI), why);
    }

    @Test
    void rule33_anIpiOnlyAcrossLastLevelCachesWhichHereAreNodes() {
        ScenarioBuilder s = scenario().kernel70("mq-deadline").costs(Costs.DEFAULT).cpus(4).hwQueues(2).irq("softirq")
                .job(job().allCpus().rw("randread").libaio().iodepth(4).ios(8));
        List<Transition> ts = RunRecorder.run(s.numaNodes(List.of(List.of(0, 1), List.of(2, 3))).build());
        List<Transition> ipis = ts.stream().filter(t -> t.kind() == TransitionKind.IPI).toList();
        assertFalse(ipis.isEmpty(), "mq-deadline hands requests of one node's hctx to the other's CPUs");
        for (Transition ipi : ipis) {
            assertTrue(ipi.cpu() / 2 != ipi.ctx() / 2, "an IPI crosses nodes: " + RunRecorder.describe(ipi));
            Transition c = ts.stream().filter(t -> "C".equals(t.action()) && t.req() == ipi.req()).findFirst().orElseThrow();
            assertEquals(ipi.ctx(), c.cpu(), "C on the submitting CPU");
        }
        assertTrue(RunRecorder.run(s.numaNodes(null).build()).stream().noneMatch(t -> t.kind() == TransitionKind.IPI),
                "one node shares its cache: no IPI");
    }

    @Test
    void rule39_nullBlkNeverUnplugsFromCommitRqs() {
        for (long seed = 0; seed < 200; seed++) {
            for (Transition t : RunRecorder.run(RandomScenarios.generate70(seed))) {
                if (t.kind() == TransitionKind.UNPLUG) {
                    assertTrue(Set.of("blk_mq_dispatch_queue_requests", "blk_mq_dispatch_list").contains(t.fn()), t.fn());
                }
            }
        }
    }

    private static int indexOf(List<Transition> ts, String action, int from) {
        for (int i = from; i < ts.size(); i++) if (action.equals(ts.get(i).action())) return i;
        throw new AssertionError("no " + action + " after " + from);
    }
}
