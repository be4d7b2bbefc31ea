package org.blkflow.model;

import static org.blkflow.model.RunRecorder.actions;
import static org.blkflow.model.RunRecorder.kinds;
import static org.blkflow.model.RunRecorder.run;
import static org.blkflow.model.ScenarioBuilder.job;
import static org.blkflow.model.ScenarioBuilder.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** Spec §9 rules 1, 2, 3, 8, 21 and §7's typical sequences, as exact transition streams. */
class SubmissionPathTest {

    @Test
    void syncReadOnOneHardwareQueueIsInsertedThenDispatchedInline() {
        List<Transition> ts = run(scenario().job(job().rw("read")).build());
        assertEquals("Q G I D C", actions(ts));
        assertEquals("queue getrq tag_get insert run_queue flush_ctx issue queue_rq complete bio_end free", kinds(ts));
        assertEquals("__blk_mq_insert_request", first(ts, TransitionKind.INSERT).fn());
        assertEquals("ctx:0", first(ts, TransitionKind.INSERT).to().toString());
    }

    @Test
    void syncReadOnSeveralHardwareQueuesIsIssuedDirectlyWithoutInsert() {
        List<Transition> ts = run(scenario().cpus(2).hwQueues(2).job(job().rw("read")).build());
        assertEquals("Q G D C", actions(ts));
        assertEquals("queue getrq tag_get issue queue_rq complete bio_end free", kinds(ts));
        assertEquals("task:0", ts.get(3).from().toString(), "issued straight from the task, no ctx");
    }

    @Test
    void readsAndSyncWritesNeverPlugEvenInsideAPlug() {
        String reads = actions(run(scenario().irq("timer").job(job().rw("read").libaio().iodepth(4).plug().ios(4)).build()));
        String syncWrites = actions(run(scenario().irq("timer")
                .job(job().rw("write").sync(true).libaio().iodepth(4).plug().ios(4)).build()));
        assertFalse(reads.contains("P") || reads.contains("U"), reads);
        assertFalse(syncWrites.contains("P") || syncWrites.contains("U"), syncWrites);
    }

    @Test
    void asyncPluggedWritesMergeInThePlugAndUnplugBeforeInsert() {
        List<Transition> ts = run(scenario().irq("timer").job(job().rw("write").libaio().iodepth(4).plug().ios(4)).build());
        assertEquals("Q G P Q M Q M Q M U I D C", actions(ts));
        Transition unplug = first(ts, TransitionKind.UNPLUG);
        assertEquals(1, unplug.count(), "one request unplugged");
        Transition complete = first(ts, TransitionKind.COMPLETE);
        assertEquals(32, complete.sectors(), "four 8-sector bios in one request");
    }

    @Test
    void sixteenPluggedRequestsFlushThePlugBeforeTheSeventeenth() {
        List<Transition> ts = run(scenario().irq("timer").depth(64)
                .job(job().rw("randwrite").libaio().iodepth(20).plug().ios(20)).build());
        String a = actions(ts);
        int firstU = a.indexOf('U');
        assertTrue(firstU > 0, a);
        assertEquals(16, first(ts, TransitionKind.UNPLUG).count(), "the flush takes the 16 plugged requests");
        String afterFlush = a.substring(firstU);
        assertTrue(afterFlush.matches("U( I){16}( D)* P.*"), "P again right after the flush: " + afterFlush);
        assertEquals(2, a.chars().filter(c -> c == 'U').count(), "the flush and blk_finish_plug: " + a);
    }

    @Test
    void aBioMergedIntoTheSoftwareQueueShowsGButNoInsertIssueOrCompleteOfItsOwn() {
        List<Transition> ts = run(scenario().irq("timer").job(job().rw("write").libaio().iodepth(2).ios(2)).build());
        assertEquals("Q G I Q G M D C", actions(ts));
        Transition merge = first(ts, TransitionKind.BACKMERGE);
        Transition insert = first(ts, TransitionKind.INSERT);
        assertEquals(insert.req(), merge.req(), "merged into the request waiting on the software queue");
        assertTrue(insert.seq() < merge.seq());
        Transition free = ts.get((int) merge.seq() + 1);
        assertEquals(TransitionKind.FREE, free.kind(), "the request allocated for the merged bio is freed");
        assertEquals("task:0", free.from().toString());
        assertEquals(2, ts.stream().filter(t -> t.kind() == TransitionKind.BIO_END).count());
    }

    @Test
    void asyncWritesWithoutPlugRunTheQueueThroughKblockd() {
        List<Transition> ts = run(scenario().job(job().rw("write").ios(1)).build());
        assertEquals("queue getrq tag_get insert run_async run_queue flush_ctx issue queue_rq complete bio_end free",
                kinds(ts));
        Transition run = first(ts, TransitionKind.RUN_QUEUE);
        assertEquals("kworker/0:1H", run.comm(), "the deferred run executes in kblockd");
    }

    static Transition first(List<Transition> ts, TransitionKind kind) {
        return ts.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }
}
