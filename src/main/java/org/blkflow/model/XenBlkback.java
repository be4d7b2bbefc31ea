package org.blkflow.model;

import org.blkflow.engine.Lock;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * xen-blkback's side of one ring in dom0: the kthread xen_blkif_schedule, woken by the ring's event
 * channel (xen_blkif_be_int), takes requests off the ring until RING_FINAL_CHECK_FOR_REQUESTS finds
 * none, maps each request's granted pages (or finds them among the persistent grants) and submits a bio
 * to dom0's null_blk; the bio's end unmaps, writes the response under blk_ring_lock and notifies the
 * frontend only when it asked to be (rsp_event). Its CPU time is dom0's, on one vCPU.
 */
final class XenBlkback {

    /** xen_blkif_max_pgrants: at most this many pages of a ring stay mapped as persistent grants. */
    static final int MAX_PERSISTENT_GRANTS = 1056;
    /** BLKIF_MAX_SEGMENTS_PER_REQUEST: the map and unmap arrays xen_blkbk_map/unmap fill before each hypercall. */
    static final int PAGES_PER_HYPERCALL = 11;
    /** SEGS_PER_INDIRECT_FRAME: an indirect page holds PAGE_SIZE / 8 segment descriptors. */
    static final int SEGS_PER_INDIRECT_FRAME = 512;

    private final Machine m;
    private final Dom0 dom0;
    private final XenRing ring;
    private final int cpu;
    /** The dom0 vCPU the ring's event channel interrupts (xen_blkif_be_int): the thread's, or vCPU 0 as bound. */
    private final int evtchnCpu;
    private final Lock ringLock;
    private final Actor thread;
    private final Actor irq;
    /** blkif->waiting_reqs: set by the interrupt, cleared by the thread before it looks at the ring. */
    private boolean waitingReqs;
    private boolean awake;
    private int persistentFree;
    private int persistentMapped;

    XenBlkback(Machine m, Dom0 dom0, XenRing ring) {
        this.m = m;
        this.dom0 = dom0;
        this.ring = ring;
        this.cpu = dom0.vcpuOf(ring.index);
        this.ringLock = m.newLock("blkif[" + ring.index + "]->blk_ring_lock");
        this.thread = new Actor(400 + ring.index, "blkback.1.xvda-" + ring.index);
        this.evtchnCpu = dom0.config.evtchnAffinity() == EvtchnAffinity.VCPU0 ? dom0.firstCpu : cpu;
        this.irq = dom0.irqActor(evtchnCpu);
    }

    /** The frontend's notify_remote_via_irq() after a push that had to notify: one hypercall, then be_int. */
    void notifyFromFrontend(int guestCpu, Actor actor, Runnable next) {
        m.after(guestCpu, m.costs.hypercallNs(), () -> {
            m.emit.queue(TransitionKind.EVTCHN, null, "notify_remote_via_irq", guestCpu, actor, -1, ring.hctx, evtchnCpu);
            m.interrupt(evtchnCpu, this::beInt);
            next.run();
        });
    }

    /**
     * xen_blkif_be_int(): mark work and wake the thread, on its own vCPU wherever the event lands: from
     * another vCPU of dom0 (a PV domain) that wakeup is a reschedule IPI ({@link PvWakeups}).
     */
    private void beInt() {
        m.after(evtchnCpu, m.costs.irqNs(), () -> m.pvWakeups.run(evtchnCpu, () -> {
            m.emit.queue(TransitionKind.BLKBACK, null, "xen_blkif_be_int", evtchnCpu, irq, -1, ring.hctx, -1);
            waitingReqs = true;
            if (awake) return;
            awake = true;
            m.wake(cpu, this::schedule);
        }, Machine.END));
    }

    /** xen_blkif_schedule(): the woken kthread runs once the switch to it is paid. */
    private void schedule() {
        m.emit.queue(TransitionKind.BLKBACK, null, "xen_blkif_schedule", cpu, thread, -1, ring.hctx, -1);
        m.switchIn(cpu, this::doBlockIoOp);
    }

    /** do_block_io_op() / __do_block_io_op(): one request off the ring per step, until the final check. */
    private void doBlockIoOp() {
        waitingReqs = false;
        Request rq = ring.takeRequest();
        if (rq != null) {
            dispatch(rq);
            return;
        }
        if (ring.finalCheckForRequests() || waitingReqs) {
            doBlockIoOp();
            return;
        }
        // wait_event_interruptible(waiting_reqs): the thread sleeps until the next be_int. In the stream, so a
        // viewer knows which blkback threads sleep without guessing from silence.
        awake = false;
        m.emit.queue(TransitionKind.BLKBACK, null, "wait_event_interruptible", cpu, thread, -1, ring.hctx, -1);
        m.schedule(cpu);
    }

    /**
     * dispatch_rw_block_io(): parse the slot (an indirect request's segments first, from pages of their own),
     * get the pages, build and submit the bio.
     */
    private void dispatch(Request rq) {
        m.emit.request(TransitionKind.BLKBACK, null, "dispatch_rw_block_io", cpu, thread, rq,
                Place.device(rq.hctx.index), Place.device(rq.hctx.index));
        if (rq.segments > PAGES_PER_HYPERCALL) parseIndirect(rq, () -> mapSegments(rq));
        else mapSegments(rq);
    }

