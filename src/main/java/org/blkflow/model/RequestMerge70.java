package org.blkflow.model;

/**
 * attempt_merge() of 7.0 (block/blk-merge.c): a queued request {@code next} that starts where
 * {@code req} ends is appended to it — its bios, sectors and segments — when both are mergeable,
 * of one direction and within ll_merge_requests_fn's limits; a failed test changes nothing (no
 * REQ_NOMERGE, unlike a bio's). The caller traces {@code next}'s M and frees it.
 */
final class RequestMerge70 {

    private final int maxSectors;
    private final int maxSegments;

    RequestMerge70(int maxSectors, int maxSegments) {
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    /** rq_mergeable() on both, same op, contiguous, and ll_merge_requests_fn()'s sector and segment limits. */
    boolean canMerge(Request req, Request next) {
        return req != next && !req.noMerge && !next.noMerge && !req.started && !next.started
                && req.write == next.write && req.polled == next.polled
                && !req.bios.isEmpty() && !next.bios.isEmpty() && req.end() == next.sector
                && req.sectors + next.sectors <= maxSectors && req.segments + next.segments <= maxSegments;
    }

    /** The merge itself: req->biotail->bi_next = next->bio, __data_len grows, next->bio = NULL. */
    void append(Request req, Request next) {
        req.bios.addAll(next.bios);
        req.sectors += next.sectors;
        req.segments += next.segments;
        next.bios.clear();
        next.mergedInto = req;
    }
}
