package org.blkflow.model;

import static org.blkflow.model.Kernel70PlugRulesTest.letters;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * A SCSI-like device's dispatch budget in 7.0 (spec kernel-6x.md §4.2, "Budget"): the budget before
 * the driver tag, a request without one goes back, and the put at completion runs the queue again.
 */
class BudgetTest {

    /** One CPU, three plugged reads, a budget of 1 and a 1 ms device. */
    private static List<Transition> threeReads(String scheduler) {
        return RunRecorder.run(scenario().kernel70(scheduler).budget(1).irq("timer").completionNs(1_000_000)
                .job(job().rw("randread").libaio().iodepth(3).ios(3).plug()).build());
    }

    /** "kind(action) fn" of each transition from {@code from} on, up to {@code to}. */
    private static List<String> moves(List<Transition> ts, int from, int to) {
        return ts.subList(from, to).stream().map(t -> t.t() + " " + t.kind().label()
                + (t.action() == null ? "" : "(" + t.action() + ")") + " " + t.fn() + (t.req() < 0 ? "" : " req" + t.req()))
                .toList();
    }

    @Test
    void underASchedulerThePassTakesOneRequestPerBudgetAndTheFreeRunsTheQueueAgain() {
        List<Transition> ts = threeReads("mq-deadline");
        assertEquals("Q G P Q G Q G U(3) I I I D C D C D C", letters(ts, true));
        // __blk_mq_do_dispatch_sched: the budget before dd_dispatch_request; the second pass finds
        // none, so the run ends after one request. The free puts the budget (sdev->restarts was
        // counted) and scsi_run_queue_async runs the hctx on kblockd.
        assertEquals(List.of(
                "0 run_queue blk_mq_sched_dispatch_requests",
                "0 elv_dispatch dd_dispatch_request req2",
                "0 issue(D) blk_mq_start_request req2",
                "0 queue_rq null_queue_rq req2",
                "1000000 complete(C) blk_update_request req2",
                "1000000 bio_end bio_endio req2",
                "1000000 free __blk_mq_free_request req2",
                "1000000 run_async blk_mq_delay_run_hw_queue",
                "1000000 run_queue blk_mq_sched_dispatch_requests",
                "1000000 elv_dispatch dd_dispatch_request req1",
                "1000000 issue(D) blk_mq_start_request req1"), moves(ts, 13, 24));
    }

    @Test
    void withoutASchedulerARequestRefusedItsBudgetIsBypassInsertedWithNoDAndNoR() {
        List<Transition> ts = threeReads("none");
        assertEquals("Q G P Q G Q G U(3) D U(1) I C D C D C", letters(ts, true));
        assertEquals(List.of(
                "0 unplug(U) blk_mq_dispatch_queue_requests",
                "0 issue(D) blk_mq_start_request req0",
                "0 queue_rq null_queue_rq req0",
                // blk_mq_issue_direct: blk_mq_get_budget_and_tag fails before queue_rq.
                "0 insert blk_mq_request_bypass_insert req1",
                // The synchronous run splices it, finds no budget (NO_BUDGET: needs_resource) with
                // SCHED_RESTART set, so a run in 3 ms; the rest of the plug is inserted.
                "0 run_queue blk_mq_sched_dispatch_requests",
                "0 run_async blk_mq_delay_run_hw_queue",
                "0 unplug(U) blk_mq_dispatch_list",
                "0 insert(I) blk_mq_insert_requests req2"), moves(ts, 9, 17));
        Transition bypass = ts.get(12);
        assertEquals(Place.plug(0), bypass.from());
        assertEquals(Place.hctx(0), bypass.to());
        // The first free gives the budget back and runs the queue: req1 goes long before the 3 ms run.
        Transition d1 = ts.stream().filter(t -> "D".equals(t.action()) && t.req() == 1).findFirst().orElseThrow();
        assertEquals(1_000_000, d1.t());
    }

    @Test
    void neverMoreRequestsIssuedThanTheBudget() {
        for (String sched : List.of("none", "mq-deadline", "kyber")) {
            List<Transition> ts = RunRecorder.run(scenario().kernel70(sched).budget(3).cpus(4).hwQueues(2).irq("timer")
                    .job(job().allCpus().rw("randrw").libaio().iodepth(8).ios(16)).build());
            int issued = 0;
            int most = 0;
            for (Transition t : ts) {
                if ("D".equals(t.action())) most = Math.max(most, ++issued);
                if ("C".equals(t.action()) || "R".equals(t.action())) issued--;
            }
            assertEquals(3, most, sched + ": the budget is reached and never passed");
            assertEquals(64, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).count(), sched);
        }
    }

    @Test
    void theInvariantCatchesAFourthIssueOnABudgetOfThree() {
        BudgetInvariant check = new BudgetInvariant(3);
        List<Transition> ds = RunRecorder.run(scenario().kernel70("none").irq("timer")
                .job(job().rw("randread").libaio().iodepth(4).ios(4)).build()).stream()
                .filter(t -> "D".equals(t.action())).toList();
        for (int i = 0; i < 3; i++) check.check(ds.get(i), null, null);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> check.check(ds.get(3), null, null));
        assertEquals("budget-in-use", v.invariant());
    }
}
