package org.blkflow.model;

/** A legacy driver's q->request_fn, run with queue_lock held, and its kblockd variant. */
interface RequestFn {

    /** __blk_run_queue(): entered and left with queue_lock held. */
    void runQueue(int cpu, Actor actor);

    /** blk_run_queue_async(). */
    void runQueueAsync(int cpu, Actor actor);
}
