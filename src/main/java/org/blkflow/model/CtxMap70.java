package org.blkflow.model;

/**
 * ctx->hctxs[type] (7.0): each CPU's software queue faces a DEFAULT hctx and, with poll queues, a
 * POLL hctx too, with its own request list and index_hw there (ctx->rq_lists[type]). The model keeps
 * the POLL side as a second SoftwareQueue of the same CPU sharing its ctx->lock. null_blk's READ map
 * is empty, so reads use the DEFAULT one.
 */
final class CtxMap70 {

    private final SoftwareQueue[] defaults;
    /** Null without poll queues. */
    final SoftwareQueue[] poll;

    CtxMap70(SoftwareQueue[] defaults, SoftwareQueue[] poll) {
        this.defaults = defaults;
        this.poll = poll;
    }

    /** blk_mq_map_queue(): POLL for a REQ_POLLED bio, else DEFAULT. */
    SoftwareQueue of(int cpu, boolean polled) {
        return polled && poll != null ? poll[cpu] : defaults[cpu];
    }

    boolean canPoll() {
        return poll != null;
    }

    /**
     * null_map_queues() for the POLL map: blk_mq_map_queues over poll_queues, offset by the submit
     * queues; each CPU's POLL-side ctx joins its poll hctx (index_hw its rank there, CPU order).
     */
    static CtxMap70 build(Machine m, org.blkflow.scenario.Scenario scenario) {
        int[] map = PollQueueMap.of(scenario);
        if (map == null) return new CtxMap70(m.ctxs, null);
        SoftwareQueue[] poll = new SoftwareQueue[m.ctxs.length];
        for (int cpu = 0; cpu < poll.length; cpu++) {
            HardwareQueue hctx = m.hctxs[map[cpu]];
            poll[cpu] = new SoftwareQueue(cpu, hctx, hctx.ctxs.size(), 0);
            poll[cpu].lock = m.ctxs[cpu].lock;
            hctx.addCtx(poll[cpu]);
        }
        return new CtxMap70(m.ctxs, poll);
    }
}
