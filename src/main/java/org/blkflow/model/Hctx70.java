package org.blkflow.model;

/**
 * What 7.0 adds to a struct blk_mq_hw_ctx beside the queues 3.16 already had ({@link HardwareQueue}:
 * ctxs, ctx_map, hctx->dispatch, hctx->lock): two tag pools, the dispatch_busy EWMA, the
 * SCHED_RESTART bit, the round-robin start of ctx dispatch and the one run_work.
 */
final class Hctx70 {

    /** BLK_MQ_CPU_WORK_BATCH. */
    static final int CPU_WORK_BATCH = 8;

    final HardwareQueue hw;
    /** hctx->tags: taken at allocation without a scheduler, at dispatch with one. */
    final SbitmapTags<Task> driverTags;
    /** hctx->sched_tags: q->nr_requests of them under an I/O scheduler, else null. */
    final SbitmapTags<Task> schedTags;
    /** hctx->dispatch_busy, 0…9. */
    int dispatchBusy;
    /** BLK_MQ_S_SCHED_RESTART: the next request free runs this hctx. */
    boolean schedRestart;
    /** hctx->dispatch_from: the ctx (its index_hw) one-by-one dispatch starts at. */
    int dispatchFrom;
    /** Bumped whenever run_work is (re)armed: an older arming no longer runs (mod_delayed_work). */
    long runGeneration;
    /** delayed_work_pending(&hctx->run_work): armed and not yet started. */
    boolean runPending;
    /** hctx->type == HCTX_TYPE_POLL: its requests complete only when a task polls it. */
    boolean poll;
    /** nullb_queue->poll_list: polled commands null_queue_rq has taken, waiting for null_poll. */
    final java.util.ArrayDeque<Request> pollList = new java.util.ArrayDeque<>();
    /** Tasks that polled an empty poll list, resumed when something lands on it. */
    final java.util.List<Runnable> pollers = new java.util.ArrayList<>();
    /** Polled submitters out of tags with nothing to poll: a free of one of this hctx's tags resumes them. */
    final java.util.List<Runnable> tagPollers = new java.util.ArrayList<>();
    /** The tag set's sharing when several devices' hctxs share this one's driver tags; null when not shared. */
    TagShare70 share;
    /** BLK_MQ_S_TAG_ACTIVE: blk_mq_tag_busy() counted this hctx among the set's active queues. */
    boolean tagActive;
    /** hctx->nr_active: driver tags this hctx's requests hold, counted only on a shared set. */
    int nrActive;
    private int nextCpu = -1;
    private int nextCpuBatch = CPU_WORK_BATCH;

    Hctx70(HardwareQueue hw, SbitmapTags<Task> driverTags, SbitmapTags<Task> schedTags) {
        this.hw = hw;
        this.driverTags = driverTags;
        this.schedTags = schedTags;
    }

    /**
     * The Hctx70 of {@code hw} among one request_queue's: hctxs are numbered across devices (device ×
     * hctxs per device + hctx), each queue's from its first.
     */
    static Hctx70 of(Hctx70[] queue, HardwareQueue hw) {
        return queue[hw.index - queue[0].hw.index];
    }

    /**
     * __blk_mq_get_tag() without a scheduler: blk_mq_tag_busy(), then hctx_may_queue() on a shared set,
     * then the bitmap; -1 when over the share or out of tags. The tag counts in nr_active.
     */
    int getDriverTag(Task task, int shallow) {
        if (share != null) {
            share.tagBusy(this, task);
            if (!share.mayQueue(this)) return -1;
        }
        int tag = driverTags.get(task.cpu, shallow);
        if (tag >= 0 && share != null) nrActive++;
        return tag;
    }

    /** __blk_mq_put_driver_tag()'s blk_mq_dec_active_requests(). */
    void driverTagPut() {
        if (share != null) nrActive--;
    }

    /** A new request's tag: a scheduler tag under an elevator, else a driver tag (within a shared set's share). */
    int allocate(Task task, int shallow) {
        return schedTags != null ? schedTags.get(task.cpu, shallow) : getDriverTag(task, shallow);
    }

    /** The pool a new request's tag comes from: scheduler tags under an elevator, else driver tags. */
    SbitmapTags<Task> allocationTags() {
        return schedTags != null ? schedTags : driverTags;
    }

    /**
     * blk_mq_update_dispatch_busy(): an EWMA of weight 8 and factor 4, so busy samples climb 2, 3, …
     * 9 and idle ones decay back to 0; an idle sample at 0 changes nothing.
     */
    void updateDispatchBusy(boolean busy) {
        if (dispatchBusy == 0 && !busy) return;
        dispatchBusy = (dispatchBusy * 7 + (busy ? 16 : 0)) / 8;
    }

    /**
     * blk_mq_hctx_next_cpu(): the batch counts down on every call; at 0 the next CPU of the mask
     * takes over (wrapping) with a fresh batch. blk_mq_map_swqueue starts at the mask's first CPU,
     * so calls 1–7 go to it and calls 8–15 to the next one.
     */
    int nextCpu() {
        if (nextCpu < 0) nextCpu = hw.ctxs.get(0).cpu;
        if (--nextCpuBatch <= 0) {
            int position = 0;
            while (hw.ctxs.get(position).cpu != nextCpu) position++;
            nextCpu = hw.ctxs.get((position + 1) % hw.ctxs.size()).cpu;
            nextCpuBatch = CPU_WORK_BATCH;
        }
        return nextCpu;
    }
}