    /**
     * xen_blkbk_parse_indirect(): blkfront sends a request of more than BLKIF_MAX_SEGMENTS_PER_REQUEST
     * segments as BLKIF_OP_INDIRECT, its segment list in granted pages of its own (SEGS_PER_INDIRECT_FRAME
     * a page); blkback maps them, reads the segments and unmaps them at once (xen_blkbk_map, then
     * xen_blkbk_unmap, with its flush), before it maps the data. With persistent grants they are found
     * among those. Departure: the indirect pages are not counted against the ring's persistent grants.
     */
    private void parseIndirect(Request rq, Runnable next) {
        int pages = (rq.segments + SEGS_PER_INDIRECT_FRAME - 1) / SEGS_PER_INDIRECT_FRAME;
        if (dom0.config.persistentGrants()) {
            m.after(cpu, pages * m.costs.persistentGrantNs(), next);
            return;
        }
        grantOps("gnttab_map_refs", pages, m.costs.grantMapNs(), false, rq, cpu, thread,
                () -> grantOps("gnttab_unmap_refs", pages, m.costs.grantUnmapNs(), true, rq, cpu, thread, next));
    }

    /** xen_blkbk_map_seg(): the data pages, each found among the persistent grants or mapped. */
    private void mapSegments(Request rq) {
        int found = dom0.config.persistentGrants() ? Math.min(rq.segments, persistentFree) : 0;
        persistentFree -= found;
        int map = rq.segments - found;
        int keep = dom0.config.persistentGrants() ? Math.min(map, MAX_PERSISTENT_GRANTS - persistentMapped) : 0;
        persistentMapped += keep;
        Dom0.PendingReq p = new Dom0.PendingReq(this, rq, found + keep, map - keep);
        m.after(cpu, found * m.costs.persistentGrantNs(), () -> {
            if (map == 0) {
                submit(p);
                return;
            }
            grantOps("gnttab_map_refs", map, m.costs.grantMapNs(), false, rq, cpu, thread, () -> submit(p));
        });
    }

    /**
     * gnttab_map_refs or gnttab_unmap_refs for {@code pages} pages: xen_blkbk_map and xen_blkbk_unmap
     * gather at most {@link #PAGES_PER_HYPERCALL} a call. Each call enters Xen and holds the guest's
     * grant-table lock for its pages; an unmap call ends in Xen's TLB flush ({@link XenTlbFlush}).
     */
    private void grantOps(String fn, int pages, long perPage, boolean unmap, Request rq, int cpu, Actor actor, Runnable next) {
        int now = Math.min(pages, PAGES_PER_HYPERCALL);
        Runnable rest = pages > now ? () -> grantOps(fn, pages - now, perPage, unmap, rq, cpu, actor, next) : next;
        m.after(cpu, m.costs.hypercallNs(), () -> dom0.grantTableLock.lockIrq(m.cpu(cpu), fn,
                () -> m.after(cpu, now * perPage, () -> {
                    dom0.grantTableLock.unlock(m.cpu(cpu));
                    m.emit.request(TransitionKind.BLKBACK, null, fn, cpu, actor, rq, Place.device(rq.hctx.index), Place.device(rq.hctx.index));
                    if (unmap) dom0.tlbFlush.flushTlbMask(cpu, rest);
                    else rest.run();
                })));
    }

    /**
     * submit_bio() to dom0's null_blk, and on to the next slot of the ring. Without dom0's request queue
     * blkbackNs is dom0's whole block layer too; with it, that part is the queue's own steps.
     */
    private void submit(Dom0.PendingReq p) {
        long own = dom0.queue == null ? m.costs.blkbackNs() : Math.max(0, m.costs.blkbackNs() - dom0.queue.blockLayerNs());
        m.after(cpu, own, () -> {
            m.emit.request(TransitionKind.BLKBACK, null, "submit_bio", cpu, thread, p.rq(),
                    Place.device(p.rq().hctx.index), Place.device(p.rq().hctx.index));
            if (dom0.queue != null) {
                dom0.queue.submitBio(p, cpu, thread, this::doBlockIoOp);
                return;
            }
            dom0.device.add(p, cpu);
            doBlockIoOp();
        });
    }

    /**
     * end_block_io_op(), on the vCPU dom0's null_blk ends the bio on: the hrtimer's or, with dom0's queue,
     * the submitting vCPU (inline, or by IPI) or the timer's.
     */
    void endBlockIoOp(Dom0.PendingReq p, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.completeNs(), () -> {
            m.emit.request(TransitionKind.BLKBACK, null, "end_block_io_op", cpu, actor, p.rq(),
                    Place.device(p.rq().hctx.index), Place.device(p.rq().hctx.index));
            persistentFree += p.persistent();
            if (p.mapped() == 0) {
                makeResponse(p, cpu, actor, next);
                return;
            }
            grantOps("gnttab_unmap_refs", p.mapped(), m.costs.grantUnmapNs(), true, p.rq(), cpu, actor,
                    () -> makeResponse(p, cpu, actor, next));
        });
    }

    /** make_response(): the response under blk_ring_lock, then notify_remote_via_irq if the frontend asked. */
    private void makeResponse(Dom0.PendingReq p, int cpu, Actor actor, Runnable next) {
        ringLock.lockIrq(m.cpu(cpu), "make_response", () -> {
            m.emit.request(TransitionKind.BLKBACK, null, "make_response", cpu, actor, p.rq(),
                    Place.device(p.rq().hctx.index), Place.device(p.rq().hctx.index));
            boolean notify = ring.pushResponseAndCheckNotify(p.rq());
            ringLock.unlock(m.cpu(cpu));
            if (!notify) {
                next.run();
                return;
            }
            m.after(cpu, m.costs.hypercallNs(), () -> {
                m.emit.queue(TransitionKind.EVTCHN, null, "notify_remote_via_irq", cpu, actor, -1, ring.hctx,
                        ring.irqCpu);
                ring.sendEvent(m);
                next.run();
            });
        });
    }
}
