package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * xen-blkfront in 3.16, a request_fn driver: blk_init_queue(do_blkif_request, &info->io_lock), so
 * io_lock is at once the queue lock and the ring's lock. Submission from every CPU and the
 * completion interrupt, which ends requests and refills the ring, all serialise on it.
 */
final class XenBlkfrontSq extends LegacyDriver {

    private final XenRing ring;

    XenBlkfrontSq(Machine m, LegacyQueue q, LegacyCompletion ends, XenRing ring) {
        super(m, q, ends);
        this.ring = ring;
        ring.attachFrontend(this::interrupt);
    }

    /** do_blkif_request(), io_lock held: peek, stop on a full ring, else start and queue. */
    @Override
    public void runQueue(int cpu, Actor actor, Runnable done) {
        if (q.stopped) {
            done.run();
            return;
        }
        m.emit.queue(TransitionKind.RUN_QUEUE, null, "do_blkif_request", cpu, actor, -1, q.queue, -1);
        requestLoop(cpu, actor, done);
    }

    private void requestLoop(int cpu, Actor actor, Runnable done) {
        Request rq = ends.peek(cpu, actor);
        if (rq == null) {
            wakeElevator(cpu);
            flushRequests(cpu, actor, done);
            return;
        }
        if (ring.full()) {
            q.stopped = true;
            m.emit.queue(TransitionKind.HCTX_STOP, null, "blk_stop_queue", cpu, actor, -1, q.queue, -1);
            flushRequests(cpu, actor, done);
            return;
        }
        ends.start(rq, cpu, actor, () -> m.after(cpu, m.costs.driverNs(), () -> {
            m.emit.request(TransitionKind.QUEUE_RQ, null, "blkif_queue_request", cpu, actor, rq, Place.driver(0),
                    Place.device(0));
            ring.queue(rq);
            requestLoop(cpu, actor, done);
        }));
    }

    /** flush_requests(), once at the end of do_blkif_request: push what was queued, notify if blkback asked. */
    private void flushRequests(int cpu, Actor actor, Runnable done) {
        if (ring.pushRequestsAndCheckNotify()) ring.backend().notifyFromFrontend(cpu, actor, done);
        else done.run();
    }

    /** blkif_interrupt(): under io_lock, end every response, then kick_pending_request_queues. */
    private void interrupt(XenRing r) {
        int cpu = r.irqCpu;
        Actor irq = Actor.interrupt(cpu);
        m.after(cpu, m.costs.irqNs(), () -> q.queueLock.lockIrq(m.cpu(cpu), "blkif_interrupt",
                () -> responses(r, cpu, irq)));
    }

    private void responses(XenRing r, int cpu, Actor irq) {
        if (r.hasResponse()) {
            // The tasks a response's end wakes on other vCPUs are sent their reschedule IPIs (PvWakeups).
            m.after(cpu, m.costs.completeNs(), () -> m.pvWakeups.run(cpu, () -> {
                Request rq = r.nextResponse();
                ends.completeNow(rq, cpu, irq);
                ends.free(rq, cpu, irq);
            }, () -> responses(r, cpu, irq)));
            return;
        }
        r.handlerDone();
        wakeElevator(cpu);
        // A PV guest leaves the event upcall through the iret hypercall (xen_iret, arch/x86/xen/xen-asm_64.S).
        Runnable unlock = () -> {
            q.queueLock.unlock(m.cpu(cpu));
            m.after(cpu, m.costs.hypercallNs(), Machine.END);
        };
        kickPendingRequestQueues(r, cpu, irq, unlock);
    }

    /**
     * kick_pending_request_queues(), at the end of every blkif_interrupt: with room on the ring,
     * blk_start_queue (which clears STOPPED) and do_blkif_request, whether or not the queue was stopped,
     * so the interrupt issues what waits in the queue itself. blk_start_queue's own __blk_run_queue is the
     * same request_fn on the same queue under the same lock: one run stands for both.
     */
    private void kickPendingRequestQueues(XenRing r, int cpu, Actor irq, Runnable unlock) {
        if (r.full()) {
            unlock.run();
            return;
        }
        if (q.stopped) {
            q.stopped = false;
            m.emit.queue(TransitionKind.HCTX_START, null, "blk_start_queue", cpu, irq, -1, q.queue, -1);
        }
        runQueue(cpu, irq, unlock);
    }
}
