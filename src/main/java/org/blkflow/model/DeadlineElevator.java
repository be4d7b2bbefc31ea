package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.TreeMap;

/**
 * deadline (deadline-iosched.c): per direction a sector-sorted tree and a FIFO with expiry times;
 * batches of up to fifo_batch requests in sector order, reads preferred but writes not starved
 * more than writes_starved times, and an expired FIFO head served first.
 */
final class DeadlineElevator implements Elevator {

    static final long READ_EXPIRE_NS = 500_000_000L;
    static final long WRITE_EXPIRE_NS = 5_000_000_000L;
    static final int FIFO_BATCH = 16;
    static final int WRITES_STARVED = 2;

    /** Index 0 reads, 1 writes. Requests with equal start sectors queue behind each other. */
    private final TreeMap<Long, ArrayDeque<Request>>[] sorted = newTrees();
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Request>[] fifo = new ArrayDeque[] {new ArrayDeque<>(), new ArrayDeque<>()};
    private final java.util.Map<Request, Long> expires = new java.util.HashMap<>();
    private final Request[] next = new Request[2];
    private int batching;
    private int starved;

    @Override
    public void add(Request rq, long now) {
        int dir = dir(rq);
        sorted[dir].computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
        fifo[dir].add(rq);
        expires.put(rq, now + (dir == 0 ? READ_EXPIRE_NS : WRITE_EXPIRE_NS));
    }

    /** deadline_dispatch_requests(). */
    @Override
    public Request dispatch(long now) {
        Request rq = next[1] != null ? next[1] : next[0];
        if (rq != null && batching < FIFO_BATCH) return move(rq);
        int dir;
        if (!fifo[0].isEmpty()) {
            dir = !fifo[1].isEmpty() && starved++ >= WRITES_STARVED ? 1 : 0;
        } else if (!fifo[1].isEmpty()) {
            dir = 1;
        } else {
            return null;
        }
        if (dir == 1) starved = 0;
        boolean expired = expires.get(fifo[dir].peek()) <= now;
        rq = expired || next[dir] == null ? fifo[dir].peek() : next[dir];
        batching = 0;
        return move(rq);
    }

    @Override
    public Request frontMergeCandidate(Bio bio) {
        ArrayDeque<Request> at = sorted[bio.write ? 1 : 0].get(bio.end());
        return at == null ? null : at.peek();
    }

    /** deadline_merged_request(): a front merge changed the sort key. */
    @Override
    public void merged(Request rq, long oldSector) {
        if (rq.sector == oldSector) return;
        int dir = dir(rq);
        removeSorted(dir, rq, oldSector);
        sorted[dir].computeIfAbsent(rq.sector, k -> new ArrayDeque<>()).add(rq);
    }

    @Override
    public boolean isEmpty() {
        return fifo[0].isEmpty() && fifo[1].isEmpty();
    }

    @Override
    public String dispatchFn() {
        return "deadline_dispatch_requests";
    }

    /** deadline_move_request(): the batch goes on with the next request in sector order. */
    private Request move(Request rq) {
        int dir = dir(rq);
        next[0] = null;
        next[1] = null;
        next[dir] = successor(dir, rq);
        removeSorted(dir, rq, rq.sector);
        fifo[dir].remove(rq);
        expires.remove(rq);
        batching++;
        return rq;
    }

    private Request successor(int dir, Request rq) {
        ArrayDeque<Request> same = sorted[dir].get(rq.sector);
        if (same != null && same.size() > 1) {
            boolean seen = false;
            for (Request r : same) {
                if (seen) return r;
                if (r == rq) seen = true;
            }
        }
        var higher = sorted[dir].higherEntry(rq.sector);
        return higher == null ? null : higher.getValue().peek();
    }

    private void removeSorted(int dir, Request rq, long key) {
        ArrayDeque<Request> at = sorted[dir].get(key);
        if (at == null) return;
        at.remove(rq);
        if (at.isEmpty()) sorted[dir].remove(key);
    }

    private static int dir(Request rq) {
        return rq.write ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    private static TreeMap<Long, ArrayDeque<Request>>[] newTrees() {
        return new TreeMap[] {new TreeMap<>(), new TreeMap<>()};
    }
}
