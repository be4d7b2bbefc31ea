package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.Kernel70PlugRulesTest.repeat;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.transition.TagShares;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §9, rules 10 and 30: several null_blk devices (nr_devices) in one run. Device d's
 * hctx h is hctx d × hctxs per device + h, so with one hardware queue each nullb0 is hctx 0 and
 * nullb1 hctx 1; a job's devices are fio's filename list, taken round robin.
 */
class Kernel70DevicesRulesTest {

    /**
     * Rule 10: a caller plug, two devices without a scheduler, 40 random writes alternating X, Y. The
     * second request sets multiple_queues, so the limit is 64 and nothing flushes before the finish,
     * which is U(20) and X's 20 D's in submission order, then U(20) and Y's.
     */
    @Test
    void rule10_twoQueuesInOnePlugFlushAsOneUPerQueueInOrderOfFirstRequest() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").devices(2, false)
                .job(job().rw("randwrite").libaio().iodepth(40).ios(40).plug().devices(0, 1)).build());
        assertEquals("Q G P" + repeat("Q G", 39) + " U(20)" + repeat("D", 20) + " U(20)" + repeat("D", 20),
                letters(ts, false));
        List<Transition> unplugs = ts.stream().filter(t -> "U".equals(t.action())).toList();
        assertEquals(List.of(0, 1), unplugs.stream().map(Transition::hctx).toList(), "X's queue first, then Y's");
        List<Transition> issued = ts.stream().filter(t -> "D".equals(t.action())).toList();
        for (int i = 0; i < 40; i++) {
            // Request ids follow submission: X's are the even ones, Y's the odd ones.
            long expected = i < 20 ? 2L * i : 2L * (i - 20) + 1;
            assertEquals(expected, issued.get(i).req(), "D " + i);
            assertEquals(i < 20 ? 0 : 1, issued.get(i).hctx(), "D " + i + " on its own device's hctx");
        }
        assertEquals("blk_mq_dispatch_queue_requests", unplugs.get(0).fn());
    }

    /** Without the second device the same 40 writes flush at 32, as rule 6 says: the 64 is the two queues'. */
    @Test
    void rule10_oneQueueKeepsTheLimitOf32() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").devices(2, false)
                .job(job().rw("randwrite").libaio().iodepth(40).ios(40).plug().devices(0)).build());
        assertTrue(letters(ts, false).startsWith("Q G P" + repeat("Q G", 31) + " Q G U(32)"), letters(ts, false));
    }

    /**
     * Rule 10's merge half: writes x1 y1 x2 y2 x3; at x3 the plug's tail is Y's, so only X's oldest
     * request x1 is tried. Random offsets in a small region give x3 adjacent to x1 only (it merges)
     * and adjacent to x2 only (it does not) for some seeds; the first of each is used.
     */
    @Test
    void rule10_aBioIsPlugMergeCheckedOnlyAgainstItsQueuesOldestRequest() {
        boolean oldest = false;
        boolean newer = false;
        for (long seed = 1; seed < 3_000 && !(oldest && newer); seed++) {
            List<Transition> ts = RunRecorder.run(scenario().seed(seed).kernel70("none").irq("none").devices(2, false)
                    .job(job().rw("randwrite").size(64 * 1024).libaio().iodepth(5).ios(5).plug().devices(0, 1)).build());
            List<Long> q = ts.stream().filter(t -> "Q".equals(t.action())).map(Transition::sector).toList();
            long x1 = q.get(0);
            long x2 = q.get(2);
            long x3 = q.get(4);
            boolean y2MergedIntoY1 = Math.abs(q.get(1) - q.get(3)) == 8;
            if (y2MergedIntoY1 || Math.abs(x1 - x2) <= 8) continue;
            String l = letters(ts, false);
            if (x3 == x1 + 8 && Math.abs(x3 - x2) > 8 && !oldest) {
                assertEquals("Q G P Q G Q G Q G Q M U(2) D D U(2) D D", l, "seed " + seed + ": x3 merges into x1");
                oldest = true;
            }
            if (x3 == x2 + 8 && Math.abs(x3 - x1) > 8 && x3 + 8 != x1 && !newer) {
                assertEquals("Q G P Q G Q G Q G Q G U(3) D D D U(2) D D", l, "seed " + seed + ": x2 is not tried");
                newer = true;
            }
        }
        assertTrue(oldest && newer, "both cases came up");
    }

    /**
     * Rule 30: two devices share a tag set of 64 (shared_tags, nr_devices=2, none), both active. Job
     * B on nullb1 holds 8 tags; job A on nullb0 gets 32 and its 33rd allocation waits — a tag wait with
     * no letter — though 24 tags are free; it goes on once its own requests complete.
     */
    @Test
    void rule30_aQueueOverItsFairShareWaitsThoughTagsAreFree() {
        List<Transition> ts = RunRecorder.run(fairShare(2, true, 40));
        List<Transition> a = ts.stream().filter(t -> t.comm().equals("a")).toList();
        Transition wait = a.stream().filter(t -> t.kind() == TransitionKind.SLEEP).findFirst().orElseThrow();
        assertEquals(null, wait.action());
        assertEquals("blk_mq_get_tag", wait.fn());
        assertEquals("tagwait:0", wait.to().toString());
        long gBefore = a.stream().filter(t -> "G".equals(t.action()) && t.seq() < wait.seq()).count();
        assertEquals(32, gBefore, "max(ceil(64 / 2), 4) = 32 tags before the wait");
        long heldByB = ts.stream().filter(t -> "G".equals(t.action()) && t.comm().equals("b") && t.seq() < wait.seq())
                .count();
        assertEquals(8, heldByB, "B holds its 8, so 64 - 40 = 24 tags are free at the wait");
        assertTrue(ts.stream().noneMatch(t -> t.comm().equals("b") && t.kind() == TransitionKind.SLEEP), "B never waits");
        Transition firstC = ts.stream().filter(t -> "C".equals(t.action()) && t.hctx() == 0).findFirst().orElseThrow();
        Transition nextG = a.stream().filter(t -> "G".equals(t.action()) && t.seq() > wait.seq()).findFirst().orElseThrow();
        assertTrue(nextG.seq() > firstC.seq(), "A's 33rd G only after one of its own requests completed");
        assertEquals(40, a.stream().filter(t -> "G".equals(t.action())).count());
    }

    /** The same without shared tags, and with them on one device: A takes all 40 at once. */
    @Test
    void rule30_noShareWithoutSharedTagsOrASecondDevice() {
        for (var s : List.of(fairShare(2, false, 40), fairShare(1, true, 40))) {
            List<Transition> ts = RunRecorder.run(s);
            assertTrue(ts.stream().noneMatch(t -> t.kind() == TransitionKind.SLEEP), s.device().toString());
        }
    }

    /**
     * Four devices, all active, their tasks interleaved by the default CPU costs: the share is 16 of
     * 64 and each queue's 17th allocation waits; with 20 users it would be the floor of 4.
     */
    @Test
    void rule30_theShareShrinksWithEveryActiveQueueDownTo4() {
        assertEquals(32, TagShares.fairShare(64, 2));
        assertEquals(22, TagShares.fairShare(64, 3));
        assertEquals(4, TagShares.fairShare(64, 20));
        List<Transition> ts = RunRecorder.run(fourDevices(org.blkflow.scenario.Costs.DEFAULT));
        for (String job : List.of("a", "b", "c", "d")) assertEquals(16, gsBeforeWait(ts, job), job);
    }

    /**
     * The share limits allocations only: with zero costs a's whole batch runs before b's first bio,
     * so a alone takes 20, b 20 (share 32), c 20 (share 22), and d, the fourth, finds 4 tags left —
     * it waits because the set is full, and the others keep what they took (no tag is taken back).
     */
    @Test
    void rule30_aQueueKeepsWhatItTookBeforeOthersBecameActive() {
        List<Transition> ts = RunRecorder.run(fourDevices(org.blkflow.scenario.Costs.ZERO));
        for (String job : List.of("a", "b", "c")) {
            assertTrue(ts.stream().noneMatch(t -> t.comm().equals(job) && t.kind() == TransitionKind.SLEEP), job);
        }
        assertEquals(4, gsBeforeWait(ts, "d"));
    }

    private static org.blkflow.scenario.Scenario fourDevices(org.blkflow.scenario.Costs costs) {
        return scenario().kernel70("none").cpus(4).irq("timer").completionNs(1_000_000).costs(costs).devices(4, true)
                .job(job().name("a").cpus(0).rw("randread").libaio().iodepth(20).ios(20).devices(0))
                .job(job().name("b").cpus(1).rw("randread").libaio().iodepth(20).ios(20).devices(1))
                .job(job().name("c").cpus(2).rw("randread").libaio().iodepth(20).ios(20).devices(2))
                .job(job().name("d").cpus(3).rw("randread").libaio().iodepth(20).ios(20).devices(3)).build();
    }

    /** The job's G's before its first tag wait. */
    private static long gsBeforeWait(List<Transition> ts, String job) {
        Transition wait = ts.stream().filter(t -> t.comm().equals(job) && t.kind() == TransitionKind.SLEEP)
                .findFirst().orElseThrow();
        return ts.stream().filter(t -> t.comm().equals(job) && "G".equals(t.action()) && t.seq() < wait.seq()).count();
    }

    /** A on nullb0 (CPU 0, {@code aDepth} reads in flight), B on the last device (CPU 1, 8); completions 1 ms away. */
    static org.blkflow.scenario.Scenario fairShare(int devices, boolean shared, int aDepth) {
        return scenario().kernel70("none").cpus(2).irq("timer").completionNs(1_000_000).devices(devices, shared)
                .job(job().name("b").cpus(1).rw("randread").libaio().iodepth(8).ios(8).devices(devices - 1))
                .job(job().name("a").cpus(0).rw("randread").libaio().iodepth(aDepth).ios(aDepth).devices(0)).build();
    }
}
