package org.blkflow.model;

import java.util.ArrayDeque;
import org.blkflow.engine.Lock;

/** struct blk_mq_ctx: the per-CPU software staging queue facing the submitting CPUs. */
final class SoftwareQueue {

    final int cpu;
    final HardwareQueue hctx;
    /** Position in hctx->ctxs[], the order flush_busy_ctxs visits pending contexts. */
    final int indexHw;
    final ArrayDeque<Request> rqList = new ArrayDeque<>();
    /** ctx->last_tag: where the next tag search on this CPU starts. */
    int lastTag;
    /** ctx->lock: guards rq_list against the submitting CPU and the hctx runs that drain it. */
    Lock lock;
    /**
     * Its place's number ({@code ctx:N}) and the transitions' {@code ctx}: the CPU, and with several 7.0
     * devices device × CPUs + CPU, since each request_queue has a ctx per CPU of its own.
     */
    int place;

    SoftwareQueue(int cpu, HardwareQueue hctx, int indexHw, int lastTag) {
        this.cpu = cpu;
        this.hctx = hctx;
        this.indexHw = indexHw;
        this.lastTag = lastTag;
        this.place = cpu;
    }
}
