package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Lock;

/** struct blk_mq_hw_ctx: the hardware dispatch queue facing the device. */
final class HardwareQueue {

    /** BLK_MQ_CPU_WORK_BATCH: async runs stay on one CPU of the mask for this many schedulings. */
    static final int CPU_WORK_BATCH = 8;

    final int index;
    final TagSet<Task> tags;
    /** 7.0 with several null_blk devices: the device (request_queue) this hctx belongs to, nullbN's N. */
    int device;
    /** hctx->ctxs[]: the software queues mapped here, in CPU order (their index_hw). */
    final List<SoftwareQueue> ctxs = new ArrayList<>();
    /** hctx->dispatch: leftovers of an earlier run, sent before anything else. */
    final ArrayDeque<Request> dispatch = new ArrayDeque<>();
    /** hctx->ctx_map: which software queues have requests waiting. */
    boolean[] pending = new boolean[0];
    boolean stopped;
    /** The kblockd run_work is queued and has not run yet. */
    boolean runPending;
    /** Requests the device holds for this queue (for a ring-limited device). */
    int inDevice;
    /** hctx->lock: guards hctx->dispatch. */
    Lock lock;
    private int nextCpu = -1;
    private int nextCpuBatch = CPU_WORK_BATCH;

    HardwareQueue(int index, TagSet<Task> tags) {
        this.index = index;
        this.tags = tags;
    }

    void addCtx(SoftwareQueue ctx) {
        ctxs.add(ctx);
        pending = new boolean[ctxs.size()];
        if (nextCpu < 0) nextCpu = ctx.cpu;
    }

    boolean idle() {
        return ctxs.isEmpty();
    }

    boolean mapsCpu(int cpu) {
        for (SoftwareQueue ctx : ctxs) {
            if (ctx.cpu == cpu) return true;
        }
        return false;
    }

    /** blk_mq_hctx_next_cpu(): round-robin over the cpumask, moving on every 8 schedulings. */
    int nextCpu() {
        int cpu = nextCpu;
        if (--nextCpuBatch <= 0) {
            int position = 0;
            while (ctxs.get(position).cpu != cpu) position++;
            nextCpu = ctxs.get((position + 1) % ctxs.size()).cpu;
            nextCpuBatch = CPU_WORK_BATCH;
        }
        return cpu;
    }

    /** blk_mq_hctx_mark_pending(). */
    void markPending(SoftwareQueue ctx) {
        pending[ctx.indexHw] = true;
    }

    int waitingRequests() {
        int n = dispatch.size();
        for (SoftwareQueue ctx : ctxs) n += ctx.rqList.size();
        return n;
    }
}
