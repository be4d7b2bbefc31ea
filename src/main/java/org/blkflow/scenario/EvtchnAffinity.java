package org.blkflow.scenario;

/**
 * Which vCPU each ring's event channel is bound to, at both ends. Linux binds every new interdomain event
 * channel to vCPU 0 (drivers/xen/events/events_base.c, bind_evtchn_to_irq: "New interdomain events are
 * bound to VCPU 0"), and neither multi-queue xen-blkfront (setup_blkring: bind_evtchn_to_irqhandler, no
 * affinity) nor xen-blkback (bind_interdomain_evtchn_to_irqhandler) moves it; only irqbalance or an
 * administrator's smp_affinity would, later.
 */
public enum EvtchnAffinity implements Label {
    /** Ring N's interrupt on the first CPU of hctx N, dom0's on its blkback thread's vCPU: as if moved there. */
    SPREAD("spread"),
    /** As the drivers bind them: every ring's event on the guest's vCPU 0 and on dom0's vCPU 0. */
    VCPU0("vcpu0");

    private final String label;

    EvtchnAffinity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
