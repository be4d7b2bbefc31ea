package org.blkflow.model;

import static org.blkflow.model.DispatchTest.indexOf;
import static org.blkflow.model.RunRecorder.actions;
import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §5 and §9 rules 20–22 for the legacy request queue and the bio-based interface. */
class LegacyQueueTest {

    @Test
    void aPluggedLegacyWriteInsertsEverythingBeforeTheUnplug() {
        List<Transition> ts = run(scenario().mode("sq").irq("timer")
                .job(job().rw("randwrite").libaio().iodepth(4).plug().ios(4)).build());
        String a = actions(ts);
        assertTrue(a.startsWith("Q G P Q G Q G Q G I I I I U D"), a);
        assertEquals(4, ts.get(indexOf(ts, TransitionKind.UNPLUG, 0)).count());
    }

    @Test
    void inTheLegacyQueueSyncIoPlugsToo() {
        String a = actions(run(scenario().mode("sq").irq("timer").job(job().rw("randread").libaio().iodepth(2).plug().ios(2)).build()));
        assertTrue(a.startsWith("Q G P Q G I I U"), a);
    }

    @Test
    void aBioMergedInTheElevatorShowsNoGBecauseGFollowsTheAllocation() {
        // One driver command: the 2nd request waits on the dispatch list and stops the queue,
        // the 3rd waits in the elevator, and the 4th bio back-merges into it through the hash.
        List<Transition> ts = run(scenario().mode("sq").irq("timer").depth(1)
                .job(job().rw("write").libaio().iodepth(4).ios(4)).build());
        String a = actions(ts);
        assertTrue(a.startsWith("Q G I D Q G I Q G I Q M"), a);
        Transition merge = ts.get(indexOf(ts, TransitionKind.BACKMERGE, 0));
        Transition insert = ts.stream().filter(t -> t.kind() == TransitionKind.INSERT && t.req() == merge.req())
                .findFirst().orElseThrow();
        assertEquals("elv:0", insert.to().toString());
        assertTrue(ts.subList((int) insert.seq(), (int) merge.seq()).stream()
                .noneMatch(t -> t.req() == merge.req() && t.kind() == TransitionKind.ELV_DISPATCH));
    }

    @Test
    void deadlineOffersAFrontMergeFromItsSortTreeNoopOffersNone() {
        Task task = new Task(1000, 0, job().rw("write").build(), 0);
        HardwareQueue queue = new HardwareQueue(0, new TagSet<>(4, 0));
        SoftwareQueue ctx = new SoftwareQueue(0, queue, 0, 0);
        Bio first = new Bio(1, task, 100, 8, true, false);
        Request rq = new Request(1, ctx, queue, -1, first);
        rq.takeFirstBio(first);
        Bio before = new Bio(2, task, 92, 8, true, false);
        DeadlineElevator deadline = new DeadlineElevator();
        NoopElevator noop = new NoopElevator();
        deadline.add(rq, 0);
        noop.add(rq, 0);
        assertEquals(rq, deadline.frontMergeCandidate(before));
        assertEquals(null, noop.frontMergeCandidate(before));
        assertEquals(null, deadline.frontMergeCandidate(new Bio(3, task, 90, 8, true, false)));
    }

    @Test
    void exhaustedNrRequestsTraceSThenGAfterTheWakeup() {
        List<Transition> ts = run(scenario().mode("sq").irq("timer").nrRequests(2)
                .job(job().rw("randread").libaio().iodepth(4).ios(4)).build());
        int sleep = indexOf(ts, TransitionKind.SLEEP, 0);
        assertEquals("S", ts.get(sleep).action());
        int wake = indexOf(ts, TransitionKind.WAKE, sleep);
        assertEquals(TransitionKind.FREE, ts.get(wake - 1).kind());
        int g = indexOf(ts, TransitionKind.GETRQ, wake);
        assertEquals(ts.get(sleep).bio(), ts.get(g).bio(), "the woken bio's G follows its allocation");
    }

    @Test
    void theDriverRunsOutOfCommandsStopsTheQueueAndItsCompletionRestartsIt() {
        List<Transition> ts = run(scenario().mode("sq").irq("timer").depth(2)
                .job(job().rw("randread").libaio().iodepth(4).ios(4)).build());
        int stop = indexOf(ts, TransitionKind.HCTX_STOP, 0);
        assertEquals("blk_stop_queue", ts.get(stop).fn());
        int start = indexOf(ts, TransitionKind.HCTX_START, stop);
        assertTrue(ts.subList(stop, start).stream().noneMatch(t -> t.kind() == TransitionKind.ISSUE));
    }

    @Test
    void theBioBasedInterfaceTracesOnlyQ() {
        List<Transition> ts = run(scenario().mode("bio").irq("timer").depth(2)
                .job(job().rw("randwrite").libaio().iodepth(4).plug().ios(6)).build());
        assertEquals("Q Q Q Q Q Q", actions(ts));
        assertEquals(6, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).count());
        assertTrue(ts.stream().allMatch(t -> t.req() < 0), "no request ever exists");
    }

    @Test
    void completionsTakeTheQueueLockSoTheyContendWithSubmitters() {
        Costs costs = Costs.DEFAULT;
        BlockLayerRun r = new BlockLayerRun(scenario().mode("sq").cpus(8).irq("timer").costs(costs)
                .job(job().allCpus().rw("randread").libaio().iodepth(16).ios(200)).build(), false);
        while (r.next() != null) { }
        var lock = r.lockStats().stream().filter(l -> l.name().equals("queue_lock")).findFirst().orElseThrow();
        assertTrue(lock.contentions() > 0, "8 CPUs on one queue_lock: " + lock);
        assertTrue(lock.contendedBy().stream().anyMatch(s -> s.startsWith("blk_queue_bio")), lock.contendedBy().toString());
        assertTrue(lock.contendedBy().stream().anyMatch(s -> s.startsWith("blk_end_bidi_request")), lock.contendedBy().toString());
    }
}
