package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.IrqMode;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * One request through xen-blkfront, the ring, blkback in dom0, dom0's null_blk (without a queue, or as a blk-mq
 * queue) and back, as exact sequences.
 */
class XenBlkbackSequenceTest {

    /**
     * One CPU, one ring, one read: inserted, run and pushed, blkback woken on dom0's vCPU (CPU 1) and up
     * to its submit_bio, where the tests part (dom0's null_blk without a queue, or as one).
     */
    private static final List<String> ONE_RING_UNTIL_SUBMIT = List.of(
            "0 queue generic_make_request_checks cpu0 req-1 ring-1",
            "0 getrq blk_mq_map_request cpu0 req-1 ring0",
            "0 tag_get blk_mq_get_tag cpu0 req0 ring0",
            "0 insert __blk_mq_insert_request cpu0 req0 ring0",
            "0 run_queue __blk_mq_run_hw_queue cpu0 req-1 ring0",
            "0 flush_ctx flush_busy_ctxs cpu0 req0 ring0",
            "0 issue blk_mq_start_request cpu0 req0 ring0",
            "0 queue_rq blkif_queue_request cpu0 req0 ring0",
            "0 evtchn notify_remote_via_irq cpu0 req-1 ring0 ->cpu1",
            "0 blkback xen_blkif_be_int cpu1 req-1 ring0",
            "0 blkback xen_blkif_schedule cpu1 req-1 ring0",
            "0 blkback dispatch_rw_block_io cpu1 req0 ring0",
            "0 blkback gnttab_map_refs cpu1 req0 ring0",
            "0 blkback submit_bio cpu1 req0 ring0");

    /**
     * Two CPUs, a ring per hctx, one read each: both pushed and notified, both blkback threads woken on
     * their own dom0 vCPUs (2 and 3), and ring 0's thread up to its submit_bio, where the tests part.
     */
    private static final List<String> TWO_RINGS_UNTIL_RING0_SUBMITS = List.of(
            "0 queue generic_make_request_checks cpu0 req-1 ring-1",
            "0 getrq blk_mq_map_request cpu0 req-1 ring0",
            "0 tag_get blk_mq_get_tag cpu0 req0 ring0",
            "0 issue blk_mq_start_request cpu0 req0 ring0",
            "0 queue_rq blkif_queue_request cpu0 req0 ring0",
            "0 evtchn notify_remote_via_irq cpu0 req-1 ring0 ->cpu2",
            "0 queue generic_make_request_checks cpu1 req-1 ring-1",
            "0 getrq blk_mq_map_request cpu1 req-1 ring1",
            "0 tag_get blk_mq_get_tag cpu1 req1 ring1",
            "0 issue blk_mq_start_request cpu1 req1 ring1",
            "0 queue_rq blkif_queue_request cpu1 req1 ring1",
            "0 evtchn notify_remote_via_irq cpu1 req-1 ring1 ->cpu3",
            "0 blkback xen_blkif_be_int cpu2 req-1 ring0",
            "0 blkback xen_blkif_be_int cpu3 req-1 ring1",
            "0 blkback xen_blkif_schedule cpu2 req-1 ring0",
            "0 blkback dispatch_rw_block_io cpu2 req0 ring0",
            "0 blkback gnttab_map_refs cpu2 req0 ring0",
            "0 blkback submit_bio cpu2 req0 ring0");

