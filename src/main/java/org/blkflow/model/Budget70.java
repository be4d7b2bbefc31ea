package org.blkflow.model;

/**
 * A SCSI-like per-device dispatch budget in 7.0 (blk_mq_get_dispatch_budget →
 * scsi_mq_get_budget's sdev->budget_map; put by scsi_mq_put_budget and at completion by
 * scsi_device_unbusy): a request holds one from before its driver tag until it is finished, or until
 * the driver answers BUSY or the dispatch list leaves it over. A failed get counts in sdev->restarts,
 * so the next put runs the queue again (scsi_run_queue_async). Without a budget every get succeeds.
 */
final class Budget70 {

    private final int depth;
    private int inUse;
    /** sdev->restarts: a get failed since the last put that ran the queue. */
    private boolean restarts;

    Budget70(int depth) {
        this.depth = depth;
    }

    boolean limited() {
        return depth > 0;
    }

    /** scsi_mq_get_budget(): one of the budget, or a failure remembered for the next put. */
    boolean get() {
        if (depth == 0) return true;
        if (inUse == depth) {
            restarts = true;
            return false;
        }
        inUse++;
        return true;
    }

    /** Gives {@code rq} the budget it lacks; true when it holds one. */
    boolean getFor(Request rq) {
        if (rq.budget || depth == 0) return true;
        rq.budget = get();
        return rq.budget;
    }

    /** scsi_mq_put_budget() for a budget no request took (the scheduler returned none). */
    void putUnused() {
        if (depth > 0) inUse--;
    }

    /** The request's budget back, if it holds one. */
    void put(Request rq) {
        if (!rq.budget) return;
        rq.budget = false;
        inUse--;
    }

    /** scsi_run_queue_async(): true once after a failed get, when a put should run the queue again. */
    boolean takeRestart() {
        boolean r = restarts;
        restarts = false;
        return r;
    }

    int inUse() {
        return inUse;
    }
}
