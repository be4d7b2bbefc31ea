package org.blkflow.model;

import java.util.List;
import java.util.function.Consumer;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * xen-blkfront on blk-mq: blkif_queue_rq takes the ring's lock for each request and, on a full ring,
 * stops the hctx and answers BUSY; blkif_interrupt ends the responses under the lock and restarts
 * stopped queues. Rings "single-lock" (the first port: one io_lock for both sides), "split-lock"
 * (request and response halves locked apart) or "per-hctx" (a ring and ring_lock per hctx, 4.6).
 * Every ring lock is taken with spin_lock_irqsave.
 */
final class XenBlkfrontMq implements MqDriver {

    private final Machine m;
    private final List<XenRing> rings;
    private final Completion completion;
    private final QueueRunner runner;

    XenBlkfrontMq(Machine m, List<XenRing> rings, Completion completion, QueueRunner runner) {
        this.m = m;
        this.rings = rings;
        this.completion = completion;
        this.runner = runner;
        for (XenRing ring : rings) ring.attachFrontend(this::interrupt);
    }

    /** blkif_queue_rq(). */
    @Override
    public void queueRq(HardwareQueue hctx, Request rq, int cpu, Actor actor, Consumer<Status> result) {
        XenRing ring = ringOf(hctx);
        ring.requestLock.lockIrq(m.cpu(cpu), "blkif_queue_rq", () -> {
            if (ring.full()) {
                hctx.stopped = true;
                m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_mq_stop_hw_queue", cpu, actor, -1, hctx, -1);
                ring.requestLock.unlock(m.cpu(cpu));
                result.accept(Status.BUSY);
                return;
            }
            m.after(cpu, m.costs.driverNs(), () -> {
                m.emit.request(TransitionKind.QUEUE_RQ, null, "blkif_queue_request", cpu, actor, rq,
                        Place.driver(hctx.index), Place.device(hctx.index));
                ring.queue(rq);
                // flush_requests() for every request: the blk-mq port pushes as it queues.
                Runnable done = () -> {
                    boolean pending = ring.eventPendingOn(cpu);
                    ring.requestLock.unlock(m.cpu(cpu));
                    if (pending) m.after(cpu, m.costs.hypercallNs(), () -> result.accept(Status.OK));
                    else result.accept(Status.OK);
                };
                if (ring.pushRequestsAndCheckNotify()) ring.backend().notifyFromFrontend(cpu, actor, done);
                else done.run();
            });
        });
    }

    @Override
    public void completed(HardwareQueue hctx, int cpu, Actor actor) {
        // blkif_interrupt restarts the queues once it has consumed every response.
    }

    /** blkif_interrupt(): responses ended under the lock, then kick_pending_request_queues. */
    private void interrupt(XenRing ring) {
        int cpu = ring.irqCpu;
        Actor irq = Actor.interrupt(cpu);
        m.after(cpu, m.costs.irqNs(), () -> ring.responseLock.lockIrq(m.cpu(cpu), "blkif_interrupt",
                () -> responses(ring, cpu, irq)));
    }

    /**
     * Each response ended, and the tasks its end wakes on other vCPUs (a tag's sleeper, io_getevents)
     * sent their reschedule IPIs, before the next ({@link PvWakeups}).
     */
    private void responses(XenRing ring, int cpu, Actor irq) {
        if (ring.hasResponse()) {
            m.after(cpu, m.costs.completeNs(), () -> m.pvWakeups.run(cpu,
                    () -> completion.endIoNow(ring.nextResponse(), cpu, irq),
                    () -> responses(ring, cpu, irq)));
            return;
        }
        ring.handlerDone();
        Runnable leave = () -> {
            ring.responseLock.unlock(m.cpu(cpu));
            // A PV guest leaves the event upcall through the iret hypercall (xen_iret, arch/x86/xen/xen-asm_64.S).
            m.after(cpu, m.costs.hypercallNs(), Machine.END);
        };
        if (ring.full()) leave.run();
        else m.pvWakeups.run(cpu, () -> runner.startStoppedQueuesAsync(cpu, irq), leave);
    }

    private XenRing ringOf(HardwareQueue hctx) {
        return rings.size() == 1 ? rings.get(0) : rings.get(hctx.index);
    }
}
