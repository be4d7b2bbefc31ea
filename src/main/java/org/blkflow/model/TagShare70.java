package org.blkflow.model;

import org.blkflow.transition.TagShares;

/**
 * A tag set shared by several request_queues (BLK_MQ_F_TAG_QUEUE_SHARED: null_blk shared_tags with
 * nr_devices of 2 or more), for one hctx index: tags->active_queues and the fair share
 * hctx_may_queue() allows each active hctx, max(ceil(depth / users), 4) driver tags.
 *
 * <p>Modelling choice: blk_mq_tag_idle(), which the queue's timeout work calls seconds apart when it
 * finds nothing pending, is not modelled: an hctx once active stays active for the run.
 */
final class TagShare70 {

    /** bt->sb.depth: the normal tags every sharer draws from. */
    private final int depth;
    private final SbitmapTags<Task> tags;
    /** Says in the stream which hctx blk_mq_tag_busy() marked (tag_busy). */
    private final Emitter emit;
    /** tags->active_queues. */
    private int activeQueues;

    TagShare70(SbitmapTags<Task> tags, Emitter emit) {
        this.tags = tags;
        this.depth = tags.normalDepth();
        this.emit = emit;
    }

    /** blk_mq_tag_busy(): the first call for an hctx marks it active and recomputes the wake batch. */
    void tagBusy(Hctx70 x, Task task) {
        if (x.tagActive) return;
        x.tagActive = true;
        activeQueues++;
        tags.recalculateWakeBatch(activeQueues);
        emit.tagBusy(task.cpu, task.actor, x.hw, activeQueues);
    }

    /** hctx_may_queue() refuses {@code x} while tags of the set are free: it waits over its share. */
    boolean overShareWithTagsFree(Hctx70 x) {
        return !mayQueue(x) && tags.inUse() < depth;
    }

    /** The share each active hctx may hold now. */
    int share() {
        return TagShares.fairShare(depth, Math.max(1, activeQueues));
    }

    /** hctx_may_queue(): an active hctx of a shared set may hold fewer than its share. */
    boolean mayQueue(Hctx70 x) {
        if (depth == 1 || !x.tagActive || activeQueues == 0) return true;
        return x.nrActive < TagShares.fairShare(depth, activeQueues);
    }
}
