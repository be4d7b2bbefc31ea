package org.blkflow.model;

/** A legacy driver's q->request_fn, run with queue_lock held, and its kblockd variant. */
interface RequestFn {

    /** __blk_run_queue(): a path entered and left with queue_lock held; {@code done} follows it. */
    void runQueue(int cpu, Actor actor, Runnable done);

    /** blk_run_queue_async(): queues kblockd work and returns at once. */
    void runQueueAsync(int cpu, Actor actor);
}
