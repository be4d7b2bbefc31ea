package org.blkflow.model;

import org.blkflow.scenario.Scheduler;

/**
 * struct elevator_type's ops, as the legacy queue calls them under queue_lock: a request is added
 * when it is inserted (I), handed out when the dispatch list runs dry, and may offer a request a
 * bio can be front-merged into.
 */
interface Elevator {

    /** elevator_add_req_fn. */
    void add(Request rq, long now);

    /** elevator_dispatch_fn: the next request to move to q->queue_head, or null. */
    Request dispatch(long now);

    /** elevator_merge_fn's front-merge lookup: a request starting where the bio ends, or null. */
    Request frontMergeCandidate(Bio bio);

    /** elevator_merged_fn: a request grew; a front merge moved its start sector. */
    void merged(Request rq, long oldSector);

    boolean isEmpty();

    /** elevator_activate_req_fn: the driver took the request (blk_peek_request starts it); cfq counts them. */
    default void activated(Request rq) {
    }

    /** The request finished (elevator_completed_req_fn); schedulers that idle care. */
    default void completed(Request rq, long now) {
    }

    /**
     * When the elevator wants the queue run again (cfq's idle slice timer, or cfq_schedule_dispatch
     * after a completion); -1 for none. Reading it consumes the request.
     */
    default long wakeAt() {
        return -1;
    }

    /** The kernel function that dispatches, for the transition's fn. */
    String dispatchFn();

    /** {@code nonrot}: blk_queue_nonrot(q), which cfq's idling and seek heuristics read. */
    static Elevator named(Scheduler name, boolean nonrot) {
        return switch (name) {
            case NOOP -> new NoopElevator();
            case DEADLINE -> new DeadlineElevator();
            case CFQ -> new CfqElevator(nonrot);
            default -> throw new IllegalArgumentException("scheduler '" + name.label() + "' is not a 3.16 elevator");
        };
    }
}
