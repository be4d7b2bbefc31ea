package org.blkflow.transition;

/**
 * One move of a bio or request, or one change of a queue's state, exactly as the model made it.
 * Every consumer (live sessions, trace writers, statistics, the browser) reads these and nothing else.
 *
 * <p>Absent numbers are -1 and absent strings null: a QUEUE has a bio but no request yet, a RUN_QUEUE
 * has a hardware queue but neither. {@code action} is the blktrace letter or null.
 *
 * @param seq     0, 1, 2, … in the order the kernel would do them
 * @param t       virtual time in nanoseconds
 * @param fn      the kernel function performing the move, to read beside block/blk-mq.c
 * @param cpu     the CPU doing it
 * @param pid     the task on whose behalf (0 for interrupts; kblockd's runs show its kworker)
 * @param comm    that task's name, as blkparse prints it in brackets
 * @param count   U: requests unplugged; run_async: the CPU the kblockd work will run on; lock moves: see
 *                {@link TransitionKind#LOCK_CONTENDED}; 7.0's dd_dispatch_request: the request's place in
 *                mq-deadline's batch, 1 to fifo_batch (16), -1 for one from dd->dispatch; 7.0's tag_busy: the shared
 *                set's active queues after it; 7.0's sleeprq on a shared tag set: the fair share the hctx is
 *                held to when tags of the set are free (hctx_may_queue refused it), else -1; otherwise -1
 * @param lock    the spinlock a lock move is about ("queue_lock", "hctx[0]->lock"); null for other kinds
 * @param dev     7.0 with several null_blk devices: the device the bio or request is on, nullbN's N (the queue
 *                submit_bio sends the bio to, bio->bi_bdev's); -1 when the run has one device, and on moves
 *                of no bio, request or queue
 */
public record Transition(
        long seq, long t, TransitionKind kind, String fn, String action,
        int cpu, int pid, String comm,
        long bio, long req, int ctx, int hctx, int tag,
        long sector, int sectors, String rwbs,
        Place from, Place to, long count, String lock, int dev) {

    /** A move of a bio, a request or a queue: no lock. */
    public Transition(long seq, long t, TransitionKind kind, String fn, String action,
                      int cpu, int pid, String comm,
                      long bio, long req, int ctx, int hctx, int tag,
                      long sector, int sectors, String rwbs,
                      Place from, Place to, long count) {
        this(seq, t, kind, fn, action, cpu, pid, comm, bio, req, ctx, hctx, tag, sector, sectors, rwbs, from, to,
                count, null, -1);
    }

    /** A lock move: no device. */
    public Transition(long seq, long t, TransitionKind kind, String fn, String action,
                      int cpu, int pid, String comm,
                      long bio, long req, int ctx, int hctx, int tag,
                      long sector, int sectors, String rwbs,
                      Place from, Place to, long count, String lock) {
        this(seq, t, kind, fn, action, cpu, pid, comm, bio, req, ctx, hctx, tag, sector, sectors, rwbs, from, to,
                count, lock, -1);
    }

    /** The device blkparse files this move under: 0 (nullb0, or the only device) when {@link #dev} is absent. */
    public int device() {
        return Math.max(0, dev);
    }
}
