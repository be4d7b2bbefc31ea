package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeSet;
import org.blkflow.transition.DeadlineBatch;

/**
 * The mq-deadline I/O scheduler of 7.0 (block/mq-deadline.c), one instance per request queue: per
 * direction a sector-sorted tree and a FIFO with deadlines, served in one-way sector batches of
 * fifo_batch, reads preferred but writes starved at most writes_starved times, an expired FIFO head
 * taking over when a batch starts. Every request is of one priority level (BE), so priority aging
 * never applies. The caller holds dd->lock.
 *
 * <p>dd->dispatch holds the requests the requeue work re-inserts at the head; it is served before
 * everything else. Request–request merges (attempt_merge, after a bio merge or at insert) are
 * planned here and applied by {@link Deadline70}, which traces them.
 */
final class MqDeadline {

    static final long READ_EXPIRE_NS = 500_000_000L;
    static final long WRITE_EXPIRE_NS = 5_000_000_000L;
    static final int WRITES_STARVED = 2;
    static final int FIFO_BATCH = 16;
    private static final int READ = 0;
    private static final int WRITE = 1;

    /** What mq-deadline keeps per request: its FIFO deadline. */
    private record DdRequest(long fifoTime) { }

    private static final Comparator<Request> BY_SECTOR =
            Comparator.<Request>comparingLong(rq -> rq.sector).thenComparingLong(rq -> rq.id);

    @SuppressWarnings("unchecked")
    private final TreeSet<Request>[] sortList = new TreeSet[] {new TreeSet<>(BY_SECTOR), new TreeSet<>(BY_SECTOR)};
    /** FIFO order with O(1) removal from the middle (a sector-order dispatch takes any request). */
    @SuppressWarnings("unchecked")
    private final LinkedHashSet<Request>[] fifoList = new LinkedHashSet[] {new LinkedHashSet<>(), new LinkedHashSet<>()};
    private final long[] latestPos = new long[2];
    /** elv_rqhash: mergeable requests by end sector, newest first. */
    private final Map<Long, ArrayDeque<Request>> hash = new HashMap<>();
    private int lastDir = WRITE;
    private int batching;
    /** Where the request dispatch() last returned stands in its batch: 1..fifo_batch, 0 if from dd->dispatch. */
    private int batchPosition;
    private int starved;
    /** q->last_merge: the one-hit cache elv_merge tries first. */
    private Request lastMerge;
    /** The search key for the trees: only its sector and id (the lowest) are read. */
    private final Request probe = Request.probe();

    /** dd->dispatch: requests inserted with BLK_MQ_INSERT_AT_HEAD, in practice requeues. */
    private final ArrayDeque<Request> dispatchList = new ArrayDeque<>();

    /** dd_has_work(). */
    boolean hasWork() {
        return !dispatchList.isEmpty() || !fifoList[READ].isEmpty() || !fifoList[WRITE].isEmpty();
    }

    int queued() {
        return dispatchList.size() + fifoList[READ].size() + fifoList[WRITE].size();
    }

    /** dd_insert_request() with AT_HEAD: the head of dd->dispatch, fifo_time = now. */
    void insertAtHead(Request rq, long now) {
        rq.elvPrivate = new DdRequest(now);
        dispatchList.addFirst(rq);
    }

    /** dd_insert_request() without AT_HEAD: tree, hash, FIFO with now + the direction's expiry. */
    void insert(Request rq, long now) {
        int dir = dir(rq);
        rq.elvPrivate = new DdRequest(now + (dir == WRITE ? WRITE_EXPIRE_NS : READ_EXPIRE_NS));
        sortList[dir].add(rq);
        fifoList[dir].add(rq);
        if (!rq.noMerge) {
            hash.computeIfAbsent(rq.end(), k -> new ArrayDeque<>()).addFirst(rq);
            if (lastMerge == null) lastMerge = rq;
        }
    }

    /**
     * elv_merge(): the one-hit cache, then a back merge through the hash, then dd_request_merge's
     * front-merge lookup in the tree. Returns the request and which end, or null; the first request
     * found is the only one tried, as blk_mq_sched_try_merge does.
     */
    Merging.Plan findMerge(Bio bio) {
        if (lastMerge != null && Merging.mergeOk(lastMerge, bio)) {
            if (lastMerge.end() == bio.sector) return new Merging.Plan(lastMerge, true, 1, 0);
            if (lastMerge.sector == bio.end()) return new Merging.Plan(lastMerge, false, 1, 0);
        }
        ArrayDeque<Request> bucket = hash.get(bio.sector);
        if (bucket != null) {
            for (Request rq : bucket) {
                if (Merging.mergeOk(rq, bio)) return new Merging.Plan(rq, true, 2, 0);
            }
        }
        int dir = bio.write ? WRITE : READ;
        Request front = sortList[dir].ceiling(probe(bio.end()));
        if (front != null && front.sector == bio.end() && Merging.mergeOk(front, bio)) {
            return new Merging.Plan(front, false, 3, 0);
        }
        return new Merging.Plan(null, false, 3, 0);
    }

    /** Before a merge changes the request's range: out of the tree and hash (it goes back after). */
    void unlink(Request rq) {
        sortList[dir(rq)].remove(rq);
        unhash(rq);
    }

    /** elv_merged_request(): back in the tree and hash at its new range, and the one-hit cache. */
    void relink(Request rq) {
        sortList[dir(rq)].add(rq);
        if (!rq.noMerge) hash.computeIfAbsent(rq.end(), k -> new ArrayDeque<>()).addFirst(rq);
        lastMerge = rq;
    }

