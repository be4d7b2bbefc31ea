package org.blkflow.model;

import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/** blk_mq_complete_request() and blk_mq_end_io(): C, the bios ended, the tag freed, waiters woken. */
final class Completion {

    private final Machine m;
    private MqDriver driver;
    private Submission submission;
    private Workload workload;

    Completion(Machine m) {
        this.m = m;
    }

    void attach(MqDriver driver, Submission submission, Workload workload) {
        this.driver = driver;
        this.submission = submission;
        this.workload = workload;
    }

    /**
     * blk_mq_complete_request() with QUEUE_FLAG_SAME_COMP: a completion on another CPU than the
     * submitter's is sent there by IPI. The model gives every CPU its own cache, so any other CPU
     * counts as remote.
     */
    void completeRequest(Request rq, int cpu, Actor actor, Runnable next) {
        int submitter = rq.ctx.cpu;
        if (submitter == cpu) {
            endIo(rq, cpu, actor, next);
            return;
        }
        m.emit.request(TransitionKind.IPI, null, "__blk_mq_complete_request", cpu, actor, rq,
                Place.device(rq.hctx.index), Place.device(rq.hctx.index));
        m.interrupt(submitter, () -> m.after(submitter, m.costs.ipiNs(),
                () -> endIo(rq, submitter, Actor.interrupt(submitter), Machine.END)));
        next.run();
    }

    /** blk_mq_end_io() after its CPU time. */
    void endIo(Request rq, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.completeNs(), () -> {
            endIoNow(rq, cpu, actor);
            next.run();
        });
    }

    /** blk_mq_end_io(): blk_update_request (C, bio_endio for each bio), then blk_mq_free_request. */
    void endIoNow(Request rq, int cpu, Actor actor) {
        RequestEnd.blkUpdateRequest(m, workload, rq, "blk_update_request", Place.device(rq.hctx.index), rq.hctx, cpu, actor);
        free(rq, Place.DONE, cpu, actor);
        driver.completed(rq.hctx, cpu, actor);
    }

    /** blk_mq_free_request() → blk_mq_put_tag(): the hint moves to the freed tag; batches wake. */
    void free(Request rq, Place from, int cpu, Actor actor) {
        List<Task> woken = rq.hctx.tags.release(rq.tag);
        rq.ctx.lastTag = rq.tag;
        m.emit.request(TransitionKind.FREE, null, "blk_mq_free_request", cpu, actor, rq, from, Place.NONE);
        for (Task task : woken) {
            m.emit.bio(TransitionKind.WAKE, null, "bt_clear_tag", cpu, actor, task.pendingBio, null,
                    rq.hctx, Place.tagWait(rq.hctx.index), Place.task(task.cpu));
            m.wake(task.cpu, () -> submission.retryAfterWake(task));
        }
    }
}
