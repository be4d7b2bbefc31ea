package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;

/**
 * One blkif shared ring between xen-blkfront and xen-blkback: its request and response slots (32 a
 * page), the lock(s) the frontend takes around it, its event channel, and the two event indexes that
 * suppress notifications. The frontend notifies only when blkback's last RING_FINAL_CHECK_FOR_REQUESTS
 * found the ring empty and armed req_event; blkback notifies only when the frontend's handler armed
 * rsp_event after taking every response. So a busy ring runs with few event-channel sends.
 */
final class XenRing {

    /** Which ring: the hctx it serves with one ring per hctx, else 0. */
    final int index;
    /** The hctx that names this ring in transitions. */
    final HardwareQueue hctx;
    final int slots;
    /** Taken by the submission side (blkif_queue_request and friends). */
    final Lock requestLock;
    /** Taken by blkif_interrupt; the same object as requestLock unless the lock is split. */
    final Lock responseLock;
    /** The guest CPU blkif_interrupt of this ring's event channel runs on. */
    final int irqCpu;
    /** req_prod_pvt: queued by the frontend, not yet pushed. */
    private final ArrayDeque<Request> unpushed = new ArrayDeque<>();
    /** Between req_cons and req_prod: pushed, not yet taken by blkback. */
    private final ArrayDeque<Request> requests = new ArrayDeque<>();
    /** Between rsp_cons and rsp_prod: answered by blkback, not yet taken by the frontend. */
    private final ArrayDeque<Request> responses = new ArrayDeque<>();
    private int inFlight;
    /** req_event is past req_prod: the next push must notify (blkback waits for it). */
    private boolean reqEventArmed = true;
    /** rsp_event is past rsp_prod: the next response must notify (the frontend waits for it). */
    private boolean rspEventArmed = true;
    /** evtchn_upcall_pending for this ring's event: sent by dom0, its upcall not yet run. */
    private boolean eventPending;
    private XenBlkback backend;
    private Consumer<XenRing> frontendIrq;

    XenRing(int index, HardwareQueue hctx, int slots, Lock requestLock, Lock responseLock, int irqCpu) {
        this.index = index;
        this.hctx = hctx;
        this.slots = slots;
        this.requestLock = requestLock;
        this.responseLock = responseLock;
        this.irqCpu = irqCpu;
    }

    /** xenbus connect, dom0's end: the blkback thread serving this ring. */
    void attachBackend(XenBlkback backend) {
        this.backend = backend;
    }

    /** xenbus connect, the guest's end: the handler the ring's event channel runs (blkif_interrupt). */
    void attachFrontend(Consumer<XenRing> frontendIrq) {
        this.frontendIrq = frontendIrq;
    }

    XenBlkback backend() {
        return backend;
    }

    boolean full() {
        return inFlight >= slots;
    }

    /** blkif_queue_request(): the request takes a slot at req_prod_pvt; blkback cannot see it yet. */
    void queue(Request rq) {
        inFlight++;
        unpushed.add(rq);
    }

    /** RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(): publishes req_prod; true when blkback must be notified. */
    boolean pushRequestsAndCheckNotify() {
        boolean any = !unpushed.isEmpty();
        requests.addAll(unpushed);
        unpushed.clear();
        if (!any || !reqEventArmed) return false;
        reqEventArmed = false;
        return true;
    }

    /** blkback's loop takes the next request at req_cons, or null. */
    Request takeRequest() {
        return requests.poll();
    }

    /** RING_FINAL_CHECK_FOR_REQUESTS(): more to do, or req_event armed so the next push notifies. */
    boolean finalCheckForRequests() {
        if (!requests.isEmpty()) return true;
        reqEventArmed = true;
        return false;
    }

    /** make_response() + RING_PUSH_RESPONSES_AND_CHECK_NOTIFY(): true when the frontend must be notified. */
    boolean pushResponseAndCheckNotify(Request rq) {
        responses.add(rq);
        if (!rspEventArmed) return false;
        rspEventArmed = false;
        return true;
    }

    /** notify_remote_via_irq() from dom0: the event is pending on the guest's vCPU until its upcall runs. */
    void sendEvent(Machine m) {
        eventPending = true;
        m.interrupt(irqCpu, this::interruptFrontend);
    }

    /** The event channel fires blkif_interrupt on the guest. */
    private void interruptFrontend() {
        eventPending = false;
        frontendIrq.accept(this);
    }

    /**
     * Whether re-enabling interrupts on {@code cpu} finds this ring's event pending: a PV guest then calls
     * xen_force_evtchn_callback(), a xen_version hypercall, to have Xen deliver it (xen_restore_fl).
     */
    boolean eventPendingOn(int cpu) {
        return eventPending && irqCpu == cpu;
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

    /** RING_FINAL_CHECK_FOR_RESPONSES() found nothing: rsp_event armed, the next response notifies. */
    void handlerDone() {
        rspEventArmed = true;
    }
}
