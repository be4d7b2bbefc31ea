package org.blkflow.scenario;

/**
 * The null_blk-like device behind the queues.
 *
 * @param irqMode "none" (complete inline), "softirq" (null_blk's default: completes as queue_rq
 *                returns) or "timer" (per-CPU hrtimer batching after completionNs)
 * @param slots   commands the device holds at once, 0 for no limit beyond the tags. When it is full,
 *                queue_rq stops the hctx and returns BUSY, as a ring-based driver (xen-blkfront's blk-mq
 *                port) does, and the next completion restarts the queue. Real null_blk never says BUSY.
 * @param driver  "null_blk" or "xen-blkfront"
 * @param rings   xen-blkfront only: "single-lock" (one ring, one io_lock), "split-lock" (the ring's lock
 *                split into request and response halves) or "per-hctx" (a ring and lock per hctx)
 * @param backend xen-blkfront only: xen-blkback in dom0 (its vCPUs, persistent grants, ring pages)
 */
public record Device(long completionNs, String irqMode, int maxSectors, int maxSegments, int slots,
                     String driver, String rings, Backend backend) {

    public static final String NULL_BLK = "null_blk";
    public static final String XEN = "xen-blkfront";
    public static final String SINGLE_LOCK = "single-lock";

    /** A null_blk device. */
    public Device(long completionNs, String irqMode, int maxSectors, int maxSegments, int slots) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, NULL_BLK, SINGLE_LOCK);
    }

    /** A device with xen-blkback's defaults behind it. */
    public Device(long completionNs, String irqMode, int maxSectors, int maxSegments, int slots, String driver,
                  String rings) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings, Backend.DEFAULT);
    }

    public Device {
        backend = backend == null ? Backend.DEFAULT : backend;
    }
}
