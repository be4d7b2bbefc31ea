package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.Kernel70PlugRulesTest.repeat;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §9 rules 13 and 14 (§1.2 step 1 and 9, §1.3): a plug started with nr_ios &gt; 1
 * (io_uring's blk_start_plug_nr_ios, here fio's iodepth_batch_submit) takes its tags in one batch;
 * each bio takes one cached request with one G; the unused ones are freed at the plug's flush with
 * no trace event. One CPU, one hardware queue, scheduler none, null_blk completing inline; C's left
 * out as the rule lists none.
 */
class Kernel70CachedRequestRulesTest {

    private static List<Transition> run(int bios, ScenarioBuilder.JobBuilder job) {
        return RunRecorder.run(scenario().kernel70("none").irq("none").depth(64)
                .job(job.rw("randread").iodepth(8).ioUringBatch(8).ios(bios)).build());
    }

    private static List<Transition> kind(List<Transition> ts, TransitionKind k) {
        return ts.stream().filter(t -> t.kind() == k).toList();
    }

    /**
     * Rule 13, 8 bios: the first bio's allocation takes 8 tags of one sbitmap word (16 bits each at
     * depth 64), the 7 lowest go to the plug's cache (7 cache moves, no letter) and the highest to the
     * first bio; bios 2–8 pop the cache's head, so G's tags fall by one each time. The plug holds 8
     * requests, none over a limit, so the finish is U(8) and 8 D's (queue_rqs, no I).
     */
    @Test
    void rule13_eightBiosTakeEightTagsInOneBatchAndUseThemInDescendingOrder() {
        List<Transition> ts = run(8, job());
        assertEquals("Q G P" + repeat("Q G", 7) + " U(8)" + repeat("D", 8), letters(ts, false));
        List<Transition> cached = kind(ts, TransitionKind.CACHE);
        assertEquals(7, cached.size(), "one batch: the first bio's tag and 7 cached");
        Transition firstG = kind(ts, TransitionKind.GETRQ).get(0);
        assertTrue(cached.stream().allMatch(c -> c.seq() < firstG.seq() && c.t() == firstG.t()
                && "__blk_mq_alloc_requests_batch".equals(c.fn()) && c.action() == null
                && c.to().equals(Place.cached(0))), "all cached in the first bio's allocation");
        List<Integer> tags = kind(ts, TransitionKind.GETRQ).stream().map(Transition::tag).toList();
        assertEquals(8, tags.size(), "exactly one G per bio");
        for (int i = 1; i < tags.size(); i++) assertEquals(tags.get(0) - i, tags.get(i), "descending: " + tags);
        assertEquals(0, tags.get(7) % 16, "the run starts at its word's first free bit: " + tags);
        for (Transition g : kind(ts, TransitionKind.GETRQ).subList(1, 8)) {
            assertEquals(Place.cached(0), g.from(), "bios 2–8 take a cached request");
        }
        assertEquals(0, ts.stream().filter(t -> "blk_mq_free_plug_rqs".equals(t.fn())).count(), "nothing left to free");
    }

    /**
     * Rule 13, 5 bios: the batch still takes nr_ios = 8 tags; bios 2–5 take the next four; at the
     * plug's end U(5) D×5, then blk_mq_free_plug_rqs frees the 3 left (the lowest tags) with no
     * blktrace event.
     */
    @Test
    void rule13_fiveBiosLeaveThreeCachedRequestsFreedSilentlyAtThePlugsEnd() {
        List<Transition> ts = run(5, job());
        assertEquals("Q G P" + repeat("Q G", 4) + " U(5)" + repeat("D", 5), letters(ts, false));
        List<Transition> unused = ts.stream().filter(t -> "blk_mq_free_plug_rqs".equals(t.fn())).toList();
        assertEquals(3, unused.size());
        assertTrue(unused.stream().allMatch(t -> t.kind() == TransitionKind.FREE && t.action() == null
                && t.from().equals(Place.cached(0)) && t.to().equals(Place.NONE)));
        int lowestUsed = kind(ts, TransitionKind.GETRQ).stream().mapToInt(Transition::tag).min().orElseThrow();
        assertEquals(List.of(lowestUsed - 1, lowestUsed - 2, lowestUsed - 3), unused.stream().map(Transition::tag).toList(),
                "the cache's head first: the highest of the unused");
        Transition lastD = ts.stream().filter(t -> "D".equals(t.action())).reduce((a, b) -> b).orElseThrow();
        assertTrue(unused.get(0).seq() > lastD.seq(), "freed after blk_mq_flush_plug_list, by __blk_flush_plug");
    }

