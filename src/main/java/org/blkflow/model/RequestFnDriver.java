package org.blkflow.model;

import org.blkflow.scenario.Device;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * null_blk in queue_mode=1 (3.16) behind the legacy queue: null_request_fn drains the dispatch list
 * under queue_lock, dropping the lock around each command; the prep function takes one of
 * queueDepth driver tags or stops the queue; completions end requests under queue_lock again.
 *
 * <p>Departure: D is traced once the prep function has a driver tag (the kernel traces it just
 * before prep, and a deferred request then waits STARTED at the head of the dispatch list).
 */
final class RequestFnDriver extends LegacyDriver {

    private final Device device;
    private final int driverTags;
    private final CompletionTimer<Request> timer;
    private int tagsInUse;

    RequestFnDriver(Machine m, LegacyQueue q, Device device, int driverTags, LegacyCompletion ends) {
        super(m, q, ends);
        this.device = device;
        this.driverTags = driverTags;
        this.timer = new CompletionTimer<>(m, device.completionNs(),
                (rq, cpu, next) -> end(rq, cpu, Actor.interrupt(cpu), next));
    }

    /** __blk_run_queue() → null_request_fn(), entered and left with queue_lock held. */
    @Override
    public void runQueue(int cpu, Actor actor, Runnable done) {
        if (q.stopped) {
            done.run();
            return;
        }
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "__blk_run_queue", cpu, actor, -1, q.queue, -1);
        requestFn(cpu, actor, done);
    }

    /** One turn of null_request_fn's loop: peek, prep (a driver tag), start, and the command unlocked. */
    private void requestFn(int cpu, Actor actor, Runnable done) {
        Request rq = ends.peek(cpu, actor);
        if (rq == null) {
            wakeElevator(cpu);
            done.run();
            return;
        }
        if (tagsInUse == driverTags) {
            q.stopped = true;
            m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_stop_queue", cpu, actor, -1, q.queue, -1);
            done.run();
            return;
        }
        tagsInUse++;
        ends.start(rq, cpu, actor, () -> {
            q.queueLock.unlock(m.cpu(cpu));
            handleCommand(rq, cpu, actor, () -> q.queueLock.lockIrq(m.cpu(cpu), "null_request_fn",
                    () -> requestFn(cpu, actor, done)));
        });
    }

    /** null_handle_cmd() in queue_mode=1: inline, BLOCK_SOFTIRQ on the submitter, or the hrtimer. */
    private void handleCommand(Request rq, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.driverNs(), () -> {
            m.emit.request(TransitionKind.QUEUE_RQ, null, "null_request_fn", cpu, actor, rq, Place.driver(0),
                    Place.device(0));
            switch (device.irqMode()) {
                case NONE -> end(rq, cpu, actor, next);
                case SOFTIRQ -> {
                    softirq(rq, cpu, actor);
                    next.run();
                }
                default -> {
                    timer.add(rq, cpu);
                    next.run();
                }
            }
        });
    }

    /** blk_complete_request(): BLOCK_SOFTIRQ on req->cpu, by IPI when that is another CPU. */
    private void softirq(Request rq, int cpu, Actor actor) {
        int target = rq.ctx.cpu;
        if (target != cpu) {
            m.emit.request(TransitionKind.IPI, null, "blk_complete_request", cpu, actor, rq, Place.device(0),
                    Place.device(0));
        }
        m.interrupt(target, () -> m.after(target, target != cpu ? m.costs.ipiNs() : m.costs.irqNs(),
                () -> end(rq, target, Actor.interrupt(target), Machine.END)));
    }

    /**
     * end_cmd() → blk_end_request_all(): C and the bios ended without the lock, then
     * blk_finish_request under queue_lock frees the request and wakes one get_request sleeper.
     * The driver tag comes back last, restarting a queue the prep function stopped.
     */
    private void end(Request rq, int cpu, Actor actor, Runnable next) {
        ends.complete(rq, cpu, actor, () -> q.queueLock.lockIrq(m.cpu(cpu), "blk_end_bidi_request", () -> {
            ends.free(rq, cpu, actor);
            wakeElevator(cpu);
            tagsInUse--;
            if (q.stopped) {
                q.stopped = false;
                m.emit.queue(TransitionKind.HCTX_START, null, "blk_start_queue_async", cpu, actor, -1, q.queue, -1);
                runQueueAsync(cpu, actor);
            }
            q.queueLock.unlock(m.cpu(cpu));
            next.run();
        }));
    }
}
