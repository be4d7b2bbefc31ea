package org.blkflow.model;

import org.blkflow.engine.Simulation;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/** One CPU, one hctx and the run's Invariants behind an Emitter: moves written by hand, checked as the model's are. */
final class InvariantsFixture {

    final Invariants invariants;
    final Emitter emit;
    final Task task = new Task(1000, 0, ScenarioBuilder.job().build(), 0);
    final Actor actor = task.actor;
    final HardwareQueue hctx;
    final SoftwareQueue ctx;

    /** @param depth tags of the one hctx, none reserved */
    InvariantsFixture(int depth) {
        invariants = new Invariants(1, depth, 0, 255, 128);
        emit = new Emitter(new Simulation(1), invariants);
        hctx = new HardwareQueue(0, new TagSet<>(depth, 0));
        ctx = new SoftwareQueue(0, hctx, 0, 0);
        hctx.addCtx(ctx);
    }

    Bio queued(long id) {
        Bio bio = new Bio(id, task, 1000 * id, 8, false, true);
        emit.bio(TransitionKind.QUEUE, "Q", "generic_make_request_checks", 0, actor, bio, null, null, Place.NONE,
                Place.task(0));
        return bio;
    }

    /** blk-mq's allocation with driver tag {@code tag}; the bio joins its request. */
    Request tagged(Bio bio, int tag) {
        Request rq = new Request(bio.id, ctx, hctx, tag, bio);
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.TAG_GET, null, "blk_mq_get_tag", 0, actor, bio, rq, hctx, Place.task(0), Place.task(0));
        return rq;
    }

    /** The legacy queue's get_request: a request without a tag. */
    Request legacy(Bio bio) {
        Request rq = new Request(bio.id, ctx, hctx, -1, bio);
        rq.takeFirstBio(bio);
        emit.bio(TransitionKind.GETRQ, "G", "get_request", 0, actor, bio, rq, hctx, Place.task(0), Place.task(0));
        return rq;
    }

    void move(TransitionKind kind, String action, String fn, Request rq, Place from, Place to) {
        emit.request(kind, action, fn, 0, actor, rq, from, to);
    }

    /** From the task to the driver: inserted, flushed to the hctx, started (D). */
    void issued(Request rq) {
        move(TransitionKind.INSERT, "I", "__blk_mq_insert_request", rq, Place.task(0), Place.ctx(0));
        move(TransitionKind.CTX_FLUSH, null, "flush_busy_ctxs", rq, Place.ctx(0), Place.hctx(0));
        move(TransitionKind.ISSUE, "D", "blk_mq_start_request", rq, Place.hctx(0), Place.driver(0));
    }

    /** queue_rq's OK, C, each bio ended, the free. */
    void queuedAndEnded(Request rq) {
        move(TransitionKind.QUEUE_RQ, null, "null_queue_rq", rq, Place.driver(0), Place.device(0));
        ended(rq);
    }

    void ended(Request rq) {
        move(TransitionKind.COMPLETE, "C", "blk_update_request", rq, Place.device(0), Place.DONE);
        for (Bio b : rq.bios) {
            emit.bio(TransitionKind.BIO_END, null, "bio_endio", 0, actor, b, rq, hctx, Place.MERGED, Place.DONE);
        }
        move(TransitionKind.FREE, null, "blk_mq_free_request", rq, Place.DONE, Place.NONE);
    }

    void stop() {
        emit.queue(TransitionKind.HCTX_STOP, null, "blk_mq_stop_hw_queue", 0, actor, -1, hctx, -1);
    }
}
