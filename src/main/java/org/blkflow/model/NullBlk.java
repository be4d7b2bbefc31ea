package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Device;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The null_blk driver in queue_mode=2 (3.16): queue_rq accepts everything and completes it inline,
 * through blk_mq_complete_request ("softirq"), or from a per-CPU hrtimer that completes its whole
 * batch at once. With {@code slots} it behaves like a ring-based driver instead: full ring, stop the
 * hctx, return BUSY, restart from the completion path.
 */
final class NullBlk {

    enum Status { OK, BUSY }

    private final Machine m;
    private final Device device;
    private final Completion completion;
    private final QueueRunner runner;
    /** Per-CPU completion lists of irqmode=2: only the first entry arms the CPU's timer. */
    private final List<List<Request>> timerLists;

    NullBlk(Machine m, Device device, Completion completion, QueueRunner runner) {
        this.m = m;
        this.device = device;
        this.completion = completion;
        this.runner = runner;
        this.timerLists = new ArrayList<>();
        for (int i = 0; i < m.cpus.length; i++) timerLists.add(new ArrayList<>());
    }

    /** null_queue_rq(). */
    Status queueRq(HardwareQueue hctx, Request rq, int cpu, Actor actor) {
        m.charge(m.costs.driverNs());
        if (device.slots() > 0 && hctx.inDevice >= device.slots()) {
            hctx.stopped = true;
            m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_mq_stop_hw_queue", cpu, actor, -1, hctx, -1);
            return Status.BUSY;
        }
        hctx.inDevice++;
        m.emit.request(TransitionKind.QUEUE_RQ, null, "null_queue_rq", cpu, actor, rq,
                Place.driver(hctx.index), Place.device(hctx.index));
        switch (device.irqMode()) {
            case "none" -> completion.endIo(rq, cpu, actor);
            case "softirq" -> completion.completeRequest(rq, cpu, actor);
            default -> addToTimerList(rq, cpu);
        }
        return Status.OK;
    }

    /** Called after a request has been ended: a ring-based driver restarts the queues it stopped. */
    void completed(HardwareQueue hctx, int cpu, Actor actor) {
        hctx.inDevice--;
        if (device.slots() > 0) runner.startStoppedQueues(true, cpu, actor);
    }

    /** null_cmd_end_timer(): join this CPU's list; the first entry arms the hrtimer. */
    private void addToTimerList(Request rq, int cpu) {
        List<Request> list = timerLists.get(cpu);
        list.add(rq);
        if (list.size() == 1) {
            m.sim.schedule(device.completionNs(), () -> m.on(cpu, () -> timerExpired(cpu)));
        }
    }

    /** null_cmd_timer_expired(): the whole batch completes here, with no IPI. */
    private void timerExpired(int cpu) {
        m.charge(m.costs.irqNs());
        List<Request> batch = new ArrayList<>(timerLists.get(cpu));
        timerLists.get(cpu).clear();
        Actor irq = Actor.interrupt(cpu);
        for (Request rq : batch) completion.endIo(rq, cpu, irq);
    }
}
