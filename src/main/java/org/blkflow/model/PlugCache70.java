package org.blkflow.model;

import java.util.function.IntFunction;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * 7.0's cached requests, plug->cached_rqs: a plug started with nr_ios &gt; 1 (io_uring's
 * blk_start_plug_nr_ios) lets its first allocation take up to nr_ios tags in one go; each later bio
 * takes one of those requests instead of a tag of its own, and whatever is left when the plug is
 * flushed is freed with no blktrace event. The picture still shows them: a {@code cache} move puts a
 * request in {@code cached:N} with its tag, its bio's G takes it out, and a letterless free
 * (blk_mq_free_plug_rqs) gives the unused ones back.
 *
 * <p>Not modelled: shared tags (which refuse a batch), reserved allocations, several queues in
 * one plug, flush requests and READ-type hctxs, so a cached request matches every bio of its task but
 * a POLLED one on a non-poll hctx (or the reverse).
 */
final class PlugCache70 {

    private final Machine m;
    private final Hctx70[] hctxs;
    private final Completion70 completion;

    PlugCache70(Machine m, Hctx70[] hctxs, Completion70 completion) {
        this.m = m;
        this.hctxs = hctxs;
        this.completion = completion;
    }

    /**
     * blk_mq_peek_cached_request() and blk_mq_use_cached_rq(): the cache's head, if it suits the bio
     * (same hctx type; a REQ_POLLED bio only a poll hctx's request), popped and given the bio's flags.
     */
    Request take(Plug plug, Bio bio) {
        if (plug == null) return null;
        Request rq = plug.cachedRqs.peekFirst();
        if (rq == null || !matches(rq, bio)) return null;
        plug.cachedRqs.pollFirst();
        rq.useFor(bio);
        return rq;
    }

    /** blk_mq_peek_cached_request()'s test: the hctx type the bio maps to is the request's. */
    boolean matches(Request rq, Bio bio) {
        return rq.hctx.device == bio.device && Hctx70.of(hctxs, rq.hctx).poll == bio.polled;
    }

    /**
     * blk_mq_get_new_requests() with a plug: nr_tags = plug->nr_ios, then nr_ios = 1. With more than
     * one, __blk_mq_alloc_requests_batch(): blk_mq_get_tags() takes up to nr_tags at once (refused
     * under a shallow depth or on a shared tag set), each tag's request is pushed at the cache's head from the lowest tag up,
     * and the head — the highest tag — is popped for this bio. Null when there is no batch.
     *
     * @param make the request for a tag (blk_mq_rq_ctx_init), its tag assigned
     */
    Request allocateBatch(Task task, Hctx70 x, boolean shallow, IntFunction<Request> make) {
        Plug plug = task.plug;
        if (plug == null || plug.nrIos <= 1) return null;
        int nrTags = plug.nrIos;
        plug.nrIos = 1;
        // blk_mq_get_tags() refuses a shallow depth and a shared tag set (BLK_MQ_F_TAG_QUEUE_SHARED).
        if (shallow || x.share != null) return null;
        int[] tags = x.allocationTags().getBatch(task.cpu, nrTags);
        if (tags.length == 0) return null;
        for (int i = 0; i < tags.length - 1; i++) {
            Request rq = make.apply(tags[i]);
            plug.cachedRqs.addFirst(rq);
            m.emit.request(TransitionKind.CACHE, null, "__blk_mq_alloc_requests_batch", task.cpu, task.actor, rq,
                    Place.NONE, Place.cached(task.cpu));
        }
        return make.apply(tags[tags.length - 1]);
    }

    /** blk_mq_free_plug_rqs() from __blk_flush_plug(): every cached request freed, no trace event. */
    void freeAll(Task task) {
        Plug plug = task.plug;
        if (plug == null) return;
        for (Request rq; (rq = plug.cachedRqs.pollFirst()) != null; ) {
            completion.free(rq, "blk_mq_free_plug_rqs", true, task.cpu, task.actor);
        }
        m.emit.plugFinished(task.actor);
    }
}
