package org.blkflow.model;

import org.blkflow.transition.TransitionKind;

/** What legacy request_fn drivers share: the queue, and running it later from kblockd. */
abstract class LegacyDriver implements RequestFn {

    protected final Machine m;
    protected final LegacyQueue q;
    protected final LegacyCompletion ends;
    private boolean runPending;
    private long wakeScheduled = -1;

    LegacyDriver(Machine m, LegacyQueue q, LegacyCompletion ends) {
        this.m = m;
        this.q = q;
        this.ends = ends;
    }

    /** The elevator asked to be run again at some time (cfq's idle timer): the timer kicks kblockd then. */
    void wakeElevator(int cpu) {
        long at = q.elevator.wakeAt();
        if (at < 0 || at == wakeScheduled) return;
        wakeScheduled = at;
        m.sim.at(Math.max(at, m.sim.now()), () -> m.interrupt(cpu, () -> {
            if (wakeScheduled == at) wakeScheduled = -1;
            runQueueAsync(cpu, Actor.interrupt(cpu));
        }));
    }

    /** blk_run_queue_async(): kblockd runs the queue later, under queue_lock (blk_delay_work). */
    @Override
    public void runQueueAsync(int cpu, Actor actor) {
        if (runPending) return;
        runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "blk_run_queue_async", cpu, actor, -1, q.queue, cpu);
        m.wake(cpu, () -> m.switchIn(cpu, () -> {
            runPending = false;
            q.queueLock.lockIrq(m.cpu(cpu), "blk_delay_work",
                    () -> runQueue(cpu, Actor.kworker(cpu), () -> {
                        q.queueLock.unlock(m.cpu(cpu));
                        m.schedule(cpu);
                    }));
        }));
    }
}
