package org.blkflow.scenario;

/**
 * xen-blkback in dom0, the server behind xen-blkfront's rings: how much CPU dom0 has for it and how
 * grants are handled. Only read when the device is xen-blkfront.
 *
 * @param cpus             dom0's vCPUs; ring N's blkback thread (and its event channel) runs on vCPU N mod cpus
 * @param persistentGrants feature-persistent (3.8+, on by default): blkback keeps each granted page
 *                         mapped and finds it again by lookup, instead of mapping and unmapping it per request
 * @param ringPages        pages of each shared ring (1, 2, 4, 8 or 16; max_ring_page_order, 4.0+): 32 slots a page
 * @param pcpus            the host's physical CPUs, shared by the guest's and dom0's vCPUs under Xen's
 *                         credit scheduler (engine/CreditScheduler); 0 = every vCPU has a CPU of its own
 * @param submitQueues     dom0's null_blk submit_queues: its 3.16 blk-mq queue's hardware queues over dom0's
 *                         vCPUs (capped at their number, as null_blk caps at nr_cpu_ids); `modprobe null_blk`
 *                         gives 1. 0 = no request queue in dom0, each bio straight to null_blk's per-vCPU
 *                         hrtimer with unlimited parallelism: the model before dom0's queue, so no stream changes
 * @param hwQueueDepth     dom0's null_blk hw_queue_depth: tags per hardware queue (default 64); read when
 *                         submitQueues is set
 * @param irqMode          dom0's null_blk irqmode (default softirq: completed as queue_rq returns); timer waits
 *                         the device's completionNs (completion_nsec). Read when submitQueues is set; without
 *                         a queue dom0's null_blk always uses its hrtimer
 * @param evtchnAffinity   where each ring's event channel interrupts: spread (ring N's on hctx N's first CPU,
 *                         dom0's on its thread's vCPU: the model's first choice, so no stream changes) or
 *                         vcpu0, as Linux binds them ({@link EvtchnAffinity})
 */
public record Backend(int cpus, boolean persistentGrants, int ringPages, int pcpus, int submitQueues, int hwQueueDepth,
                      IrqMode irqMode, EvtchnAffinity evtchnAffinity) {

    /** Every vCPU on a CPU of its own, as before the host's pCPUs were modelled. */
    public Backend(int cpus, boolean persistentGrants, int ringPages) {
        this(cpus, persistentGrants, ringPages, 0);
    }

    /** No request queue in dom0, as before dom0's null_blk was a blk-mq queue. */
    public Backend(int cpus, boolean persistentGrants, int ringPages, int pcpus) {
        this(cpus, persistentGrants, ringPages, pcpus, 0, NULL_BLK_DEPTH, IrqMode.SOFTIRQ, EvtchnAffinity.SPREAD);
    }

    /** The same backend with dom0's null_blk as `submit_queues`, `hw_queue_depth` and `irqmode` say. */
    public Backend withNullBlk(int queues, int depth, IrqMode mode) {
        return new Backend(cpus, persistentGrants, ringPages, pcpus, queues, depth, mode, evtchnAffinity);
    }

    /** The same backend with the rings' event channels bound as {@code affinity} says. */
    public Backend withEvtchn(EvtchnAffinity affinity) {
        return new Backend(cpus, persistentGrants, ringPages, pcpus, submitQueues, hwQueueDepth, irqMode, affinity);
    }

    /** The same backend with feature-persistent on or off. */
    public Backend withPersistentGrants(boolean on) {
        return new Backend(cpus, on, ringPages, pcpus, submitQueues, hwQueueDepth, irqMode, evtchnAffinity);
    }

    /** Whether dom0's null_blk is a request queue (blk-mq) rather than the bare per-vCPU hrtimer. */
    public boolean queued() {
        return submitQueues > 0;
    }

    /** One 4 KiB page holds 32 blkif slots (BLK_RING_SIZE). */
    public static final int SLOTS_PER_PAGE = 32;
    /** xen_blkif_max_ring_order 4: at most 16 pages. */
    public static final int MAX_RING_PAGES = 16;
    public static final int MAX_CPUS = 64;
    /** null_blk's hw_queue_depth default (3.16 and 4.x). */
    public static final int NULL_BLK_DEPTH = 64;
    /** As many as the guest's and dom0's vCPUs can be at most (64 + 64). */
    public static final int MAX_PCPUS = 128;
    /**
     * Four dom0 vCPUs, persistent grants as the kernel negotiates them by default, and the single-page
     * ring 3.16 had. dom0 is commonly given a few vCPUs of its own (dom0_max_vcpus); four is a modelling
     * choice, stated in the README.
     */
    public static final Backend DEFAULT = new Backend(4, true, 1);

    /** Slots of each ring. */
    public int ringSlots() {
        return SLOTS_PER_PAGE * ringPages;
    }
}
