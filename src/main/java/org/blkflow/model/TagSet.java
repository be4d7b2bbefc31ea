package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * struct blk_mq_tags of one hardware queue: queue_depth tags, the first reservedTags of them kept
 * for blk_mq_alloc_request(reserved=true), and 8 wait queues that are woken in batches
 * (blk-mq-tag.c: bt_get, bt_clear_tag). {@code S} is who sleeps for a tag: a fio task in the guest, a
 * blkback thread's continuation on dom0's null_blk (model/Dom0Queue).
 */
final class TagSet<S> {

    static final int WAIT_QUEUES = 8;
    static final int WAKE_BATCH = 8;

    final int depth;
    final int reserved;
    /** wake_cnt = min(8, max(1, normal tags / 8)): frees needed before a wait queue is woken. */
    final int wakeCount;
    private final Request[] owner;
    /** The tag bitmap (sbitmap's words): a set bit is a tag in use. */
    private final BitSet used;
    private final List<WaitQueue<S>> waitQueues = new ArrayList<>();
    private int inUse;
    private int waitIndex;
    private int wakeIndex;

    TagSet(int depth, int reserved) {
        this.depth = depth;
        this.reserved = reserved;
        this.owner = new Request[depth];
        this.used = new BitSet(depth);
        this.wakeCount = Math.min(WAKE_BATCH, Math.max(1, (depth - reserved) / 8));
        for (int i = 0; i < WAIT_QUEUES; i++) waitQueues.add(new WaitQueue<>(wakeCount));
    }

    /** __bt_get(): the first free normal tag at or after the hint, wrapping; -1 when none is. */
    int find(int hint) {
        int normal = depth - reserved;
        int start = reserved + Math.floorMod(hint - reserved, normal);
        int tag = used.nextClearBit(start);
        if (tag < depth) return tag;
        tag = used.nextClearBit(reserved);
        return tag < start ? tag : -1;
    }

    void assign(int tag, Request rq) {
        owner[tag] = rq;
        used.set(tag);
        inUse++;
    }

    Request owner(int tag) {
        return owner[tag];
    }

    /** bt_clear_tag(): frees the tag and returns the waiters of the wait queue whose batch is full. */
    List<S> release(int tag) {
        owner[tag] = null;
        used.clear(tag);
        inUse--;
        WaitQueue<S> wq = wakePointer();
        if (wq == null || --wq.waitCount > 0) return List.of();
        wq.waitCount = wakeCount;
        wakeIndex = (wakeIndex + 1) % WAIT_QUEUES;
        List<S> woken = List.copyOf(wq.sleepers);
        wq.sleepers.clear();
        return woken;
    }

    /** bt_wait_ptr(): sleepers spread over the wait queues round-robin. */
    void sleep(S sleeper) {
        waitQueues.get(waitIndex).sleepers.add(sleeper);
        waitIndex = (waitIndex + 1) % WAIT_QUEUES;
    }

    /** Takes a sleeper off its wait queue; false if a batched wakeup already took it. */
    boolean cancel(S sleeper) {
        for (WaitQueue<S> wq : waitQueues) {
            if (wq.sleepers.remove(sleeper)) return true;
        }
        return false;
    }

    int inUse() {
        return inUse;
    }

    int sleepers() {
        int n = 0;
        for (WaitQueue<S> wq : waitQueues) n += wq.sleepers.size();
        return n;
    }

    /** bt_wake_ptr(): the first wait queue from wake_index on that has sleepers. */
    private WaitQueue<S> wakePointer() {
        for (int i = 0; i < WAIT_QUEUES; i++) {
            int index = (wakeIndex + i) % WAIT_QUEUES;
            if (!waitQueues.get(index).sleepers.isEmpty()) {
                wakeIndex = index;
                return waitQueues.get(index);
            }
        }
        return null;
    }

    private static final class WaitQueue<S> {
        final ArrayDeque<S> sleepers = new ArrayDeque<>();
        int waitCount;

        WaitQueue(int waitCount) {
            this.waitCount = waitCount;
        }
    }
}
