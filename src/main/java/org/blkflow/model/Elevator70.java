package org.blkflow.model;

import java.util.List;
import java.util.function.Consumer;
import org.blkflow.transition.Place;

/**
 * struct elevator_mq_ops as blk-mq-sched.c calls it in 7.0, for the schedulers the model has
 * (mq-deadline, kyber). Each method is a path step or starts one, taking the scheduler's own locks.
 */
interface Elevator70 {

    /** ops.has_work for {@code x}: mq-deadline answers for the whole queue, kyber per hctx. */
    boolean hasWork(Hctx70 x);

    /** ops.bio_merge: {@code merged} gets whether the bio went into a queued request (M or F). */
    void bioMerge(Task task, Bio bio, Merging merging, Consumer<Boolean> merged);

    /** ops.insert_requests: I for each, in list order. */
    void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done);

    /** ops.insert_requests with BLK_MQ_INSERT_AT_HEAD, for one request the requeue work re-inserts. */
    void insertAtHead(Request rq, Place from, int cpu, Actor actor, Runnable done);

    /** ops.dispatch_request for {@code x}: the next request (with its elv_dispatch traced), or null. */
    void dispatchRequest(Hctx70 x, int cpu, Actor actor, Consumer<Request> next);

    /**
     * ops.requeue_request, from blk_mq_requeue_request (blk_mq_sched_requeue_request): kyber gives the
     * token back (kyber_finish_request), mq-deadline has none.
     */
    default void requeueRequest(Request rq, int cpu, Actor actor) {
    }

    /** ops.finish_request, as a request is freed (kyber gives its domain token back). */
    void finishRequest(Request rq, int cpu, Actor actor);

    /**
     * q->async_depth: the scheduler tags a request other than a read may reach
     * (ops.limit_depth sets it as the allocation's shallow depth).
     */
    int asyncDepth();

    /**
     * QUEUE_FLAG_SQ_SCHED: one scheduler instance serves the whole queue, so a run of all hardware
     * queues runs only the current CPU's (and those with bypassed requests).
     */
    boolean singleQueue();
}
