package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * blk_update_request(), the same in every mode and kernel: C for the request, then bio_endio for each of
 * its bios, each handed back to its task. A split piece ends only its share (bio_chain_endio), so the task
 * hears of its bio when the last piece ends; an unsplit bio ends at once. What follows (the free, the
 * driver's restart) is each completion path's own.
 */
final class RequestEnd {

    private RequestEnd() {
    }

    /**
     * @param fn   the function the C is traced by (blk_update_request, or 7.0's batched end)
     * @param from where the request was when it ended (its device lane)
     * @param hctx the queue the bios' moves name: the request's hctx, or the legacy queue
     */
    static void blkUpdateRequest(Machine m, Workload workload, Request rq, String fn, Place from, HardwareQueue hctx,
                                 int cpu, Actor actor) {
        rq.started = false;
        m.emit.request(TransitionKind.COMPLETE, "C", fn, cpu, actor, rq, from, Place.DONE);
        for (Bio bio : rq.bios) {
            m.emit.bio(TransitionKind.BIO_END, null, "bio_endio", cpu, actor, bio, rq, hctx, Place.MERGED, Place.DONE);
            if (bio.endio()) workload.bioDone(bio.task);
        }
    }
}
