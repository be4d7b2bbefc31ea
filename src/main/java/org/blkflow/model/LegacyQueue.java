package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.engine.Lock;

/**
 * struct request_queue in request_fn mode: one queue_lock for everything, the elevator, the
 * dispatch list q->queue_head, the back-merge hash and last_merge, and the request list's
 * nr_requests accounting with its sleepers.
 */
final class LegacyQueue {

    final Lock queueLock;
    final Elevator elevator;
    final HardwareQueue queue;
    final ArrayDeque<Request> queueHead = new ArrayDeque<>();
    final int nrRequests;
    /** rl->count[sync]: requests allocated per sync class (0 async, 1 sync). */
    final int[] allocated = new int[2];
    /** rl->wait[sync]: tasks sleeping in get_request, woken one per freed request. */
    @SuppressWarnings("unchecked")
    final ArrayDeque<Task>[] sleepers = new ArrayDeque[] {new ArrayDeque<>(), new ArrayDeque<>()};
    /** elv_rqhash: requests still in the elevator, by end sector, for back merges. */
    private final Map<Long, Request> byEnd = new HashMap<>();
    Request lastMerge;
    boolean stopped;

    LegacyQueue(Lock queueLock, Elevator elevator, HardwareQueue queue, int nrRequests) {
        this.queueLock = queueLock;
        this.elevator = elevator;
        this.queue = queue;
        this.nrRequests = nrRequests;
    }

    void hashAdd(Request rq) {
        byEnd.put(rq.end(), rq);
    }

    void hashRemove(Request rq, long end) {
        byEnd.remove(end, rq);
    }

    /** elv_rqhash_find(): the request in the elevator that ends where the bio starts. */
    Request backMergeCandidate(Bio bio) {
        return byEnd.get(bio.sector);
    }

    static int syncClass(boolean sync) {
        return sync ? 1 : 0;
    }
}
