package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The tags of one of dom0's null_blk hardware queues (struct blk_mq_tags, 3.16 blk-mq-tag.c): a bitmap of
 * hw_queue_depth tags and 8 wait queues, a sleeper woken only after wake_cnt = min(8, max(1, depth / 8))
 * frees (bt_clear_tag), the same rules as the guest's {@link TagSet}. A sleeper here is a blkback thread's
 * continuation rather than a fio task, which is why it is a class of its own.
 */
final class Dom0Tags {

    final int depth;
    private final int wakeCount;
    private final BitSet used;
    private final List<ArrayDeque<Runnable>> waitQueues = new ArrayList<>();
    private final int[] waitCounts = new int[TagSet.WAIT_QUEUES];
    private int inUse;
    private int waitIndex;
    private int wakeIndex;

    Dom0Tags(int depth) {
        this.depth = depth;
        this.used = new BitSet(depth);
        this.wakeCount = Math.min(TagSet.WAKE_BATCH, Math.max(1, depth / 8));
        for (int i = 0; i < TagSet.WAIT_QUEUES; i++) {
            waitQueues.add(new ArrayDeque<>());
            waitCounts[i] = wakeCount;
        }
    }

    /** __bt_get(): the first free tag, or -1 when every tag is out. */
    int tryGet() {
        int tag = used.nextClearBit(0);
        if (tag >= depth) return -1;
        used.set(tag);
        inUse++;
        return tag;
    }

    /** bt_get()'s io_schedule(): the sleeper joins a wait queue, round robin (bt_wait_ptr). */
    void sleep(Runnable retry) {
        waitQueues.get(waitIndex).add(retry);
        waitIndex = (waitIndex + 1) % TagSet.WAIT_QUEUES;
    }

    /** blk_mq_put_tag() / bt_clear_tag(): the tag is free; returns the sleepers whose batch is now full. */
    List<Runnable> put(int tag) {
        used.clear(tag);
        inUse--;
        int wq = wakePointer();
        if (wq < 0 || --waitCounts[wq] > 0) return List.of();
        waitCounts[wq] = wakeCount;
        wakeIndex = (wq + 1) % TagSet.WAIT_QUEUES;
        List<Runnable> woken = List.copyOf(waitQueues.get(wq));
        waitQueues.get(wq).clear();
        return woken;
    }

    int inUse() {
        return inUse;
    }

    /** bt_wake_ptr(): the first wait queue from wake_index on that has sleepers, or -1. */
    private int wakePointer() {
        for (int i = 0; i < TagSet.WAIT_QUEUES; i++) {
            int index = (wakeIndex + i) % TagSet.WAIT_QUEUES;
            if (!waitQueues.get(index).isEmpty()) {
                wakeIndex = index;
                return index;
            }
        }
        return -1;
    }
}
