package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Completion in 7.0: blk_mq_complete_request() decides where ->complete runs (inline, a local
 * BLOCK_SOFTIRQ, or an IPI to the submitting CPU), blk_mq_end_request() traces C and ends the bios,
 * and __blk_mq_free_request() puts the driver and scheduler tags, wakes tag waiters in sbitmap
 * batches and runs an hctx waiting for a restart.
 *
 * <p>Modelling choice: a softirq raised on a CPU runs as an interrupt at that CPU's next step
 * boundary. CPUs share a last-level cache exactly when they are on the same NUMA node.
 */
final class Completion70 {

    private final Machine m;
    private final Hctx70[] hctxs;
    private final int[] nodeOfCpu;
    private Dispatch70 dispatch;
    /** Every device's submission, by device number: a freed tag of a shared set may wake another queue's task. */
    private Mq70Submission[] submissions;
    private Workload workload;

    Completion70(Machine m, Hctx70[] hctxs, int[] nodeOfCpu) {
        this.m = m;
        this.hctxs = hctxs;
        this.nodeOfCpu = nodeOfCpu;
    }

    void attach(Dispatch70 dispatch, Mq70Submission[] submissions, Workload workload) {
        this.dispatch = dispatch;
        this.submissions = submissions;
        this.workload = workload;
    }

    /**
     * blk_mq_complete_request() on {@code cpu}: local when the hctx has one ctx and this is its CPU;
     * an IPI to the submitter when it is on another LLC (QUEUE_FLAG_SAME_COMP, rq_affinity=1); the
     * single-queue case defers to this CPU's softirq; anything else completes inline.
     */
    void completeRequest(Request rq, int cpu, Actor actor, Runnable next) {
        int submitter = rq.ctx.cpu;
        boolean local = rq.hctx.ctxs.size() == 1 && submitter == cpu;
        if (!local && submitter != cpu && nodeOfCpu[submitter] != nodeOfCpu[cpu]) {
            m.emit.request(TransitionKind.IPI, null, "blk_mq_complete_send_ipi", cpu, actor, rq,
                    Place.device(rq.hctx.index), Place.device(rq.hctx.index));
            m.interrupt(submitter, () -> m.after(submitter, m.costs.ipiNs(),
                    () -> endRequest(rq, submitter, Actor.interrupt(submitter), Machine.END)));
            next.run();
            return;
        }
        if (!local && m.hctxs.length == 1) {
            m.interrupt(cpu, () -> endRequest(rq, cpu, Actor.interrupt(cpu), Machine.END));
            next.run();
            return;
        }
        endRequest(rq, cpu, actor, next);
    }

    /** blk_mq_end_request() after its CPU time. */
    void endRequest(Request rq, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.completeNs(), () -> {
            endNow(rq, cpu, actor);
            next.run();
        });
    }

    /** blk_update_request (one C for the request, bio_endio for each bio), then the free. */
    private void endNow(Request rq, int cpu, Actor actor) {
        complete(rq, "blk_update_request", cpu, actor);
        free(rq, "__blk_mq_free_request", true, cpu, actor);
    }

    /** C (traced by {@code fn}) and bio_endio for each bio, each handed back to its task. */
    void complete(Request rq, String fn, int cpu, Actor actor) {
        rq.hctx.inDevice--;
        RequestEnd.blkUpdateRequest(m, workload, rq, fn, Place.device(rq.hctx.index), rq.hctx, cpu, actor);
    }

    /**
     * __blk_mq_free_request() ({@code restart}: blk_mq_sched_restart follows) or a tag of
     * blk_mq_flush_tag_batch(): both tags back (hints on the request's CPU), waiters woken.
     */
    void free(Request rq, String fn, boolean restart, int cpu, Actor actor) {
        Hctx70 x = Hctx70.of(hctxs, rq.hctx);
        dispatch.finishRequest(rq, cpu, actor);
        List<Task> woken = new ArrayList<>();
        if (rq.tag >= 0) {
            woken.addAll(x.driverTags.put(rq.tag, rq.ctx.cpu));
            x.driverTagPut();
        }
        if (rq.internalTag >= 0) woken.addAll(x.schedTags.put(rq.internalTag, rq.ctx.cpu));
        // From done, cached (the plug's unused requests) or merged (a request another absorbed: attempt_merge).
        m.emit.request(TransitionKind.FREE, null, fn, cpu, actor, rq, rq.place, Place.NONE);
        for (Task task : woken) {
            // The waiter's own hctx: on a shared tag set it may be another device's.
            Mq70Submission waiter = submissions[task.pendingBio.device];
            HardwareQueue waitsOn = waiter.waitsOn(task);
            m.emit.bio(TransitionKind.WAKE, null, "sbitmap_queue_wake_up", cpu, actor, task.pendingBio, null,
                    waitsOn, Place.tagWait(waitsOn.index), Place.task(task.cpu));
            m.wake(task.cpu, () -> waiter.retryAfterWake(task));
        }
        if (!x.tagPollers.isEmpty()) {
            List<Runnable> parked = new ArrayList<>(x.tagPollers);
            x.tagPollers.clear();
            parked.forEach(Runnable::run);
        }
        if (restart) dispatch.restart(x, cpu, actor);
        dispatch.budgetRestart(cpu, actor);
    }
}