    private static List<String> concat(List<String> first, String... then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(then));
        return all;
    }

    private static List<String> run(ScenarioBuilder s) {
        BlockLayerRun run = new BlockLayerRun(s.build(), false);
        List<String> log = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) {
            log.add(t.t() + " " + t.kind().label() + " " + t.fn() + " cpu" + t.cpu() + " req" + t.req() + " ring"
                    + t.hctx() + (t.count() >= 0 ? " ->cpu" + t.count() : ""));
        }
        return log;
    }

    /**
     * One CPU, one ring, one read. dom0's vCPU is CPU 1 (numbered after the guest's). The push finds
     * blkback asleep with req_event armed, so it notifies; blkback maps the page, submits to dom0's
     * null_blk, finds the ring empty and sleeps (wait_event_interruptible), and after its 10 µs answers
     * and notifies the frontend, whose interrupt ends the request.
     */
    @Test
    void oneRequestThroughOneRing() {
        assertEquals(concat(ONE_RING_UNTIL_SUBMIT,
                "0 blkback wait_event_interruptible cpu1 req-1 ring0",
                "10000 blkback end_block_io_op cpu1 req0 ring0",
                "10000 blkback make_response cpu1 req0 ring0",
                "10000 evtchn notify_remote_via_irq cpu1 req-1 ring0 ->cpu0",
                "10000 complete blk_update_request cpu0 req0 ring0",
                "10000 bio_end bio_endio cpu0 req0 ring0",
                "10000 free blk_mq_free_request cpu0 req0 ring0"), run(ScenarioBuilder.scenario().cpus(1).hwQueues(1).xen("per-hctx").costs(Costs.ZERO).irq("timer")
                .job(ScenarioBuilder.job().rw("randread").ios(1).cpus(0))));
    }

    /**
     * Two CPUs, a ring per hctx: each ring has its own event channel, its own blkback thread on its own
     * dom0 vCPU (ring 0 on CPU 2, ring 1 on CPU 3) and its own frontend interrupt (on CPU 0 and CPU 1).
     * The sync reads are issued straight to the driver (several hctxs: no insert).
     */
    @Test
    void oneRequestOnEachOfTwoRings() {
        assertEquals(concat(TWO_RINGS_UNTIL_RING0_SUBMITS,
                "0 blkback wait_event_interruptible cpu2 req-1 ring0",
                "0 blkback xen_blkif_schedule cpu3 req-1 ring1",
                "0 blkback dispatch_rw_block_io cpu3 req1 ring1",
                "0 blkback gnttab_map_refs cpu3 req1 ring1",
                "0 blkback submit_bio cpu3 req1 ring1",
                "0 blkback wait_event_interruptible cpu3 req-1 ring1",
                "10000 blkback end_block_io_op cpu2 req0 ring0",
                "10000 blkback make_response cpu2 req0 ring0",
                "10000 evtchn notify_remote_via_irq cpu2 req-1 ring0 ->cpu0",
                "10000 blkback end_block_io_op cpu3 req1 ring1",
                "10000 blkback make_response cpu3 req1 ring1",
                "10000 evtchn notify_remote_via_irq cpu3 req-1 ring1 ->cpu1",
                "10000 complete blk_update_request cpu0 req0 ring0",
                "10000 bio_end bio_endio cpu0 req0 ring0",
                "10000 free blk_mq_free_request cpu0 req0 ring0",
                "10000 complete blk_update_request cpu1 req1 ring1",
                "10000 bio_end bio_endio cpu1 req1 ring1",
                "10000 free blk_mq_free_request cpu1 req1 ring1"), run(ScenarioBuilder.scenario().cpus(2).hwQueues(2).xen("per-hctx").costs(Costs.ZERO).irq("timer")
                .job(ScenarioBuilder.job().rw("randread").ios(1).allCpus())));
    }

    /**
     * dom0's null_blk as `modprobe null_blk` leaves it: one hardware queue, 64 tags, softirq. blkback's sync
     * read goes through blk_sq_make_request: a tag, the insert into dom0 vCPU 0's ctx, the inline run
     * (flush_busy_ctxs is not a move of its own here), D and null_queue_rq, which completes it as it returns:
     * end_block_io_op, the response and its event run inside submit_bio, and the tag is freed after the bio
     * has ended (blk_mq_end_io), before the thread looks at the ring again and sleeps.
     */
    @Test
    void oneRequestThroughDom0sNullBlkQueue() {
        assertEquals(concat(ONE_RING_UNTIL_SUBMIT,
                "0 blkback blk_sq_make_request cpu1 req0 ring0",
                "0 blkback blk_mq_get_tag cpu1 req0 ring0",
                "0 blkback __blk_mq_insert_request cpu1 req0 ring0",
                "0 blkback blk_mq_start_request cpu1 req0 ring0",
                "0 blkback null_queue_rq cpu1 req0 ring0",
                "0 blkback end_block_io_op cpu1 req0 ring0",
                "0 blkback make_response cpu1 req0 ring0",
                "0 evtchn notify_remote_via_irq cpu1 req-1 ring0 ->cpu0",
                "0 blkback blk_mq_put_tag cpu1 req0 ring0",
                "0 blkback wait_event_interruptible cpu1 req-1 ring0",
                "0 complete blk_update_request cpu0 req0 ring0",
                "0 bio_end bio_endio cpu0 req0 ring0",
                "0 free blk_mq_free_request cpu0 req0 ring0"), run(ScenarioBuilder.scenario().cpus(1).hwQueues(1).xen("per-hctx").costs(Costs.ZERO).irq("timer")
                .backend(new Backend(1, true, 1).withNullBlk(1, 64, IrqMode.SOFTIRQ))
                .job(ScenarioBuilder.job().rw("randread").ios(1).cpus(0))));
    }

    /**
     * Event channels as Linux binds them (vcpu0): both rings notify dom0's vCPU 0 (CPU 2), whose
     * xen_blkif_be_int wakes each ring's thread on its own vCPU: ring 0's there, at once, ring 1's on CPU 3
     * by a reschedule IPI (PvWakeups), so after it even with no costs; both responses interrupt the guest's
     * vCPU 0, which ends ring 1's request too (blkfront has no ->complete: no IPI).
     */
    @Test
    void everyRingsEventOnVcpu0AtBothEnds() {
        assertEquals(List.of(
                "0 queue generic_make_request_checks cpu0 req-1 ring-1",
                "0 getrq blk_mq_map_request cpu0 req-1 ring0",
                "0 tag_get blk_mq_get_tag cpu0 req0 ring0",
                "0 issue blk_mq_start_request cpu0 req0 ring0",
                "0 queue_rq blkif_queue_request cpu0 req0 ring0",
                "0 evtchn notify_remote_via_irq cpu0 req-1 ring0 ->cpu2",
                "0 queue generic_make_request_checks cpu1 req-1 ring-1",
                "0 getrq blk_mq_map_request cpu1 req-1 ring1",
                "0 tag_get blk_mq_get_tag cpu1 req1 ring1",
                "0 issue blk_mq_start_request cpu1 req1 ring1",
                "0 queue_rq blkif_queue_request cpu1 req1 ring1",
                "0 evtchn notify_remote_via_irq cpu1 req-1 ring1 ->cpu2",
                "0 blkback xen_blkif_be_int cpu2 req-1 ring0",
                "0 blkback xen_blkif_be_int cpu2 req-1 ring1",
                "0 blkback xen_blkif_schedule cpu2 req-1 ring0",
                "0 blkback dispatch_rw_block_io cpu2 req0 ring0",
                "0 blkback gnttab_map_refs cpu2 req0 ring0",
                "0 blkback submit_bio cpu2 req0 ring0",
                "0 blkback wait_event_interruptible cpu2 req-1 ring0",
                "0 blkback xen_blkif_schedule cpu3 req-1 ring1",
                "0 blkback dispatch_rw_block_io cpu3 req1 ring1",
                "0 blkback gnttab_map_refs cpu3 req1 ring1",
                "0 blkback submit_bio cpu3 req1 ring1",
                "0 blkback wait_event_interruptible cpu3 req-1 ring1",
                "10000 blkback end_block_io_op cpu2 req0 ring0",
                "10000 blkback make_response cpu2 req0 ring0",
                "10000 evtchn notify_remote_via_irq cpu2 req-1 ring0 ->cpu0",
                "10000 blkback end_block_io_op cpu3 req1 ring1",
                "10000 blkback make_response cpu3 req1 ring1",
                "10000 evtchn notify_remote_via_irq cpu3 req-1 ring1 ->cpu0",
                "10000 complete blk_update_request cpu0 req0 ring0",
                "10000 bio_end bio_endio cpu0 req0 ring0",
                "10000 free blk_mq_free_request cpu0 req0 ring0",
                "10000 complete blk_update_request cpu0 req1 ring1",
                "10000 bio_end bio_endio cpu0 req1 ring1",
                "10000 free blk_mq_free_request cpu0 req1 ring1"), run(ScenarioBuilder.scenario().cpus(2).hwQueues(2).xen("per-hctx").costs(Costs.ZERO).irq("timer")
                .backend(new Backend(2, true, 1).withEvtchn(EvtchnAffinity.VCPU0))
                .job(ScenarioBuilder.job().rw("randread").ios(1).allCpus())));
    }

    /**
     * One dom0 hardware queue of one tag, timer completion (10 µs): ring 1's thread finds the tag out, runs
     * the queue, sleeps in bt_get; the put of ring 0's tag wakes it (a batch of one), and its bio goes on.
     */
    @Test
    void aThreadSleepsInBtGetUntilDom0sTagIsFreed() {
        assertEquals(concat(TWO_RINGS_UNTIL_RING0_SUBMITS,
                "0 blkback blk_sq_make_request cpu2 req0 ring0",
                "0 blkback blk_mq_get_tag cpu2 req0 ring0",
                "0 blkback __blk_mq_insert_request cpu2 req0 ring0",
                "0 blkback blk_mq_start_request cpu2 req0 ring0",
                "0 blkback null_queue_rq cpu2 req0 ring0",
                "0 blkback wait_event_interruptible cpu2 req-1 ring0",
                "0 blkback xen_blkif_schedule cpu3 req-1 ring1",
                "0 blkback dispatch_rw_block_io cpu3 req1 ring1",
                "0 blkback gnttab_map_refs cpu3 req1 ring1",
                "0 blkback submit_bio cpu3 req1 ring1",
                "0 blkback blk_sq_make_request cpu3 req1 ring1",
                "0 blkback bt_get cpu3 req1 ring1",
                "10000 blkback end_block_io_op cpu2 req0 ring0",
                "10000 blkback make_response cpu2 req0 ring0",
                "10000 evtchn notify_remote_via_irq cpu2 req-1 ring0 ->cpu0",
                "10000 blkback blk_mq_put_tag cpu2 req0 ring0",
                "10000 complete blk_update_request cpu0 req0 ring0",
                "10000 bio_end bio_endio cpu0 req0 ring0",
                "10000 free blk_mq_free_request cpu0 req0 ring0",
                "10000 blkback blk_mq_get_tag cpu3 req1 ring1",
                "10000 blkback __blk_mq_insert_request cpu3 req1 ring1",
                "10000 blkback blk_mq_start_request cpu3 req1 ring1",
                "10000 blkback null_queue_rq cpu3 req1 ring1",
                "10000 blkback wait_event_interruptible cpu3 req-1 ring1",
                "20000 blkback end_block_io_op cpu3 req1 ring1",
                "20000 blkback make_response cpu3 req1 ring1",
                "20000 evtchn notify_remote_via_irq cpu3 req-1 ring1 ->cpu1",
                "20000 blkback blk_mq_put_tag cpu3 req1 ring1",
                "20000 complete blk_update_request cpu1 req1 ring1",
                "20000 bio_end bio_endio cpu1 req1 ring1",
                "20000 free blk_mq_free_request cpu1 req1 ring1"), run(ScenarioBuilder.scenario().cpus(2).hwQueues(2).xen("per-hctx").costs(Costs.ZERO).irq("timer")
                .backend(new Backend(2, true, 1).withNullBlk(1, 1, IrqMode.TIMER))
                .job(ScenarioBuilder.job().rw("randread").ios(1).allCpus())));
    }

    /** With blkback busy (default costs), pushes find req_event not armed and send no event: fewer than one a request. */
    @Test
    void aBusyRingSuppressesNotificationsBothWays() {
        List<String> log = run(ScenarioBuilder.scenario().cpus(2).hwQueues(1).xen("per-hctx").irq("timer")
                .job(ScenarioBuilder.job().rw("randread").libaio().iodepth(16).ios(64).allCpus()));
        long requests = log.stream().filter(l -> l.contains(" queue_rq ")).count();
        long toDom0 = log.stream().filter(l -> l.contains(" evtchn ") && l.endsWith("->cpu2")).count();
        long toGuest = log.stream().filter(l -> l.contains(" evtchn ") && !l.endsWith("->cpu2")).count();
        assertEquals(128, requests);
        assertTrue(toDom0 >= 1 && toDom0 < requests / 2, toDom0 + " events to dom0 for " + requests + " requests");
        assertTrue(toGuest >= 1 && toGuest < requests / 2, toGuest + " events to the guest for " + requests + " requests");
    }

    /** Persistent grants map a page once and keep it; without them every request maps and unmaps. */
    @Test
    void persistentGrantsMapOnceWithoutThemEveryRequestMapsAndUnmaps() {
        ScenarioBuilder s = ScenarioBuilder.scenario().cpus(1).hwQueues(1).xen("per-hctx").irq("timer")
                .job(ScenarioBuilder.job().rw("randread").libaio().iodepth(4).ios(40).cpus(0));
        List<String> kept = run(s);
        List<String> mapped = run(s.backend(new Backend(1, false, 1)));
        assertEquals(4, count(kept, " gnttab_map_refs "), "four pages in flight at most, each mapped once");
        assertEquals(0, count(kept, " gnttab_unmap_refs "));
        assertEquals(40, count(mapped, " gnttab_map_refs "));
        assertEquals(40, count(mapped, " gnttab_unmap_refs "));
    }

    /**
     * Why dom0's queue completes inline and never by IPI: SAME_COMP sends one only when a vCPU's run took a
     * request another vCPU inserted, and the model runs the queue in the step of the insert (nothing charged
     * between them), so each run's flush_busy_ctxs finds only its own vCPU's ctx bit set. Four dom0 vCPUs on
     * one hardware queue, busy rings, each irqmode (timer's tags held long enough for bt_get), with and
     * without shared pCPUs and vCPU 0's event channels: every dom0 request is started, and its tag put back,
     * on the vCPU that took the tag. A cost before the run would open the window and fail here: the IPI
     * would then be needed again.
     */
    @Test
    void dom0sRunStartsOnlyWhatItsOwnVcpuInserted() {
        for (Backend b : List.of(new Backend(4, true, 1).withNullBlk(1, 1, IrqMode.SOFTIRQ),
                new Backend(4, false, 1, 3).withNullBlk(1, 2, IrqMode.TIMER).withEvtchn(EvtchnAffinity.VCPU0),
                new Backend(4, true, 1, 2).withNullBlk(1, 64, IrqMode.NONE))) {
            List<String> log = run(ScenarioBuilder.scenario().cpus(4).hwQueues(4).xen("per-hctx").irq("timer").backend(b)
                    .job(ScenarioBuilder.job().rw("randread").libaio().iodepth(16).ios(100).allCpus()));
            java.util.Map<String, String> tagged = new java.util.HashMap<>();
            java.util.Set<String> inserting = new java.util.TreeSet<>();
            long checked = 0;
            for (String line : log) {
                String[] f = line.split(" ");
                if (!f[1].equals("blkback")) continue;
                if (f[2].equals("blk_mq_get_tag")) tagged.put(f[4], f[3]);
                if (f[2].equals("__blk_mq_insert_request")) inserting.add(f[3]);
                if (f[2].equals("blk_mq_start_request") || f[2].equals("blk_mq_put_tag")) {
                    assertEquals(tagged.get(f[4]), f[3], b + ": " + line);
                    checked++;
                }
            }
            assertEquals(2 * 400, checked, b + ": every request started and put back");
            assertEquals(4, inserting.size(), b + ": every dom0 vCPU inserts into the one hardware queue: " + inserting);
            if (b.irqMode() == IrqMode.TIMER) assertTrue(count(log, " bt_get ") > 0, b + ": threads sleep for a tag, then run");
        }
    }

    private static long count(List<String> log, String fn) {
        return log.stream().filter(l -> l.contains(fn)).count();
    }
}
