package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §9, rules 23, 24, 26 and 38: null_blk's requeue injection
 * (blk_mq_requeue_request and kblockd's requeue work), mq-deadline's head inserts on dd->dispatch,
 * and requests absorbed by another (attempt_merge after a bio merge, elv_attempt_insert_merge).
 * Each expected sequence is derived in its test from the spec's sections.
 */
class Kernel70RequeueRulesTest {

    private static final String KWORKER = "kworker/0:1H";

    @Test
    void rule38_noneTheDriverRequeuesDRThenTheRequeueWorkInsertsAtTheCtxHeadAndIssuesAgain() {
        // requeue=2,100,0,-1: the 2nd null_queue_rq call is refused. Read 1 is rule 1's Q G P U(1) D C.
        // Read 2: Q G P U(1), D in null_queue_rqs (call 2) → blk_mq_requeue_request: R, to
        // q->requeue_list, OK returned; kblockd's blk_mq_requeue_work: I at the ctx list's head
        // (blk_mq_insert_request, AT_HEAD), blk_mq_run_hw_queues → flush_busy_ctxs → D (call 3) → C
        // inline (irqmode 0). Without a scheduler the request keeps its one tag throughout (§4.5).
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").requeueEvery(2)
                .job(job().rw("randread").ios(2)).build());
        assertEquals("Q G P U(1) D C Q G P U(1) D R I D C", letters(ts, true));
        Transition r = only(ts, t -> "R".equals(t.action()));
        assertEquals("blk_mq_requeue_request", r.fn());
        assertEquals("driver:0 -> requeue:0", r.from() + " -> " + r.to());
        Transition i = after(ts, r, t -> "I".equals(t.action()));
        assertEquals("blk_mq_insert_request", i.fn());
        assertEquals("requeue:0 -> ctx:0", i.from() + " -> " + i.to());
        assertEquals(KWORKER, i.comm(), "the requeue work runs on kblockd");
        Transition d2 = after(ts, i, t -> "D".equals(t.action()));
        assertEquals(r.req(), d2.req());
        assertEquals(KWORKER, d2.comm());
        Transition g = ts.stream().filter(t -> "G".equals(t.action()) && t.req() == r.req()).findFirst().orElseThrow();
        assertTrue(g.tag() >= 0 && ts.stream().filter(t -> t.req() == r.req() && t.tag() >= 0)
                .allMatch(t -> t.tag() == g.tag()), "the request keeps its tag");
    }

    @Test
    void rule38_mqDeadlineTheRequeueWorkInsertsOnDdDispatchWithIAndTheDriverTagIsTakenAgain() {
        // As above with mq-deadline (rule 2: Q G P U(1) I D C). The R puts the driver tag of this
        // scheduler-tagged request (§4.5), the requeue work's blk_mq_insert_request goes through
        // dd_insert_request with AT_HEAD (I, dd->dispatch), and the run's dd_dispatch_request takes
        // it first; blk_mq_get_driver_tag gives it a driver tag for its second D.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("mq-deadline").irq("none").requeueEvery(2)
                .job(job().rw("randread").ios(2)).build());
        assertEquals("Q G P U(1) I D C Q G P U(1) I D R I D C", letters(ts, true));
        Transition r = only(ts, t -> "R".equals(t.action()));
        Transition d1 = before(ts, r, t -> "D".equals(t.action()));
        assertTrue(d1.tag() >= 0, "a driver tag at dispatch");
        assertEquals(-1, r.tag(), "given back at R");
        Transition i = after(ts, r, t -> "I".equals(t.action()));
        assertEquals("dd_insert_request requeue:0 -> elv:0 " + KWORKER, i.fn() + " " + i.from() + " -> " + i.to() + " " + i.comm());
        Transition d2 = after(ts, i, t -> "D".equals(t.action()));
        assertEquals(r.req(), d2.req());
        assertTrue(d2.tag() >= 0);
    }

    @Test
    void rule38_noRequeueWithoutInjectionAndEveryNthCallOnly() {
        List<Transition> none = RunRecorder.run(scenario().kernel70("none").irq("none")
                .job(job().rw("randread").ios(12)).build());
        assertTrue(none.stream().noneMatch(t -> "R".equals(t.action())), "requeueEvery 0: never");
        // requeue=4: calls 4, 8, 12 … are refused. 12 reads one after the other make 12 + 3 calls
        // (each refused call costs one more): calls 4, 8 and 12 are refused, call 16 never happens.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("none").irq("none").requeueEvery(4)
                .job(job().rw("randread").ios(12)).build());
        List<Transition> d = ts.stream().filter(t -> "D".equals(t.action())).toList();
        assertEquals(15, d.size());
        for (int call = 1; call <= d.size(); call++) {
            Transition next = ts.get((int) d.get(call - 1).seq() + 1);
            boolean refused = next.kind() == TransitionKind.REQUEUE;
            assertEquals(call % 4 == 0, refused, "call " + call);
        }
    }

    @Test
    void rule23_aHeadInsertOnDdDispatchIsDispatchedBeforeTheQueuedRequests() {
        // mq-deadline, a 3-command budget, requeue=3, 5 plugged writes, each completing 1 ms after D.
        // U(5) I×5; the scheduler pass takes budget for 3 (D1 D2 D3, sector order); call 3 is
        // refused: R3, its budget back; the next pass takes D4 (call 4); the budget is then used up
        // (requests 1, 2, 4), so request 5 stays in mq-deadline's FIFO and tree. kblockd's requeue
        // work re-inserts request 3 at the head: I onto dd->dispatch, while request 5 is queued.
        // At 1 ms the completions put budget back and rerun the queue: dd_dispatch_request serves
        // dd->dispatch first, so request 3's D comes before request 5's, though request 5 was
        // queued before the re-insert and lies above the last dispatched sector.
        List<Transition> ts = RunRecorder.run(scenario().kernel70("mq-deadline").irq("timer").completionNs(1_000_000)
                .budget(3).requeueEvery(3).job(job().rw("randwrite").libaio().iodepth(5).ios(5).plug()).build());
        String l = letters(ts, true);
        assertTrue(l.startsWith("Q G P Q G Q G Q G Q G U(5) I I I I I D D D R D I "), l);
        Transition r = only(ts, t -> "R".equals(t.action()) && t.t() == 0);
        Transition reinsert = after(ts, r, t -> "I".equals(t.action()));
        assertEquals(r.req(), reinsert.req());
        assertEquals("requeue:0 -> elv:0", reinsert.from() + " -> " + reinsert.to());
        long fifth = ts.stream().filter(t -> "I".equals(t.action())).skip(4).findFirst().orElseThrow().req();
        Transition fifthD = ts.stream().filter(t -> "D".equals(t.action()) && t.req() == fifth).findFirst().orElseThrow();
        assertTrue(fifthD.seq() > reinsert.seq(), "request 5 was still queued at the head insert");
        Transition secondD = after(ts, reinsert, t -> "D".equals(t.action()));
        assertEquals(r.req(), secondD.req(), "dd->dispatch before the FIFOs and sorted lists");
        assertEquals(1_000_000, secondD.t());
        Transition elv = after(ts, reinsert, t -> t.kind() == TransitionKind.ELV_DISPATCH);
        assertEquals(r.req(), elv.req());
    }

    @Test
    void rule26_anInsertMergeAbsorbsTheNewRequestMWithItsOwnRangeNoIDOrC() {
        // Rule 9's writes A, B, C (C = A + 8, B apart) under a caller plug, now with mq-deadline:
        // the plug merge sees only the tail B, and A is not in the scheduler yet, so C gets its own
        // request: Q G P Q G Q G. At the finish, U(3); dd_insert_request inserts A (I, and A becomes
        // q->last_merge) and B (I); for C, elv_attempt_insert_merge finds last_merge A ending where C
        // starts: attempt_merge appends C to A and traces C's request as M (its own 8 sectors), with
        // no I. The run dispatches A (16 sectors) and B: D C D C inline.
        Found f = find(seed -> scenario().seed(seed).kernel70("mq-deadline").irq("none")
                .job(job().rw("randwrite").size(32 * 1024).libaio().iodepth(3).ios(3).plug()).build(),
                q -> apart(q.get(0), q.get(1)) && apart(q.get(1), q.get(2)) && q.get(2) == q.get(0) + 8);
        List<Transition> ts = f.ts;
        assertEquals("Q G P Q G Q G U(3) I I M D C D C", letters(ts, true), "seed " + f.seed);
        long a = requestOf(ts, 0);
        long c = requestOf(ts, 2);
        Transition m = only(ts, t -> t.kind() == TransitionKind.RQ_MERGE);
        assertEquals(c, m.req());
        assertEquals(a, m.count(), "absorbed by A");
        assertEquals(f.q.get(2) + "+8", m.sector() + "+" + m.sectors(), "its own range");
        assertEquals("attempt_merge plug:0 -> merged", m.fn() + " " + m.from() + " -> " + m.to());
        absorbedOnlyFreed(ts, c);
        assertTrue(ts.stream().noneMatch(t -> t.req() == c && "I".equals(t.action())), "absorbed at insert: no I");
        Transition ca = only(ts, t -> "C".equals(t.action()) && t.req() == a);
        assertEquals(f.q.get(0) + "+16", ca.sector() + "+" + ca.sectors());
        assertEquals(List.of(0L, 2L), biosEndedWith(ts, a), "C's bio ends with A's single C");
    }

    @Test
    void rule26_anInsertMergeIsOnlyABackMerge() {
        // C = A − 8 instead: no queued request ends where C starts, so C is inserted (I) and no
        // request is absorbed — elv_attempt_insert_merge has no front variant.
        Found f = find(seed -> scenario().seed(seed).kernel70("mq-deadline").irq("none")
                .job(job().rw("randwrite").size(32 * 1024).libaio().iodepth(3).ios(3).plug()).build(),
                q -> apart(q.get(0), q.get(1)) && apart(q.get(1), q.get(2)) && q.get(2) == q.get(0) - 8);
        assertEquals("Q G P Q G Q G U(3) I I I D C D C D C", letters(f.ts, true), "seed " + f.seed);
    }

    /** mq-deadline holding requests: a 1-command budget keeps all but the first in the scheduler. */
    private static Function<Long, org.blkflow.scenario.Scenario> heldInScheduler(int ios) {
        return seed -> scenario().seed(seed).kernel70("mq-deadline").irq("timer").completionNs(1_000_000).budget(1)
                .job(job().rw("randwrite").size(64 * 1024).libaio().iodepth(ios).ios(ios)).build();
    }

    @Test
    void rule24_aBackMergeBioIntoAHeldRequestIsQMOnly() {
        // No caller plug: bio 1 is dispatched (Q G P U(1) I D) and holds the one budget; bio 2 gets
        // a request that stays in mq-deadline (Q G P U(1) I). Bio 3 starts where it ends:
        // dd_bio_merge back-merges it (Q M) — no G, P or U; nothing follows it in sector order.
        Found f = find(heldInScheduler(3), q -> apart(q.get(0), q.get(1)) && apart(q.get(0), q.get(2))
                && q.get(2) == q.get(1) + 8);
        assertEquals("Q G P U(1) I D Q G P U(1) I Q M C D C", letters(f.ts, true), "seed " + f.seed);
        assertEquals(TransitionKind.BACKMERGE, only(f.ts, t -> "M".equals(t.action())).kind());
    }

    @Test
    void rule24_aFrontMergeBioIntoAHeldRequestIsQF() {
        // The same with bio 3 ending where request 2 starts: request 2 is q->last_merge, so
        // elv_merge's one-hit cache finds the front merge: Q F.
        Found f = find(heldInScheduler(3), q -> apart(q.get(0), q.get(1)) && apart(q.get(0), q.get(2))
                && q.get(2) == q.get(1) - 8);
        assertEquals("Q G P U(1) I D Q G P U(1) I Q F C D C", letters(f.ts, true), "seed " + f.seed);
        Transition front = only(f.ts, t -> "F".equals(t.action()));
        assertEquals(requestOf(f.ts, 1), front.req());
    }

    @Test
    void rule24_aBackMergeThatReachesTheNextRequestAbsorbsIt() {
        // Requests R (bio 2) and N (bio 3, R + 16) wait in mq-deadline. Bio 4 at R + 8 back-merges
        // into R (q->last_merge), Q M; attempt_back_merge then finds N as R's elv_latter_request,
        // contiguous now: attempt_merge absorbs it, an extra M (request N, its own 8 sectors), and N
        // is freed. At 1 ms bio 1's C puts the budget back; R is issued with 24 sectors and ends bio
        // 2, 4 and 3 with its one C.
        Found f = find(heldInScheduler(4), q -> apart(q.get(0), q.get(1)) && apart(q.get(0), q.get(2))
                && apart(q.get(0), q.get(3)) && q.get(2) == q.get(1) + 16 && q.get(3) == q.get(1) + 8);
        List<Transition> ts = f.ts;
        assertEquals("Q G P U(1) I D Q G P U(1) I Q G P U(1) I Q M M C D C", letters(ts, true), "seed " + f.seed);
        long r = requestOf(ts, 1);
        long n = requestOf(ts, 2);
        List<Transition> ms = ts.stream().filter(t -> "M".equals(t.action())).toList();
        assertEquals(TransitionKind.BACKMERGE, ms.get(0).kind());
        assertEquals(r, ms.get(0).req());
        assertEquals(TransitionKind.RQ_MERGE, ms.get(1).kind());
        assertEquals(n + " into " + r + " at " + f.q.get(2) + "+8", ms.get(1).req() + " into " + ms.get(1).count()
                + " at " + ms.get(1).sector() + "+" + ms.get(1).sectors());
        absorbedOnlyFreed(ts, n);
        Transition d = only(ts, t -> "D".equals(t.action()) && t.req() == r);
        assertEquals(f.q.get(1) + "+24", d.sector() + "+" + d.sectors());
        assertEquals(List.of(1L, 3L, 2L), biosEndedWith(ts, r));
    }

    @Test
    void rule24_aFrontMergeThatReachesThePreviousRequestIsAbsorbedIntoIt() {
        // R (bio 2) is inserted first and so is q->last_merge; P (bio 3) lies at R − 16. Bio 4 at
        // R − 8 front-merges into R (Q F); attempt_front_merge finds P as R's elv_former_request,
        // now contiguous: R is the one absorbed — M with R's range after the front merge (16
        // sectors from R − 8) — and P carries all three bios.
        Found f = find(heldInScheduler(4), q -> apart(q.get(0), q.get(1)) && apart(q.get(0), q.get(2))
                && apart(q.get(0), q.get(3)) && q.get(2) == q.get(1) - 16 && q.get(3) == q.get(1) - 8);
        List<Transition> ts = f.ts;
        assertEquals("Q G P U(1) I D Q G P U(1) I Q G P U(1) I Q F M C D C", letters(ts, true), "seed " + f.seed);
        long r = requestOf(ts, 1);
        long p = requestOf(ts, 2);
        Transition m = only(ts, t -> t.kind() == TransitionKind.RQ_MERGE);
        assertEquals(r + " into " + p + " at " + f.q.get(3) + "+16", m.req() + " into " + m.count() + " at "
                + m.sector() + "+" + m.sectors());
        absorbedOnlyFreed(ts, r);
        assertEquals(List.of(2L, 3L, 1L), biosEndedWith(ts, p));
    }

    // --- helpers -------------------------------------------------------------------------------

    private record Found(long seed, List<Transition> ts, List<Long> q) { }

    /** The first seed whose Q sectors satisfy {@code wanted}: random sectors, searched for the rule's layout. */
    private static Found find(Function<Long, org.blkflow.scenario.Scenario> scenario, Predicate<List<Long>> wanted) {
        for (long seed = 1; seed < 5_000; seed++) {
            List<Transition> ts = RunRecorder.run(scenario.apply(seed));
            List<Long> q = ts.stream().filter(t -> "Q".equals(t.action())).map(Transition::sector).toList();
            if (wanted.test(q)) return new Found(seed, ts, q);
        }
        throw new AssertionError("no seed gave the layout");
    }

    /** Neither equal nor adjacent (4 KiB bios: 8 sectors). */
    private static boolean apart(long x, long y) {
        return Math.abs(x - y) > 8;
    }

    /** The request bio {@code bio} got at G. */
    private static long requestOf(List<Transition> ts, long bio) {
        return ts.stream().filter(t -> "G".equals(t.action()) && t.bio() == bio).findFirst().orElseThrow().req();
    }

    /**
     * An absorbed request's moves after its M: only the free that gives its scheduler tag back; never
     * a D or C. (One absorbed while queued had its I at insert; one absorbed at insert has none.)
     */
    private static void absorbedOnlyFreed(List<Transition> ts, long req) {
        Transition m = only(ts, t -> t.kind() == TransitionKind.RQ_MERGE && t.req() == req);
        List<Transition> later = ts.stream().filter(t -> t.seq() > m.seq() && t.req() == req).toList();
        assertEquals(1, later.size(), "after M: " + later);
        assertEquals("free blk_mq_free_request merged", later.get(0).kind().label() + " " + later.get(0).fn() + " "
                + later.get(0).from());
        assertTrue(ts.stream().noneMatch(t -> t.req() == req && ("D".equals(t.action()) || "C".equals(t.action()))),
                "no D or C ever");
    }

    private static List<Long> biosEndedWith(List<Transition> ts, long req) {
        return ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END && t.req() == req).map(Transition::bio).toList();
    }

    private static Transition only(List<Transition> ts, Predicate<Transition> p) {
        List<Transition> all = ts.stream().filter(p).toList();
        assertEquals(1, all.size(), "exactly one: " + all);
        return all.get(0);
    }

    private static Transition after(List<Transition> ts, Transition from, Predicate<Transition> p) {
        Transition t = ts.stream().filter(x -> x.seq() > from.seq() && p.test(x)).findFirst().orElse(null);
        assertNotNull(t, "none after seq " + from.seq());
        return t;
    }

    private static Transition before(List<Transition> ts, Transition to, Predicate<Transition> p) {
        return ts.stream().filter(x -> x.seq() < to.seq() && p.test(x)).reduce((x, y) -> y).orElseThrow();
    }
}
