package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * q->make_request_fn as a task sees it: blk-mq's, the legacy request queue's (blk_queue_bio) or
 * a bio-based driver's. The task submits bios through it and unplugs through it.
 */
interface MakeRequest {

    /** generic_make_request() for one bio. False when the task fell asleep on the way. */
    boolean submit(Task task, Bio bio);

    /** blk_finish_plug(). */
    void finishPlug(Task task);

    /**
     * generic_make_request_checks(): block_bio_queue (Q) for every interface, then the cost of
     * getting into the queue's make_request_fn.
     */
    static void queue(Machine m, Task task, Bio bio, HardwareQueue hctx) {
        m.emit.bio(TransitionKind.QUEUE, "Q", "generic_make_request_checks", task.cpu, task.actor, bio, null, hctx,
                Place.NONE, Place.task(task.cpu));
        m.charge(m.costs.makeRequestNs());
    }
}
