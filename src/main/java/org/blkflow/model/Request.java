package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Place;

/** struct request: a tag-holding unit of dispatch, carrying one or more adjacent bios. */
final class Request {

    final long id;
    final SoftwareQueue ctx;
    final HardwareQueue hctx;
    /** rq->tag: the driver tag, or -1 while a scheduler-tagged request has none. */
    int tag;
    /** rq->internal_tag (7.0): the scheduler tag under an I/O scheduler, else -1. */
    int internalTag = -1;
    /** The direction and REQ_SYNC: a cached request takes its bio's at use (blk_mq_use_cached_rq). */
    boolean write;
    boolean sync;
    /** REQ_POLLED, from its first bio: it lives on a poll hctx and completes only when polled. */
    final boolean polled;
    final List<Bio> bios = new ArrayList<>(2);
    long sector;
    int sectors;
    int segments;
    /** REQ_NOMERGE: set for good after a merge failed on the limits. */
    boolean noMerge;
    /** REQ_STARTED: between blk_mq_start_request and completion or requeue. */
    boolean started;
    /** Holds one of the device's dispatch budget (blk_mq_get_dispatch_budget), 7.0 only. */
    boolean budget;
    /** rq->elv.priv: the I/O scheduler's own data for the request (cfq: the queue it was added to). */
    Object elvPrivate;
    /** The request that absorbed this one (7.0's attempt_merge), whose bios it now carries; else null. */
    Request mergedInto;
    /** Where the model put it; the front end and snapshots read this. */
    Place place = Place.NONE;

    /** Shadow state kept only by {@link Invariants}. */
    Place checkedPlace = Place.NONE;
    int checkedSectors;
    int checkedDriverTag = -1;

    Request(long id, SoftwareQueue ctx, HardwareQueue hctx, int tag, Bio bio) {
        this.id = id;
        this.ctx = ctx;
        this.hctx = hctx;
        this.tag = tag;
        this.write = bio.write;
        this.sync = bio.sync;
        this.polled = bio.polled;
    }

    /** A search key for sorted sets of requests: no queue, the lowest id. */
    static Request probe() {
        return new Request(Long.MIN_VALUE);
    }

    private Request(long id) {
        this.id = id;
        this.ctx = null;
        this.hctx = null;
        this.tag = -1;
        this.write = false;
        this.sync = false;
        this.polled = false;
    }

    /** blk_mq_bio_to_request(): the request takes its first bio (and its REQ_NOMERGE). */
    void takeFirstBio(Bio bio) {
        bios.add(bio);
        noMerge |= bio.noMerge;
        sector = bio.sector;
        sectors = bio.sectors;
        segments = bio.segments;
    }

    /** blk_mq_use_cached_rq(): rq->cmd_flags = bio->bi_opf, the direction and REQ_SYNC the bio's. */
    void useFor(Bio bio) {
        write = bio.write;
        sync = bio.sync;
    }

    long end() {
        return sector + sectors;
    }

    String rwbs() {
        return write ? (sync ? "WS" : "W") : "R";
    }
}