    /** Without a batch (nr_ios 1) every bio allocates its own tag: no cache moves at all. */
    @Test
    void withoutABatchNothingIsCached() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").depth(64)
                .job(job().rw("randread").iodepth(8).libaio().plug().ios(8)).build());
        assertEquals(0, kind(ts, TransitionKind.CACHE).size());
    }

    /**
     * Rule 13's batch is refused under a shallow depth (blk_mq_get_tags): writes under mq-deadline
     * have async_depth as theirs, so each write allocates alone; reads take the batch of scheduler tags.
     */
    @Test
    void rule13_aShallowDepthRefusesTheBatch() {
        List<Transition> writes = RunRecorder.run(scenario().kernel70("mq-deadline").irq("none").depth(64)
                .job(job().rw("randwrite").iodepth(8).ioUringBatch(8).ios(8)).build());
        assertEquals(0, kind(writes, TransitionKind.CACHE).size());
        List<Transition> reads = RunRecorder.run(scenario().kernel70("mq-deadline").irq("none").depth(64)
                .job(job().rw("randread").iodepth(8).ioUringBatch(8).ios(8)).build());
        assertEquals(7, kind(reads, TransitionKind.CACHE).size());
    }

    /**
     * Rule 14 in a run: a polled job's batch is allocated on its poll hctx (hctx 1, after the one
     * submit queue), and its polled bios take those requests — all 8 on the POLL hctx, one batch.
     */
    @Test
    void rule14_polledBiosTakeThePollHctxsCachedRequests() {
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").pollQueues(1).depth(64)
                .job(job().rw("randread").iodepth(8).polled().ioUringBatch(8).ios(8)).build());
        assertEquals(7, kind(ts, TransitionKind.CACHE).size());
        assertTrue(kind(ts, TransitionKind.CACHE).stream().allMatch(c -> c.hctx() == 1));
        assertTrue(kind(ts, TransitionKind.GETRQ).stream().allMatch(g -> g.hctx() == 1));
        assertEquals(7, kind(ts, TransitionKind.GETRQ).stream().filter(g -> g.from().kind() == PlaceKind.CACHED).count());
    }

    /**
     * Rule 14's refusals, on blk_mq_peek_cached_request itself (a task's bios share one hctx type, so
     * no scenario can offer a mismatch): a POLLED bio never takes a request of a non-poll hctx, nor a
     * plain bio a poll hctx's; a matching one is popped from the head and takes the bio's direction.
     */
    @Test
    void rule14_aCachedRequestOfAnotherHctxTypeIsNotTaken() {
        HardwareQueue dflt = new HardwareQueue(0, new TagSet<>(8, 0));
        HardwareQueue poll = new HardwareQueue(1, new TagSet<>(8, 0));
        Hctx70 x0 = new Hctx70(dflt, null, null);
        Hctx70 x1 = new Hctx70(poll, null, null);
        x1.poll = true;
        PlugCache70 cache = new PlugCache70(null, new Hctx70[] {x0, x1}, null);
        Bio plain = new Bio(1, null, 0, 8, false, true);
        Bio polled = new Bio(2, null, 8, 8, true, true);
        polled.polled = true;

        Plug plug = new Plug(8);
        Request onDefault = new Request(10, new SoftwareQueue(0, dflt, 0, 0), dflt, 3, plain);
        plug.cachedRqs.addFirst(onDefault);
        assertNull(cache.take(plug, polled), "POLLED bio, DEFAULT request");
        assertSame(onDefault, cache.take(plug, plain));
        assertTrue(onDefault.write == plain.write && plug.cachedRqs.isEmpty());

        Request onPoll = new Request(11, new SoftwareQueue(0, poll, 0, 0), poll, 4, polled);
        plug.cachedRqs.addFirst(onPoll);
        assertNull(cache.take(plug, plain), "plain bio, POLL request");
        assertSame(onPoll, cache.take(plug, polled));
        assertTrue(onPoll.write, "blk_mq_use_cached_rq gives it the bio's flags");
        assertFalse(cache.take(plug, polled) != null, "an empty cache offers nothing");
    }
}
