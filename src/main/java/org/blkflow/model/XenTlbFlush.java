package org.blkflow.model;

import org.blkflow.engine.Lock;

/**
 * Xen's TLB flush after a grant unmap. Every GNTTABOP_unmap_grant_ref batch ends in gnttab_flush_tlb():
 * flush_tlb_mask(dom0's domain_dirty_cpumask) (xen/common/grant_table.c), because dom0's page tables
 * mapped the guest's page and any pCPU holding them may have it in its TLB. flush_area_mask()
 * (xen/arch/x86/smp.c, Xen 4.5) takes the host's one flush_lock, sends INVALIDATE_TLB_VECTOR to every
 * other pCPU in the mask and spins until each has flushed. The mask is every pCPU that holds dom0's
 * page tables ({@link org.blkflow.engine.Cpu#holdsPcpu}): a dom0 vCPU on a CPU of its own is in it
 * even while idle, as Xen's switch to idle is lazy. So each unmap interrupts every other such vCPU,
 * whatever it is doing, and the unmaps of all of dom0's blkback threads queue on one lock.
 *
 * <p>Costs: sending the IPIs and the wait for the acknowledgements are one {@code ipiNs} on the
 * initiator, taking it and flushing one {@code ipiNs} on each target. Departures: the initiator waits
 * that fixed time rather than for each target's own acknowledgement (Xen takes the IPI even on a CPU
 * spinning on a lock; the model's spinning CPU takes no interrupts, so a real wait could never end);
 * and flush_lock is held with the model's interrupts off, so that the flush IPIs a CPU could not take
 * while it spun for the lock do not run inside its hold (Xen took them during the spin).
 */
final class XenTlbFlush {

    /** Named as Xen names it; it is the host's, not dom0's, and serialises every domain's flushes. */
    static final String FLUSH_LOCK = "Xen flush_lock";

    private final Machine m;
    private final int firstCpu;
    private final int cpus;
    private final Lock flushLock;

    XenTlbFlush(Machine m, int firstCpu, int cpus) {
        this.m = m;
        this.firstCpu = firstCpu;
        this.cpus = cpus;
        // Xen's spinlocks are ticket locks (4.5), as its grant-table lock.
        this.flushLock = m.newTicketLock(FLUSH_LOCK);
    }

    /** flush_tlb_mask(dom0's dirty mask) from the dom0 vCPU {@code cpu} that unmapped; then {@code next}. */
    void flushTlbMask(int cpu, Runnable next) {
        flushLock.lockIrq(m.cpu(cpu), "flush_area_mask", () -> {
            for (int target = firstCpu; target < firstCpu + cpus; target++) {
                if (target != cpu && m.cpu(target).holdsPcpu()) invalidateInterrupt(target);
            }
            m.after(cpu, m.costs.ipiNs(), () -> {
                flushLock.unlock(m.cpu(cpu));
                next.run();
            });
        });
    }

    /** invalidate_interrupt() on a target: the IPI taken and its TLB flushed, then whatever it was doing. */
    private void invalidateInterrupt(int target) {
        m.interrupt(target, () -> m.after(target, m.costs.ipiNs(), Machine.END));
    }
}
