package org.blkflow.scenario;

/**
 * The null_blk-like device behind the queues, or xen-blkfront with xen-blkback in dom0 behind it.
 *
 * @param irqMode how null_blk completes: inline, as queue_rq returns (its default), or from a per-CPU
 *                hrtimer batching after completionNs
 * @param slots   commands the device holds at once, 0 for no limit beyond the tags. When it is full,
 *                queue_rq stops the hctx and returns BUSY, as a ring-based driver (xen-blkfront's blk-mq
 *                port) does, and the next completion restarts the queue. Real null_blk never says BUSY.
 * @param rings   xen-blkfront only: how its rings and their locks are laid out
 * @param backend xen-blkfront only: xen-blkback in dom0 (its vCPUs, persistent grants, ring pages)
 * @param pollQueues 7.0 only: null_blk's poll_queues, hctxs after the submit queues for polled I/O
 *                   (null_blk's default is 1; the model's 0 keeps one queue a single-queue device)
 * @param budget  7.0 only: a SCSI-like per-device command budget (get_budget / put_budget), 0 for none
 * @param requeueEvery 7.0 only: null_blk's requeue fault injection, {@code requeue=N,100,0,-1}: every
 *                     Nth queue_rq call is refused, alternately BLK_STS_RESOURCE and
 *                     blk_mq_requeue_request(rq, true); 0 for never
 * @param count   7.0 only: null_blk's nr_devices, each device (nullb0 …) a request_queue of its own with
 *                these same parameters
 * @param sharedTags 7.0 only: null_blk's shared_tags, one tag set for every device (each hctx index's
 *                   tags shared; BLK_MQ_F_TAG_QUEUE_SHARED, and so the fair share, once count is 2 or more)
 */
public record Device(long completionNs, IrqMode irqMode, int maxSectors, int maxSegments, int slots,
                     Driver driver, Rings rings, Backend backend, int pollQueues, int budget, int requeueEvery,
                     int count, boolean sharedTags) {

    /** null_blk's nr_devices is a module parameter without a cap; the model draws at most four. */
    public static final int MAX_COUNT = 4;

    /** One device, as every scenario had before several. */
    public Device(long completionNs, IrqMode irqMode, int maxSectors, int maxSegments, int slots, Driver driver,
                  Rings rings, Backend backend, int pollQueues, int budget, int requeueEvery) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings, backend, pollQueues, budget,
                requeueEvery, 1, false);
    }

    /** Whether the devices' hctxs share tags (BLK_MQ_F_TAG_QUEUE_SHARED): shared_tags with two or more. */
    public boolean tagsShared() {
        return sharedTags && count > 1;
    }

    /** A device without requeue injection, as every device was before it. */
    public Device(long completionNs, IrqMode irqMode, int maxSectors, int maxSegments, int slots, Driver driver,
                  Rings rings, Backend backend, int pollQueues, int budget) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings, backend, pollQueues, budget, 0);
    }

    /** A device without poll queues, as every device was before them. */
    public Device(long completionNs, IrqMode irqMode, int maxSectors, int maxSegments, int slots, Driver driver,
                  Rings rings, Backend backend) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings, backend, 0);
    }

    /** A device without a dispatch budget, as every device was before it. */
    public Device(long completionNs, IrqMode irqMode, int maxSectors, int maxSegments, int slots, Driver driver,
                  Rings rings, Backend backend, int pollQueues) {
        this(completionNs, irqMode, maxSectors, maxSegments, slots, driver, rings, backend, pollQueues, 0);
    }

    public boolean xen() {
        return driver == Driver.XEN_BLKFRONT;
    }
}
