package org.blkflow.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A blkback thread as the snapshot shows it, through dom0's null_blk queue (model/Dom0Queue): it runs
 * the queue's submission itself, sleeps in bt_get when every tag is out (an interrupt for its ring then
 * does not wake it: it waits for a tag) and runs again at its next blk_mq_get_tag. The page's
 * blkback.js follows the same rules (blkback.test.js walks the same moves).
 */
class BlkbackTrackerTest {

    private static Transition blkback(String fn, int cpu) {
        return new Transition(0, 0, TransitionKind.BLKBACK, fn, null, cpu, 400, "blkback.1.xvda-0", -1, 7, 0, 0, -1,
                0, 8, "R", Place.device(0), Place.device(0), -1);
    }

    @Test
    void aThreadAsleepForADom0TagIsAsleepUntilItGetsOne() {
        BlkbackTracker tracker = new BlkbackTracker();
        List<String> seen = new ArrayList<>();
        for (String fn : List.of("xen_blkif_be_int", "xen_blkif_schedule", "dispatch_rw_block_io", "submit_bio",
                "blk_sq_make_request", "bt_get", "xen_blkif_be_int", "blk_mq_get_tag", "__blk_mq_insert_request",
                "blk_mq_start_request", "null_queue_rq", "wait_event_interruptible")) {
            tracker.apply(blkback(fn, 2));
            Snapshot.BlkbackThread thread = tracker.view().threads().get(0);
            seen.add(fn + "=" + thread.status());
        }
        assertEquals(List.of("xen_blkif_be_int=waking", "xen_blkif_schedule=running", "dispatch_rw_block_io=running",
                "submit_bio=running", "blk_sq_make_request=running", "bt_get=sleeping", "xen_blkif_be_int=sleeping",
                "blk_mq_get_tag=running", "__blk_mq_insert_request=running", "blk_mq_start_request=running",
                "null_queue_rq=running", "wait_event_interruptible=sleeping"), seen);
        assertEquals("wait_event_interruptible", tracker.view().threads().get(0).fn());
    }
}
