package org.blkflow.model;

import org.blkflow.transition.Place;

/**
 * 7.0's split of a bio over the queue's limits: blk_mq_submit_bio() → __bio_split_to_limits() →
 * bio_submit_split(). The front piece, as large as max_sectors and max_segments allow, goes on as a
 * new bio marked REQ_NOMERGE and chained to the original; X is traced with the front's range and the
 * sector the remainder now starts at; the remainder (the original bio, already traced Q) goes on
 * current->bio_list and is submitted again after the current __submit_bio has returned.
 *
 * <p>Modelling choice: the front piece's REQ_NOMERGE is unverified for 7.0 (spec §1.5). Each 4 KiB
 * page is one segment, as everywhere in the model, so a piece is at most max_segments × 8 sectors.
 */
final class Split70 {

    private final Machine m;
    private final int maxSectors;
    private final int maxSegments;

    Split70(Machine m, int maxSectors, int maxSegments) {
        this.m = m;
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
    }

    /** get_max_io_size(): the largest front piece the limits allow. */
    int pieceSectors() {
        return Math.min(maxSectors, maxSegments * 8);
    }

    /**
     * __bio_split_to_limits(): the bio itself when it fits, else the split-off front piece (X traced),
     * the bio left as the remainder to submit again.
     */
    Bio split(Task task, Bio bio) {
        int piece = pieceSectors();
        if (bio.sectors <= piece && bio.segments <= maxSegments) return bio;
        Bio front = bio.splitFront(m.newBioId(), piece);
        m.emit.split(task.cpu, task.actor, front, Place.task(task.cpu));
        return front;
    }
}
