package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;

/**
 * One blkif shared ring between xen-blkfront and the backend: a page of request slots (32 for one
 * 4 KiB page, ScenarioDefaults.XEN_RING_SLOTS), the lock(s) the frontend takes around it, and the
 * event channel whose interrupt lands on one CPU.
 * The backend answers each request completionNs after it was pushed; responses that arrive while
 * the interrupt handler still runs are taken by it (RING_FINAL_CHECK_FOR_RESPONSES), so only a
 * response that finds no handler running raises a new interrupt.
 */
final class XenRing {

    final int slots;
    /** Taken by the submission side (blkif_queue_request and friends). */
    final Lock requestLock;
    /** Taken by blkif_interrupt; the same object as requestLock unless the lock is split. */
    final Lock responseLock;
    final int irqCpu;
    private final Machine m;
    private final long latencyNs;
    private final ArrayDeque<Request> responses = new ArrayDeque<>();
    private int inFlight;
    private boolean irqPending;

    XenRing(Machine m, int slots, Lock requestLock, Lock responseLock, int irqCpu, long latencyNs) {
        this.m = m;
        this.slots = slots;
        this.requestLock = requestLock;
        this.responseLock = responseLock;
        this.irqCpu = irqCpu;
        this.latencyNs = latencyNs;
    }

    boolean full() {
        return inFlight >= slots;
    }

    /** blkif_queue_request() + flush_requests(): the request takes a slot; the backend is notified. */
    void push(Request rq, Consumer<XenRing> interrupt) {
        inFlight++;
        m.sim.schedule(latencyNs, () -> {
            responses.add(rq);
            if (irqPending) return;
            irqPending = true;
            m.interrupt(irqCpu, () -> interrupt.accept(this));
        });
    }

    boolean hasResponse() {
        return !responses.isEmpty();
    }

    /** The handler's loop takes one response; its slot is free from this moment. */
    Request nextResponse() {
        Request rq = responses.poll();
        if (rq != null) inFlight--;
        return rq;
    }

    /** The handler's final check found nothing: the next response raises a new interrupt. */
    void handlerDone() {
        irqPending = false;
    }
}
