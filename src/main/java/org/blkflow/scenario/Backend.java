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
 */
public record Backend(int cpus, boolean persistentGrants, int ringPages, int pcpus) {

    /** Every vCPU on a CPU of its own, as before the host's pCPUs were modelled. */
    public Backend(int cpus, boolean persistentGrants, int ringPages) {
        this(cpus, persistentGrants, ringPages, 0);
    }

    /** One 4 KiB page holds 32 blkif slots (BLK_RING_SIZE). */
    public static final int SLOTS_PER_PAGE = 32;
    /** xen_blkif_max_ring_order 4: at most 16 pages. */
    public static final int MAX_RING_PAGES = 16;
    public static final int MAX_CPUS = 64;
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
