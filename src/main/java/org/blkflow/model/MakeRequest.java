package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * q->make_request_fn as a task sees it: blk-mq's, the legacy request queue's (blk_queue_bio) or
 * a bio-based driver's. The task submits bios through it and unplugs through it. Both are paths:
 * {@code done} runs (on the task's CPU) when the call returns to the task, which may be much later
 * if the task slept on the way.
 */
interface MakeRequest {

    /** generic_make_request() for one bio. */
    void submit(Task task, Bio bio, Runnable done);

    /** blk_finish_plug(). */
    void finishPlug(Task task, Runnable done);

    /**
     * The end of a batch's system call: nothing more to do, except for a task that polls for its
     * completions (io_uring with hipri on 7.0), which polls before returning.
     */
    default void reap(Task task, Runnable done) {
        done.run();
    }

    /**
     * generic_make_request_checks(): block_bio_queue (Q) for every interface, then the cost of
     * getting into the queue's make_request_fn.
     */
    static void queue(Machine m, Task task, Bio bio, HardwareQueue hctx, Runnable next) {
        m.emit.bio(TransitionKind.QUEUE, "Q", "generic_make_request_checks", task.cpu, task.actor, bio, null, hctx,
                Place.NONE, Place.task(task.cpu));
        m.after(task.cpu, m.costs.makeRequestNs(), next);
    }
}
