package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One 7.0 tag pool, a struct sbitmap_queue (lib/sbitmap.c) as blk-mq-tag.c uses it: the bits split
 * into words, a per-CPU allocation hint, and 8 wait queues woken in batches of wake_batch frees.
 * An hctx has one for driver tags ({@code hctx->tags}) and, under an I/O scheduler, one more for
 * scheduler tags ({@code hctx->sched_tags}). The first {@code reserved} tag numbers are never handed
 * to bios (blk_mq_get_tag offsets normal tags by nr_reserved_tags).
 *
 * kyber's domain tokens are sbitmap_queues too; their waiters are hardware queues, not tasks, so
 * the waiter type is a parameter.
 *
 * <p>Modelling choice (lib/sbitmap.c was not read at a 7.0 commit): the hint rules follow the spec's
 * summary, and each CPU's first hint comes from the run's seeded random generator. A shallow get
 * (async_depth) may use the first word_depth × shallow / depth bits of each word
 * (__map_depth_with_shallow, 6.17's whole-bitmap rule, as recalled from the source: unverified).
 *
 * @param <W> who waits on the wait queues: a {@link Task} for tags, a hctx for kyber's tokens
 */
final class SbitmapTags<W> {

    static final int WAIT_QUEUES = 8;
    static final int WAKE_BATCH = 8;

    final int depth;
    final int reserved;
    int wakeBatch;
    private final int bitsPerWord;
    private final Request[] owner;
    private final int[] hint;
    private final List<ArrayDeque<W>> waitQueues = new ArrayList<>();
    private int inUse;
    private int waiters;
    private long completionCount;
    private long wakeupCount;
    private int wakeIndex;
    private int waitIndex;

    /**
     * @param minShallowDepth sbitmap_queue_min_shallow_depth(): mq-deadline sets 1, so its scheduler
     *                        tags wake one waiter per free
     * @param hints           each CPU's first allocation hint, below the normal depth
     */
    SbitmapTags(int depth, int reserved, int minShallowDepth, int[] hints) {
        this.depth = depth;
        this.reserved = reserved;
        int normal = depth - reserved;
        this.wakeBatch = Math.max(1, Math.min(WAKE_BATCH, Math.min(normal, minShallowDepth) / WAIT_QUEUES));
        this.bitsPerWord = 1 << shift(normal);
        this.owner = new Request[depth];
        this.hint = hints.clone();
        for (int i = 0; i < WAIT_QUEUES; i++) waitQueues.add(new ArrayDeque<>());
    }

    /**
     * sbitmap_queue_recalculate_wake_batch() from blk_mq_tag_busy() on a shared set: the batch of one
     * user's share, clamp(ceil(depth / users) / 8, 1, 8), so a queue held to its share still wakes its
     * own waiters (spec §5.1, unverified for 7.0).
     */
    void recalculateWakeBatch(int users) {
        int share = (normalDepth() + users - 1) / users;
        wakeBatch = Math.max(1, Math.min(WAKE_BATCH, share / WAIT_QUEUES));
    }

    /** sbitmap_calculate_shift(): 64-bit words, narrowed until the bitmap spans at least 4 words. */
    private static int shift(int depth) {
        int shift = 6;
        if (depth >= 4) {
            while ((4 << shift) > depth) shift--;
        }
        return shift;
    }

    /**
     * __sbitmap_queue_get() on {@code cpu}: from the hint's word at the hint bit (wrapping inside that
     * word), then the following words from their first bit; the tag number, or -1 when all are held.
     */
    int get(int cpu) {
        return get(cpu, depth - reserved);
    }

    /**
     * sbitmap_queue_get_shallow(): as {@link #get(int)}, but each word offers only its share of
     * {@code shallow} bits (all of them when shallow is at least the normal depth).
     */
    int get(int cpu, int shallow) {
        int normal = depth - reserved;
        int h = hint[cpu] < normal ? hint[cpu] : 0;
        int words = (normal + bitsPerWord - 1) / bitsPerWord;
        int word = h / bitsPerWord;
        for (int w = 0; w < words; w++, word = (word + 1) % words) {
            int base = word * bitsPerWord;
            int bits = shallowBits(word, Math.min(bitsPerWord, normal - base), shallow);
            int start = w == 0 && h - base < bits ? h - base : 0;
            for (int i = 0; i < bits; i++) {
                int bit = base + (start + i) % bits;
                if (owner[reserved + bit] == null) {
                    if (bit == h) hint[cpu] = bit + 1 >= normal ? 0 : bit + 1;
                    return reserved + bit;
                }
            }
        }
        hint[cpu] = 0;
        return -1;
    }

    /**
     * blk_mq_get_tags() → __sbitmap_queue_get_batch() on {@code cpu}: from the hint's word, a run of
     * free bits starting at that word's first free bit, then the following words likewise, until
     * {@code nr} are taken or a word yields nothing (spec §1.3; lib/sbitmap.c unverified at 7.0). The
     * tags in the order taken, each to be assigned at once; the hint moves past the last.
     */
    int[] getBatch(int cpu, int nr) {
        int normal = depth - reserved;
        int h = hint[cpu] < normal ? hint[cpu] : 0;
        int words = (normal + bitsPerWord - 1) / bitsPerWord;
        int[] taken = new int[Math.min(nr, normal)];
        int n = 0;
        for (int w = 0, word = h / bitsPerWord; w < words && n < taken.length; w++, word = (word + 1) % words) {
            int base = word * bitsPerWord;
            int bits = Math.min(bitsPerWord, normal - base);
            int bit = 0;
            while (bit < bits && owner[reserved + base + bit] != null) bit++;
            if (bit == bits) break;
            for (; bit < bits && n < taken.length && owner[reserved + base + bit] == null; bit++) {
                taken[n++] = reserved + base + bit;
            }
        }
        if (n > 0) {
            int last = taken[n - 1] - reserved;
            hint[cpu] = last + 1 >= normal ? 0 : last + 1;
        }
        return java.util.Arrays.copyOf(taken, n);
    }

    /**
     * __map_depth_with_shallow(): word {@code index} (of {@code wordBits}) offers its share of the
     * shallow depth, the division's remainder going to the first words, so the shares add up.
     */
    private int shallowBits(int index, int wordBits, int shallow) {
        int normal = depth - reserved;
        if (shallow >= normal) return wordBits;
        long product = (long) wordBits * shallow;
        long share = product / normal;
        long remainder = product % normal;
        return (int) (remainder >= (long) (index + 1) * wordBits ? share + 1 : share);
    }

    /** How many tags a shallow get can reach in all: a wait for one is legal once that many are held. */
    int shallowCapacity(int shallow) {
        int normal = depth - reserved;
        int total = 0;
        for (int base = 0; base < normal; base += bitsPerWord) {
            total += shallowBits(base / bitsPerWord, Math.min(bitsPerWord, normal - base), shallow);
        }
        return total;
    }

    void assign(int tag, Request rq) {
        owner[tag] = rq;
        inUse++;
    }

    /**
     * sbitmap_queue_clear() for a request of {@code cpu}'s ctx: the tag is free, that CPU's hint
     * moves to it, and the waiters whose batch of frees is complete are returned, woken.
     */
    List<W> put(int tag, int cpu) {
        owner[tag] = null;
        inUse--;
        if (tag >= reserved) hint[cpu] = tag - reserved;
        return wakeUp();
    }

    /** sbitmap_prepare_to_wait() on bt_wait_ptr()'s queue: the hctx's wait queues in turn. */
    void prepareToWait(W task) {
        waitQueues.get(waitIndex).add(task);
        waitIndex = (waitIndex + 1) % WAIT_QUEUES;
        waiters++;
    }

    /** sbitmap_finish_wait() before any wakeup took the task; false if one already did. */
    boolean finishWait(W task) {
        for (ArrayDeque<W> q : waitQueues) {
            if (q.remove(task)) {
                waiters--;
                return true;
            }
        }
        return false;
    }

    int inUse() {
        return inUse;
    }

    int normalDepth() {
        return depth - reserved;
    }

    int waiters() {
        return waiters;
    }

    /**
     * __sbitmap_queue_wake_up(): frees count only while someone waits; every wake_batch of them
     * wakes up to wake_batch waiters, from wake_index on, the index advancing before each queue.
     */
    private List<W> wakeUp() {
        if (waiters == 0) return List.of();
        completionCount++;
        if (completionCount - wakeupCount < wakeBatch) return List.of();
        wakeupCount += wakeBatch;
        List<W> woken = new ArrayList<>();
        int index = wakeIndex;
        for (int i = 0; i < WAIT_QUEUES && woken.size() < wakeBatch; i++) {
            ArrayDeque<W> q = waitQueues.get(index);
            index = (index + 1) % WAIT_QUEUES;
            while (!q.isEmpty() && woken.size() < wakeBatch) woken.add(q.poll());
        }
        wakeIndex = index;
        waiters -= woken.size();
        return woken;
    }
}
