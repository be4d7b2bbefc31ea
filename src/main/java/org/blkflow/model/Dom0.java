package org.blkflow.model;

import org.blkflow.engine.Lock;
import org.blkflow.scenario.Backend;

/**
 * The driver domain behind xen-blkfront: dom0's vCPUs (CPUs of the model like the guest's, numbered
 * after them, so the engine's one-step-at-a-time and lock rules hold for them too), the lock inside
 * Xen that every grant map and unmap of the guest's pages takes, and dom0's own null_blk: either a
 * 3.16 blk-mq queue ({@link Dom0Queue}, device.backend.submitQueues set) or, as the model had it first,
 * no queue at all, every bio completed from a per-vCPU hrtimer as the guest's null_blk does (the same
 * {@link CompletionTimer}).
 */
final class Dom0 {

    /** The guest's grant table is one spinlock in Xen up to 4.5 (4.6 made it an rwlock for this reason). */
    static final String GRANT_TABLE_LOCK = "domU grant_table->lock";

    final Backend config;
    /** The model's id of dom0's vCPU 0. */
    final int firstCpu;
    final Lock grantTableLock;
    /** The flush that ends every unmap hypercall, for the pCPUs holding dom0's page tables. */
    final XenTlbFlush tlbFlush;
    final CompletionTimer<PendingReq> device;
    /** dom0's null_blk as a blk-mq request queue, when device.backend.submitQueues asks for one; else null. */
    final Dom0Queue queue;

    Dom0(Machine m, Backend config, int firstCpu, long completionNs) {
        this.config = config;
        this.firstCpu = firstCpu;
        // Xen's spinlocks are ticket locks (4.5): under contention every waiting vCPU slows each handoff.
        this.grantTableLock = m.newTicketLock(GRANT_TABLE_LOCK);
        this.tlbFlush = new XenTlbFlush(m, firstCpu, config.cpus());
        this.device = new CompletionTimer<>(m, completionNs,
                (p, cpu, next) -> p.back().endBlockIoOp(p, cpu, irqActor(cpu), next));
        this.queue = config.queued() ? new Dom0Queue(m, this, config, completionNs) : null;
    }

    /** The vCPU ring N's blkback thread and event channel are on: round robin over dom0's vCPUs. */
    int vcpuOf(int ring) {
        return firstCpu + ring % config.cpus();
    }

    /** Who dom0's vCPU {@code cpu} is running in interrupt context, as blktrace would name it. */
    Actor irqActor(int cpu) {
        return new Actor(0, "dom0/swapper/" + (cpu - firstCpu));
    }

    /**
     * struct pending_req: a request blkback has taken off the ring, with how its pages were had:
     * {@code persistent} found or newly kept as persistent grants (stay mapped), {@code mapped} mapped
     * for this request only (unmapped at its end).
     */
    record PendingReq(XenBlkback back, Request rq, int persistent, int mapped) {
    }
}
