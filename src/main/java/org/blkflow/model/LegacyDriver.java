package org.blkflow.model;

import org.blkflow.transition.TransitionKind;

/** What legacy request_fn drivers share: the queue, and running it later from kblockd. */
abstract class LegacyDriver implements RequestFn {

    protected final Machine m;
    protected final LegacyQueue q;
    protected final LegacyCompletion ends;
    private boolean runPending;

    LegacyDriver(Machine m, LegacyQueue q, LegacyCompletion ends) {
        this.m = m;
        this.q = q;
        this.ends = ends;
    }

    /** blk_run_queue_async(): kblockd runs the queue later, under queue_lock (blk_delay_work). */
    @Override
    public void runQueueAsync(int cpu, Actor actor) {
        if (runPending) return;
        runPending = true;
        m.emit.queue(TransitionKind.RUN_ASYNC, null, "blk_run_queue_async", cpu, actor, -1, q.queue, cpu);
        m.on(cpu, () -> {
            m.charge(m.costs.switchNs());
            runPending = false;
            q.queueLock.lock(cpu, "blk_delay_work");
            runQueue(cpu, Actor.kworker(cpu));
            q.queueLock.unlock();
        });
    }
}
