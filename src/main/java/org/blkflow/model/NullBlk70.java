package org.blkflow.model;

import java.util.function.Consumer;
import org.blkflow.scenario.Device;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * null_blk's queue_rq in 7.0 (drivers/block/null_blk/main.c, queue_mode=2), called after
 * blk_mq_start_request: irqmode none ends the request inline, softirq goes through
 * blk_mq_complete_request, timer arms one hrtimer per command on the dispatching CPU. With
 * {@code slots} the device holds only that many commands and answers BLK_STS_RESOURCE when full,
 * the way a ring-based driver does; such a device has no queue_rqs hook, so a plug flush issues
 * through blk_mq_issue_direct (a modelling choice: real null_blk never runs out of room). On a poll
 * hctx a command waits on the poll list for the submitter's null_poll; irqmode does not apply.
 * {@code requeueEvery} is the requeue fault injection: every Nth call hands its started command to
 * blk_mq_requeue_request(rq, true) and returns OK ({@link RequeueWork70}).
 */
final class NullBlk70 {

    /** queue_rq's answer; NO_BUDGET is blk_mq_request_issue_directly's own, before queue_rq. */
    enum Status { OK, RESOURCE, NO_BUDGET }

    private final Machine m;
    private final Device device;
    private final Completion70 completion;
    private Poll70 poll;
    private RequeueWork70 requeues;
    /** null_requeue_attr's count: should_fail() with interval N fails calls N, 2N, … (one attr for the module, every device's). */
    private final long[] calls;

    NullBlk70(Machine m, Device device, Completion70 completion) {
        this(m, device, completion, new long[1]);
    }

    /** One device of several, counting queue_rq calls in the module's one {@code calls}. */
    NullBlk70(Machine m, Device device, Completion70 completion, long[] calls) {
        this.m = m;
        this.device = device;
        this.completion = completion;
        this.calls = calls;
    }

    void attach(Poll70 poll) {
        this.poll = poll;
    }

    void attach(RequeueWork70 requeues) {
        this.requeues = requeues;
    }

    /**
     * should_requeue_request(): requeue=N,100,0,-1 fails every Nth call. null_blk then alternates the
     * core's BUSY path and blk_mq_requeue_request(); the model always takes the latter (a modelling
     * choice: the reference marks the injection's details unverified, and slots show the BUSY path).
     */
    private boolean shouldRequeue() {
        int every = device.requeueEvery();
        return every > 0 && ++calls[0] % every == 0;
    }

    /** Whether the driver has ->queue_rqs (null_queue_rqs), which takes a whole plug list at once. */
    boolean hasQueueRqs() {
        return device.slots() == 0 && device.budget() == 0;
    }

    /** null_queue_rq() for a started request: the device's room is judged at this moment. */
    void queueRq(Hctx70 x, Request rq, int cpu, Actor actor, Consumer<Status> result) {
        m.after(cpu, m.costs.driverNs(), () -> {
            if (shouldRequeue()) {
                requeues.requeueRequest(x, rq, cpu, actor, () -> result.accept(Status.OK));
                return;
            }
            if (device.slots() > 0 && x.hw.inDevice >= device.slots()) {
                result.accept(Status.RESOURCE);
                return;
            }
            x.hw.inDevice++;
            m.emit.request(TransitionKind.QUEUE_RQ, null, "null_queue_rq", cpu, actor, rq,
                    Place.driver(x.hw.index), Place.device(x.hw.index));
            if (x.poll) {
                // A polled command goes on the queue's poll list, done at once: null_poll finds it.
                poll.queued(x, rq);
                result.accept(Status.OK);
                return;
            }
            switch (device.irqMode()) {
                case NONE -> completion.endRequest(rq, cpu, actor, () -> result.accept(Status.OK));
                case SOFTIRQ -> completion.completeRequest(rq, cpu, actor, () -> result.accept(Status.OK));
                default -> {
                    // null_cmd_end_timer(): one hrtimer per command; its callback ends the request.
                    m.sim.schedule(device.completionNs(), () -> m.interrupt(cpu, () -> m.after(cpu, m.costs.irqNs(),
                            () -> completion.endRequest(rq, cpu, Actor.interrupt(cpu), Machine.END))));
                    result.accept(Status.OK);
                }
            }
        });
    }
}
