package org.blkflow.scenario;

/**
 * The null_blk-like device behind the queues.
 *
 * @param irqMode "none" (complete inline), "softirq" (null_blk's default: completes as queue_rq
 *                returns) or "timer" (per-CPU hrtimer batching after completionNs)
 * @param slots   commands the device holds at once, 0 for no limit beyond the tags. When it is full,
 *                queue_rq stops the hctx and returns BUSY, as a ring-based driver (xen-blkfront's blk-mq
 *                port) does, and the next completion restarts the queue. Real null_blk never says BUSY.
 */
public record Device(long completionNs, String irqMode, int maxSectors, int maxSegments, int slots) {
}
