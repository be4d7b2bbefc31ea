package org.blkflow.model;

/**
 * Several null_blk devices in one 7.0 run, as a task sees them: each bio goes to its device's
 * request_queue (submit_bio → bio->bi_bdev's queue), and the task's one plug is finished through any
 * of them, since the plug's flush takes each queue's requests to their own queue.
 */
final class Devices70 implements MakeRequest {

    private final Mq70Submission[] queues;

    Devices70(Mq70Submission[] queues) {
        this.queues = queues;
    }

    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        queues[bio.device].submit(task, bio, done);
    }

    @Override
    public void finishPlug(Task task, Runnable done) {
        queues[0].finishPlug(task, done);
    }

    @Override
    public void reap(Task task, Runnable done) {
        queues[0].reap(task, done);
    }
}
