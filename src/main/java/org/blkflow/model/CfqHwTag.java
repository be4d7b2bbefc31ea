package org.blkflow.model;

/**
 * cfq_data's queue-depth detection (cfq_update_hw_tag): does the driver take several requests at
 * once? Until 50 samples under load decide it, hw_tag is -1 and cfq behaves as if it did.
 */
final class CfqHwTag {

    /** CFQ_HW_QUEUE_MIN. */
    static final int HW_QUEUE_MIN = 5;
    /** The samples taken before the estimate is decided. */
    static final int SAMPLES = 50;

    /** -1 undecided, 1 the driver queues (hw_tag_est_depth reached HW_QUEUE_MIN), 0 it does not. */
    private int hwTag = -1;
    /** hw_tag_est_depth: the most requests seen in the driver. */
    private int estDepth;
    private int samples;

    /**
     * cfq_update_hw_tag(), at each completion before the request leaves rq_in_driver. Only a loaded
     * queue is a sample, and not while an idling queue is too shallow to fill the driver; once 1 the
     * estimate stays, while 0 is decided again at every later sample.
     */
    void sample(int rqInDriver, int rqQueued, CfqQueue active) {
        estDepth = Math.max(estDepth, rqInDriver);
        if (hwTag == 1) return;
        if (rqQueued <= HW_QUEUE_MIN && rqInDriver <= HW_QUEUE_MIN) return;
        if (active != null && active.idleWindow && active.dispatched + active.size < HW_QUEUE_MIN
                && rqInDriver < HW_QUEUE_MIN) return;
        if (samples++ < SAMPLES) return;
        hwTag = estDepth >= HW_QUEUE_MIN ? 1 : 0;
    }

    /**
     * blk_queue_nonrot(q) && cfqd->hw_tag, as cfq_should_idle() and cfq_arm_slice_timer() test it: on a
     * device without seek penalty that queues (or is not yet known not to), idling only costs.
     */
    boolean idlingPointless(boolean nonrot) {
        return nonrot && hwTag != 0;
    }

    int value() {
        return hwTag;
    }
}
