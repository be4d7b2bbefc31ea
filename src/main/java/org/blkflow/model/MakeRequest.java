package org.blkflow.model;

/**
 * q->make_request_fn as a task sees it: blk-mq's, the legacy request queue's (blk_queue_bio) or
 * a bio-based driver's. The task submits bios through it and unplugs through it.
 */
interface MakeRequest {

    /** generic_make_request() for one bio. False when the task fell asleep on the way. */
    boolean submit(Task task, Bio bio);

    /** blk_finish_plug(). */
    void finishPlug(Task task);
}
