package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * kyber in Linux 7.0 (spec kernel-6x.md §3.5, §3.2 and §9 rule 29): domains, batches, tokens and
 * async_depth, as exact orders and counts.
 */
class KyberTest {

    private static boolean write(Transition t) {
        return t.rwbs().startsWith("W");
    }

    /** Most requests of a direction alive at once, between G and their free. */
    private static int maxLive(List<Transition> ts, boolean writes) {
        int live = 0;
        int max = 0;
        for (Transition t : ts) {
            if (t.req() < 0 || write(t) != writes) continue;
            if ("G".equals(t.action())) max = Math.max(max, ++live);
            if (t.kind() == TransitionKind.FREE) live--;
        }
        return max;
    }

    /** Most requests of a direction between D and C at once. */
    private static int maxInDevice(List<Transition> ts, boolean writes) {
        int in = 0;
        int max = 0;
        for (Transition t : ts) {
            if (t.req() < 0 || write(t) != writes) continue;
            if ("D".equals(t.action())) max = Math.max(max, ++in);
            if ("C".equals(t.action())) in--;
        }
        return max;
    }

    private static List<Transition> manyOf(String scheduler, String rw) {
        // hw_queue_depth 64: nr_requests = 128 scheduler tags; the 1 ms device keeps every request alive.
        return RunRecorder.run(scenario().kernel70(scheduler).depth(64).irq("timer").completionNs(1_000_000)
                .job(job().rw(rw).libaio().iodepth(200).ios(200)).build());
    }

    @Test
    void rule29_kyberLetsWritesHoldThreeQuartersOfTheSchedulerTagsAndReadsAll() {
        List<Transition> writes = manyOf("kyber", "randwrite");
        assertEquals(96, maxLive(writes, true), "async_depth = 128 × 75 / 100");
        assertTrue(writes.stream().anyMatch(t -> t.kind() == TransitionKind.SLEEP), "the 97th write waits");
        assertEquals(128, maxLive(manyOf("kyber", "randread"), false), "reads use every scheduler tag");
        assertEquals(128, maxLive(manyOf("mq-deadline", "randwrite"), true), "mq-deadline: async_depth = nr_requests");
    }

    @Test
    void insertIsTracedAndDispatchComesInDomainBatchesOf16ReadsThen8Writes() {
        // One plug of 32 mixed requests: U(32), I×32 into kyber, then the inline run takes them all
        // (64 driver tags) in kyber's order: reads in insert order while the read batch lasts, then
        // writes, and so on; the empty discard and other domains are skipped.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("kyber").depth(64).irq("timer")
                .completionNs(1_000_000).job(job().rw("randrw").libaio().iodepth(32).ios(32).plug()).build());
        assertTrue(letters(ts, false).startsWith("Q G P" + " Q G".repeat(31) + " U(32)" + " I".repeat(32) + " D"),
                letters(ts, false));
        List<Transition> inserts = ts.stream().filter(t -> "I".equals(t.action())).toList();
        assertTrue(inserts.stream().allMatch(t -> t.fn().equals("kyber_insert_requests")));
        List<Long> reads = new ArrayList<>(inserts.stream().filter(t -> !write(t)).map(Transition::req).toList());
        List<Long> writes = new ArrayList<>(inserts.stream().filter(KyberTest::write).map(Transition::req).toList());
        assertTrue(reads.size() > Kyber.BATCH[Kyber.READ] && writes.size() > Kyber.BATCH[Kyber.WRITE],
                "both batches are used up at least once: " + reads.size() + " reads, " + writes.size() + " writes");
        List<Long> expected = new ArrayList<>();
        boolean readTurn = true;
        while (!reads.isEmpty() || !writes.isEmpty()) {
            List<Long> from = readTurn ? reads : writes;
            int batch = Kyber.BATCH[readTurn ? Kyber.READ : Kyber.WRITE];
            for (int i = 0; i < batch && !from.isEmpty(); i++) expected.add(from.remove(0));
            readTurn = !readTurn;
        }
        List<Long> dispatched = ts.stream().filter(t -> "D".equals(t.action())).map(Transition::req).toList();
        assertEquals(expected, dispatched);
        List<Long> elv = ts.stream().filter(t -> t.kind() == TransitionKind.ELV_DISPATCH).map(Transition::req).toList();
        assertEquals(expected, elv, "each leaves kyber (kyber_dispatch_request) in the same order");
    }

    @Test
    void writeTokensLimitTheQueueTo128WritesInFlightAndAWakeBatchOfFreesRunsTheWaitingHctx() {
        // Four hctxs of 64 driver tags could have 256 writes in the device; the queue's 128 write
        // tokens allow 128. The hctxs left without a token wait on the token wait queue, and the
        // 8th free (wake_batch of a 128-deep sbitmap) runs them again.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("kyber").cpus(4).hwQueues(4).depth(64).irq("timer")
                .completionNs(1_000_000).job(job().allCpus().rw("randwrite").libaio().iodepth(64).ios(64)).build());
        assertEquals(Kyber.DEPTH[Kyber.WRITE], maxInDevice(ts, true));
        List<Transition> d = ts.stream().filter(t -> "D".equals(t.action())).toList();
        // At t = 0 the throttled hctxs also armed blk_mq_delay_run_hw_queues' 3 ms runs; the wake is
        // the first run asked for once completions begin.
        long firstC = ts.stream().filter(t -> "C".equals(t.action())).findFirst().orElseThrow().t();
        Transition wake = ts.stream().filter(t -> t.t() >= firstC && t.kind() == TransitionKind.RUN_ASYNC)
                .findFirst().orElseThrow();
        long frees = ts.stream().filter(t -> t.kind() == TransitionKind.FREE && t.seq() < wake.seq()).count();
        // kyber_finish_request wakes the hctx before __blk_mq_free_request traces the 8th free.
        assertEquals(7, frees, "the waiting hctx is run at the 8th token free (wake_batch 8)");
        int after = (int) wake.seq();
        while (ts.get(after).kind() == TransitionKind.RUN_ASYNC) after++;
        assertEquals(TransitionKind.FREE, ts.get(after).kind(), "every woken hctx is run, then the 8th free");
        assertTrue(after - wake.seq() >= 1);
        assertTrue(d.get(Kyber.DEPTH[Kyber.WRITE]).seq() > wake.seq(), "the 129th D comes from that run");
        assertEquals(256, d.size());
        assertEquals(4 * 64, ts.stream().filter(t -> "C".equals(t.action())).count());
    }
}
