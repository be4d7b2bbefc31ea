package org.blkflow.model;

import java.util.function.Consumer;
import org.blkflow.scenario.Device;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The null_blk driver in queue_mode=2 (3.16): queue_rq accepts everything and completes it inline,
 * through blk_mq_complete_request ("softirq"), or from a per-CPU hrtimer that completes its whole
 * batch at once. With {@code slots} it behaves like a ring-based driver instead: full ring, stop the
 * hctx, return BUSY, restart from the completion path.
 */
final class NullBlk implements MqDriver {

    private final Machine m;
    private final Device device;
    private final Completion completion;
    private final QueueRunner runner;
    private final CompletionTimer<Request> timer;

    NullBlk(Machine m, Device device, Completion completion, QueueRunner runner) {
        this.m = m;
        this.device = device;
        this.completion = completion;
        this.runner = runner;
        this.timer = new CompletionTimer<>(m, device.completionNs(),
                (rq, cpu, next) -> completion.endIo(rq, cpu, Actor.interrupt(cpu), next));
    }

    /** null_queue_rq(): the driver's work, then the decision on the device's room at that moment. */
    @Override
    public void queueRq(HardwareQueue hctx, Request rq, int cpu, Actor actor, Consumer<Status> result) {
        m.after(cpu, m.costs.driverNs(), () -> {
            if (device.slots() > 0 && hctx.inDevice >= device.slots()) {
                hctx.stopped = true;
                m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_mq_stop_hw_queue", cpu, actor, -1, hctx, -1);
                result.accept(Status.BUSY);
                return;
            }
            hctx.inDevice++;
            m.emit.request(TransitionKind.QUEUE_RQ, null, "null_queue_rq", cpu, actor, rq,
                    Place.driver(hctx.index), Place.device(hctx.index));
            switch (device.irqMode()) {
                case NONE -> completion.endIo(rq, cpu, actor, () -> result.accept(Status.OK));
                case SOFTIRQ -> completion.completeRequest(rq, cpu, actor, () -> result.accept(Status.OK));
                default -> {
                    timer.add(rq, cpu);
                    result.accept(Status.OK);
                }
            }
        });
    }

    /** Called after a request has been ended: a ring-based driver restarts the queues it stopped. */
    @Override
    public void completed(HardwareQueue hctx, int cpu, Actor actor) {
        hctx.inDevice--;
        if (device.slots() > 0) runner.startStoppedQueuesAsync(cpu, actor);
    }
}
