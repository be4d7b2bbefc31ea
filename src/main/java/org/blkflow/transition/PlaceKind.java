package org.blkflow.transition;

/** The kinds of place a bio or request can be in; the front end draws one column per kind. */
public enum PlaceKind {
    /** Not in the block layer: before Q, after its end, or a freed request. */
    NONE("none"),
    /** In the submitting task, on its way through make_request (index = CPU). */
    TASK("task"),
    /** On the task's plug list, current->plug->mq_list (index = CPU). */
    PLUG("plug"),
    /** 7.0: a request in the plug's cache, cached_rqs, holding a tag until a bio takes it (index = CPU). */
    CACHED("cached"),
    /** Sleeping for a tag on one of the hctx's wait queues (index = hctx). */
    TAG_WAIT("tagwait"),
    /** In the legacy queue's I/O scheduler (elevator), waiting to be dispatched (index = queue, 0). */
    ELEVATOR("elv"),
    /** On the legacy queue's dispatch list, q->queue_head, in the order request_fn takes them. */
    DISPATCH("dispatch"),
    /** On a software staging queue, blk_mq_ctx.rq_list (index = ctx/CPU). */
    CTX("ctx"),
    /** On a hardware queue: its dispatch list or the run's local list (index = hctx). */
    HCTX("hctx"),
    /** On q->requeue_list, a driver-requeued request waiting for kblockd's requeue work (7.0; index = queue, 0). */
    REQUEUE("requeue"),
    /** Handed to the driver by queue_rq, not yet accepted (index = hctx). */
    DRIVER("driver"),
    /** Accepted by the device, in flight (index = hctx). */
    DEVICE("device"),
    /** Merged into a request (bios only; index = the request id is in Transition.req). */
    MERGED("merged"),
    /** Ended: completed back to its submitter. */
    DONE("done");

    private final String label;

    PlaceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
