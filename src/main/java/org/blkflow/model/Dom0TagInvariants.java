package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.Transition;

/**
 * dom0's null_blk queue (xen, device.backend.submitQueues set), from the stream alone: a bio of blkback's
 * holds one tag of its vCPU's hardware queue from blk_mq_get_tag to blk_mq_put_tag, no queue has more tags
 * out than hw_queue_depth, and a thread sleeps in bt_get only while every tag of its queue is out.
 */
final class Dom0TagInvariants {

    private int depth;
    private int firstCpu;
    private int[] hctxOf = new int[0];
    private int[] inUse = new int[0];
    /** The hardware queue each request's dom0 bio holds a tag of. */
    private final Map<Long, Integer> holders = new HashMap<>();

    /** dom0's queue: hw_queue_depth, the first dom0 vCPU's model id and each dom0 vCPU's hardware queue. */
    void queue(int depth, int firstCpu, int[] hctxOf) {
        this.depth = depth;
        this.firstCpu = firstCpu;
        this.hctxOf = hctxOf.clone();
        int queues = 0;
        for (int h : hctxOf) queues = Math.max(queues, h + 1);
        this.inUse = new int[queues];
    }

    void check(Transition t) {
        switch (t.fn()) {
            case "blk_mq_get_tag" -> {
                int h = hctxOf(t);
                if (holders.putIfAbsent(t.req(), h) != null) fail("dom0-tag-twice",
                        "request " + t.req() + "'s bio takes a second tag of dom0's queue", t, null, null);
                if (++inUse[h] > depth) fail("dom0-tags-over-depth",
                        "dom0 hctx " + h + " has " + inUse[h] + " tags out of " + depth, t, null, null);
            }
            case "bt_get" -> {
                int h = hctxOf(t);
                if (inUse[h] < depth) fail("dom0-tag-sleep-with-free-tag",
                        "bt_get sleeps with " + inUse[h] + " of " + depth + " tags of dom0 hctx " + h + " out", t, null, null);
            }
            case "blk_mq_put_tag" -> {
                Integer h = holders.remove(t.req());
                if (h == null) fail("dom0-tag-put-unheld", "request " + t.req() + " frees a dom0 tag it does not hold",
                        t, null, null);
                else inUse[h]--;
            }
            default -> { }
        }
    }

    private int hctxOf(Transition t) {
        int v = t.cpu() - firstCpu;
        if (v < 0 || v >= hctxOf.length) fail("dom0-tag-off-dom0", t.fn() + " on cpu " + t.cpu() + ", not dom0's",
                t, null, null);
        return hctxOf[v];
    }
}
