package org.blkflow.model;

import java.util.function.IntConsumer;

/**
 * A tag set shared by several request_queues (BLK_MQ_F_TAG_QUEUE_SHARED: null_blk shared_tags with
 * nr_devices of 2 or more), for one hctx index: tags->active_queues and the fair share
 * hctx_may_queue() allows each active hctx, max(ceil(depth / users), 4) driver tags.
 *
 * <p>Modelling choice: blk_mq_tag_idle(), which the queue's timeout work calls seconds apart when it
 * finds nothing pending, is not modelled: an hctx once active stays active for the run.
 */
final class TagShare70 {

    /** The minimum share hctx_may_queue() leaves each user. */
    static final int MIN_SHARE = 4;

    /** bt->sb.depth: the normal tags every sharer draws from. */
    private final int depth;
    private final SbitmapTags<Task> tags;
    /** Tells the invariants which hctx blk_mq_tag_busy() marked, so they count the same users. */
    private final IntConsumer onBusy;
    /** tags->active_queues. */
    private int activeQueues;

    TagShare70(SbitmapTags<Task> tags, IntConsumer onBusy) {
        this.tags = tags;
        this.depth = tags.normalDepth();
        this.onBusy = onBusy;
    }

    /** blk_mq_tag_busy(): the first call for an hctx marks it active and recomputes the wake batch. */
    void tagBusy(Hctx70 x) {
        if (x.tagActive) return;
        x.tagActive = true;
        activeQueues++;
        tags.recalculateWakeBatch(activeQueues);
        onBusy.accept(x.hw.index);
    }

    /** hctx_may_queue(): an active hctx of a shared set may hold fewer than its share. */
    boolean mayQueue(Hctx70 x) {
        if (depth == 1 || !x.tagActive || activeQueues == 0) return true;
        return x.nrActive < allowed(depth, activeQueues);
    }

    /** max(ceil(depth / users), 4). */
    static int allowed(int depth, int users) {
        return Math.max((depth + users - 1) / users, MIN_SHARE);
    }
}
