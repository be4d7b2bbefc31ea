package org.blkflow.transition;

/**
 * Every kind of move the model reports. The JSON, the trace writers and the front end spell a kind
 * by {@link #label()}; {@link #action()} is the blktrace letter the kernel emits for it, if any.
 */
public enum TransitionKind {
    /** A bio enters the block layer: block_bio_queue in generic_make_request_checks. */
    QUEUE("queue", "Q"),
    /** A request is about to be allocated for the bio: block_getrq (3.16 mq fires it before allocating). */
    GETRQ("getrq", "G"),
    /** No free tag: the submitter sleeps on a tag wait queue (block_sleeprq). */
    SLEEP("sleeprq", "S"),
    /** A tag-waiter is woken after wake_cnt frees. */
    WAKE("wake", null),
    /** A tag is taken for the request (blk_mq_get_tag). */
    TAG_GET("tag_get", null),
    /**
     * 7.0, a tag set shared by several devices: the hctx about to take a tag is counted among the set's
     * active queues for the first time (blk_mq_tag_busy → __blk_mq_tag_busy); {@code count} is the set's
     * tags->active_queues after it, which sets every active hctx's fair share (hctx_may_queue).
     */
    TAG_BUSY("tag_busy", null),
    /** The request joins the task's plug list; carries P when the plug was empty. */
    PLUG("plug", "P"),
    /**
     * 7.0: a bio over the queue's limits is split (block_split in bio_submit_split): the move names
     * the bio being split, carries the split-off front piece's range, and {@code count} is the
     * sector the remainder now starts at (blktrace's payload).
     */
    SPLIT("split", "X"),
    /**
     * 7.0: a request of a tag batch waits in the plug's cache, current->plug->cached_rqs
     * (__blk_mq_alloc_requests_batch); it holds its tag from here, and no blktrace event shows it.
     */
    CACHE("cache", null),
    /** The bio is appended to an adjacent request (block_bio_backmerge). */
    BACKMERGE("backmerge", "M"),
    /** The bio is prepended to an adjacent request (block_bio_frontmerge). */
    FRONTMERGE("frontmerge", "F"),
    /**
     * A queued request is absorbed by the one before it in sector order (block_rq_merge in
     * attempt_merge, 7.0's mq-deadline): M with the absorbed request's own range; {@code count} is the
     * request that takes its bios. The absorbed request is freed next, never I'd, D'd or C'd.
     */
    RQ_MERGE("rq_merge", "M"),
    /** A plug list is flushed for one software queue (block_unplug; count = requests). */
    UNPLUG("unplug", "U"),
    /** A request is added to a software queue (block_rq_insert). */
    INSERT("insert", "I"),
    /** A run of a hardware queue is deferred to kblockd on some CPU. */
    RUN_ASYNC("run_async", null),
    /** The legacy elevator hands a request to the dispatch list (elv_dispatch_sort and friends). */
    ELV_DISPATCH("elv_dispatch", null),
    /** A bio-based driver takes a bio straight from make_request (null_blk queue_mode=0). */
    MAKE_REQUEST("make_request", null),
    /** A hardware queue run starts (__blk_mq_run_hw_queue). */
    RUN_QUEUE("run_queue", null),
    /** A request leaves its software queue for the hardware queue being run (flush_busy_ctxs). */
    CTX_FLUSH("flush_ctx", null),
    /** The request is started and handed to the driver (block_rq_issue). */
    ISSUE("issue", "D"),
    /** queue_rq returned OK: the device has the request. */
    QUEUE_RQ("queue_rq", null),
    /** queue_rq returned BUSY: the request goes back to hctx->dispatch (block_rq_requeue). */
    REQUEUE("requeue", "R"),
    /** The driver stops the hardware queue (blk_mq_stop_hw_queue). */
    HCTX_STOP("stop", null),
    /** The driver restarts stopped hardware queues (blk_mq_start_stopped_hw_queues). */
    HCTX_START("start", null),
    /** The completion is sent to the submitting CPU by IPI (QUEUE_FLAG_SAME_COMP). */
    IPI("ipi", null),
    /** The request's data is done (block_rq_complete in blk_update_request). */
    COMPLETE("complete", "C"),
    /** One bio of a completed request is ended back to its submitter (bio_endio). */
    BIO_END("bio_end", null),
    /** The request is freed and its tag returned (blk_mq_free_request, blk_mq_put_tag). */
    FREE("free", null),
    /**
     * xen: one event-channel notification (notify_remote_via_irq), frontend to blkback or back; hctx is
     * the ring, count the CPU the event lands on. A push that needs none makes no transition.
     */
    EVTCHN("evtchn", null),
    /**
     * xen-blkback's work in dom0 on a dom0 vCPU: its interrupt and thread (xen_blkif_be_int,
     * xen_blkif_schedule, and wait_event_interruptible when it goes back to sleep; hctx the ring) and each request's steps (dispatch_rw_block_io, gnttab_map_refs,
     * submit_bio, end_block_io_op, gnttab_unmap_refs, make_response), the request staying in the device.
     */
    BLKBACK("blkback", null),
    /**
     * xen with the host's pCPUs shared ({@code device.backend.pcpus}): a vCPU ({@code cpu}, the guest's
     * or dom0's) is runnable but holds no pCPU — woken with none idle (vcpu_wake) or preempted
     * (csched_schedule). Only waits are in the stream, as only contended locks are.
     */
    PCPU_WAIT("pcpu_wait", null),
    /** The waiting vCPU {@code cpu} runs again, on pCPU {@code count} (csched_schedule). */
    PCPU_RUN("pcpu_run", null),
    /**
     * A CPU finds a spinlock held and spins for its ticket (lockdep's lock_contended); {@code count}
     * is the holder's CPU. Lock moves are in the stream only when CPUs contend: see LockTransitions.
     */
    LOCK_CONTENDED("lock_contended", null),
    /**
     * A spinning CPU gets the lock at the holder's unlock (lock_acquired), which this move also tells:
     * a ticket lock hands over at the unlock; {@code count} = ns it spun.
     */
    LOCK_ACQUIRED("lock_acquired", null),
    /** The holder the stream last named lets go with nobody in line (lock_release): the lock is free. */
    LOCK_RELEASE("lock_release", null);

    private final String label;
    private final String action;

    TransitionKind(String label, String action) {
        this.label = label;
        this.action = action;
    }

    public String label() {
        return label;
    }

    /** The blktrace letter, or null when blktrace emits nothing for this move. */
    public String action() {
        return action;
    }

    /** Whether this is a spinlock's move rather than one of a bio, a request or a queue. */
    public boolean isLock() {
        return this == LOCK_CONTENDED || this == LOCK_ACQUIRED || this == LOCK_RELEASE;
    }

    public static TransitionKind fromLabel(String label) {
        for (TransitionKind k : values()) {
            if (k.label.equals(label)) return k;
        }
        throw new IllegalArgumentException("unknown transition kind '" + label + "'");
    }
}
