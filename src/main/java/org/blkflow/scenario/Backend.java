package org.blkflow.scenario;

/**
 * xen-blkback in dom0, the server behind xen-blkfront's rings: how much CPU dom0 has for it and how
 * grants are handled. Only read when the device is xen-blkfront.
 *
 * @param cpus             dom0's vCPUs; ring N's blkback thread (and its event channel) runs on vCPU N mod cpus
 * @param persistentGrants feature-persistent (3.8+, on by default): blkback keeps each granted page
 *                         mapped and finds it again by lookup, instead of mapping and unmapping it per request
 * @param ringPages        pages of each shared ring (1, 2, 4, 8 or 16; max_ring_page_order, 4.0+): 32 slots a page
 */
public record Backend(int cpus, boolean persistentGrants, int ringPages) {

    /** One 4 KiB page holds 32 blkif slots (BLK_RING_SIZE). */
    public static final int SLOTS_PER_PAGE = 32;
    /** xen_blkif_max_ring_order 4: at most 16 pages. */
    public static final int MAX_RING_PAGES = 16;
    public static final int MAX_CPUS = 64;
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