    /** req_set_nomerge(): a failed merge keeps the request out of the cache for good. */
    void noMerge(Request rq) {
        if (lastMerge == rq) lastMerge = null;
        unhash(rq);
    }

    /** dd_dispatch_request() → __dd_dispatch_request() for the one priority level; null when empty. */
    Request dispatch(long now) {
        if (!dispatchList.isEmpty()) {
            // dd->dispatch first, ahead of every FIFO and of priority aging; dd_start_request sets latest_pos.
            Request head = dispatchList.poll();
            latestPos[dir(head)] = head.sector;
            batchPosition = 0;
            return head;
        }
        Request rq = nextRequest(lastDir);
        if (rq == null || batching >= FIFO_BATCH) {
            int dir;
            if (!fifoList[READ].isEmpty()) {
                dir = !fifoList[WRITE].isEmpty() && starved++ >= WRITES_STARVED ? WRITE : READ;
            } else if (!fifoList[WRITE].isEmpty()) {
                dir = WRITE;
            } else {
                return null;
            }
            if (dir == WRITE) starved = 0;
            Request next = nextRequest(dir);
            Request oldest = fifoList[dir].iterator().next();
            rq = next == null || ((DdRequest) oldest.elvPrivate).fifoTime() <= now ? oldest : next;
            lastDir = dir;
            batching = 0;
        }
        batching++;
        batchPosition = batching;
        remove(rq);
        latestPos[dir(rq)] = rq.sector;
        return rq;
    }

    /**
     * The last dispatched request's place in its batch (dd->batching after it): 1 starts a batch, up to
     * fifo_batch (16) in one direction; 0 for a request from dd->dispatch, which is outside any batch.
     */
    int batchPosition() {
        return batchPosition;
    }

    /** What dispatch() left of the batch (last_dir, batching, starved, latest_pos), for the snapshots of lane elv:{@code elv}. */
    DeadlineBatch batch(int elv) {
        return new DeadlineBatch(elv, lastDir == WRITE ? "write" : "read", batching, starved, latestPos[READ], latestPos[WRITE]);
    }

    /** elv_latter_request() → elv_rb_latter_request(): the next queued request of its direction in sector order. */
    Request latter(Request rq) {
        return sortList[dir(rq)].higher(rq);
    }

    /** elv_former_request() → elv_rb_former_request(): the one before it. */
    Request former(Request rq) {
        return sortList[dir(rq)].lower(rq);
    }

    /**
     * elv_attempt_insert_merge() for a request about to be inserted: q->last_merge if {@code rq} starts
     * where it ends; else, repeatedly, the hashed request ending where the latest absorbed one starts
     * ("the merged request could be merged with others"). {@code attemptMerge} is attempt_merge(req,
     * next): it merges and answers true, or leaves everything as it was. True if {@code rq} was absorbed.
     */
    boolean insertMerge(Request rq, java.util.function.BiPredicate<Request, Request> attemptMerge) {
        if (lastMerge != null && attemptMerge.test(lastMerge, rq)) return true;
        boolean absorbed = false;
        Request next = rq;
        while (true) {
            ArrayDeque<Request> bucket = hash.get(next.sector);
            Request prev = bucket == null ? null : bucket.peekFirst();
            if (prev == null || !attemptMerge.test(prev, next)) return absorbed;
            absorbed = true;
            next = prev;
        }
    }

    /**
     * Before attempt_merge appends {@code next} to {@code req}: {@code req} leaves the hash, as its end
     * moves (elv_rqhash_reposition puts it back in {@link #absorbed}).
     */
    void beforeAbsorb(Request req) {
        unhash(req);
    }

    /**
     * elv_merge_requests() → dd_merged_requests(): when {@code next} (queued) expires first, {@code req}
     * takes its FIFO place and time; {@code next} leaves tree, FIFO and hash; {@code req} is rehashed
     * at its new end and becomes q->last_merge.
     */
    void absorbed(Request req, Request next) {
        int dir = dir(req);
        if (fifoList[dir].contains(req) && fifoList[dir].contains(next)
                && ((DdRequest) next.elvPrivate).fifoTime() < ((DdRequest) req.elvPrivate).fifoTime()) {
            LinkedHashSet<Request> moved = new LinkedHashSet<>();
            for (Request r : fifoList[dir]) {
                if (r == next) moved.add(req);
                else if (r != req) moved.add(r);
            }
            fifoList[dir] = moved;
            req.elvPrivate = next.elvPrivate;
        }
        remove(next);
        if (!req.noMerge) hash.computeIfAbsent(req.end(), k -> new ArrayDeque<>()).addFirst(req);
        lastMerge = req;
    }

    /** deadline_next_request() → deadline_from_pos(): the lowest start sector at or after latest_pos. */
    private Request nextRequest(int dir) {
        return sortList[dir].ceiling(probe(latestPos[dir]));
    }

    private void remove(Request rq) {
        int dir = dir(rq);
        sortList[dir].remove(rq);
        fifoList[dir].remove(rq);
        unhash(rq);
        if (lastMerge == rq) lastMerge = null;
    }

    private void unhash(Request rq) {
        ArrayDeque<Request> bucket = hash.get(rq.end());
        if (bucket != null && bucket.remove(rq) && bucket.isEmpty()) hash.remove(rq.end());
    }

    private static int dir(Request rq) {
        return rq.write ? WRITE : READ;
    }

    /** A key below every request starting at {@code sector}, for ceiling() lookups. */
    private Request probe(long sector) {
        probe.sector = sector;
        return probe;
    }
}
