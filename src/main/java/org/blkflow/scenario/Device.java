package org.blkflow.scenario;

/**
 * The null_blk-like device behind the queues.
 *
 * @param irqMode "none" (complete inline), "softirq" (null_blk's default: completes as queue_rq
 *                returns) or "timer" (per-CPU hrtimer batching after completionNs)
 */
public record Device(long completionNs, String irqMode, int maxSectors, int maxSegments) {
}
