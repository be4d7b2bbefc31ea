package org.blkflow.model;

import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * Submission in 7.0: submit_bio_noacct_nocheck (Q) → __submit_bio, which plugs every bio (the
 * caller's plug, or one of its own flushed on return) → blk_mq_submit_bio: the plug's tail, then
 * the scheduler or the software queue for a merge; a request from the scheduler or driver tags,
 * sleeping for one without S; G after the allocation; blk_add_rq_to_plug with its 32-request and
 * 128 KiB limits. A bio over the limits is split first ({@link Split70}); a plug of nr_ios &gt; 1
 * hands out cached requests ({@link PlugCache70}). Each method is one step of the path, or starts one.
 *
 * <p>With several devices each request_queue has its own submission, and the task's one plug holds
 * requests of them all: plug->multiple_queues raises the limit to 64, a plug merge tries the bio's
 * queue's oldest request when the tail is another queue's, and the flush goes queue by queue
 * ({@link PlugFlush70}). Not modelled: flushes and FUA.
 */
final class Mq70Submission implements MakeRequest {

    /** BLK_MAX_REQUEST_COUNT: a plug with this many requests is flushed before the next joins. */
    static final int MAX_PLUGGED = 32;
    /** blk_plug_max_rq_count() once plug->multiple_queues is set. */
    static final int MAX_PLUGGED_MULTIPLE = 2 * MAX_PLUGGED;
    /** BLK_PLUG_FLUSH_SIZE: a plug whose oldest request is this big is flushed likewise. */
    static final long PLUG_FLUSH_BYTES = 128 * 1024;

    private final Machine m;
    private final Merging merging;
    private final Hctx70[] hctxs;
    private final Dispatch70 dispatch;
    private final SchedDispatch70 sched;
    private final PlugFlush70 flush;
    private final CtxMap70 ctxs;
    private final Split70 splits;
    private final PlugCache70 cache;
    private Poll70 poll;
    /** This request_queue's device number (nullbN's N). */
    private final int device;
    /** Every device's submission by number, this one among them: one plug holds requests of them all. */
    private Mq70Submission[] queues = {this};
    private Invariants invariants;

    Mq70Submission(Machine m, Merging merging, Hctx70[] hctxs, Dispatch70 dispatch, SchedDispatch70 sched,
                   PlugFlush70 flush, CtxMap70 ctxs, Split70 splits, PlugCache70 cache) {
        this.ctxs = ctxs;
        this.splits = splits;
        this.cache = cache;
        this.m = m;
        this.merging = merging;
        this.hctxs = hctxs;
        this.dispatch = dispatch;
        this.sched = sched;
        this.flush = flush;
        this.device = hctxs[0].hw.device;
    }

    /** The run's request_queues, by device number, and the invariants the plug reports to. */
    void attach(Mq70Submission[] all, Invariants checks) {
        this.queues = all;
        this.invariants = checks;
    }

    void attach(Poll70 poll) {
        this.poll = poll;
    }

    /** submit_bio_noacct_nocheck(): Q, then __submit_bio. REQ_POLLED stays only if the queue can poll. */
    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        bio.polled = task.hipri && ctxs.canPoll();
        m.emit.bio(TransitionKind.QUEUE, "Q", "submit_bio_noacct_nocheck", task.cpu, task.actor, bio, null, null,
                Place.NONE, Place.task(task.cpu));
        m.after(task.cpu, m.costs.makeRequestNs(), () -> submitBio(task, bio, done));
    }

    /**
     * __submit_bio_noacct_mq()'s loop over __submit_bio(): blk_start_plug (a no-op under the caller's
     * plug), blk_mq_submit_bio, blk_finish_plug; then the remainder a split left on
     * current->bio_list, submitted the same way with no second Q.
     */
    private void submitBio(Task task, Bio bio, Runnable done) {
        Bio front = splits.split(task, bio);
        Runnable next = front == bio ? done
                : () -> m.after(task.cpu, m.costs.makeRequestNs(), () -> submitBio(task, bio, done));
        if (task.plug != null) {
            attemptMerge(task, front, next);
            return;
        }
        task.plug = new Plug();
        attemptMerge(task, front, () -> finishPlug(task, next));
    }

    /**
     * blk_mq_attempt_bio_merge(): the plug's tail first, then the scheduler or the software queue;
     * a REQ_NOMERGE bio (a split-off piece) tries none (bio_mergeable).
     */
    private void attemptMerge(Task task, Bio bio, Runnable done) {
        if (!m.merging || bio.noMerge) {
            allocate(task, bio, done);
            return;
        }
        Merging.Plan plan = plugMerge(task.plug, bio);
        m.after(task.cpu, merging.cost(plan), () -> {
            if (plan.merges()) {
                merging.apply(plan, bio, task);
                done.run();
            } else if (sched != null) {
                sched.bioMerge(task, bio, merging, merged -> {
                    if (merged) done.run();
                    else allocate(task, bio, done);
                });
            } else {
                ctxMerge(task, bio, done);
            }
        });
    }

    /**
     * blk_attempt_plug_merge(): only the newest plugged request is tried, if it is this queue's; when
     * it is another queue's and plug->multiple_queues is set, only this queue's oldest one, once. A
     * merge over the limits marks the request NOMERGE for good.
     */
    private Merging.Plan plugMerge(Plug plug, Bio bio) {
        if (plug.isEmpty()) return new Merging.Plan(null, false, 0, 0);
        Request tail = plug.mqList.get(plug.mqList.size() - 1);
        if (tail.hctx.device != device) tail = plug.multipleQueues ? firstOfThisQueue(plug) : null;
        if (tail == null) return new Merging.Plan(null, false, 0, 0);
        if (Merging.mergeOk(tail, bio)) {
            if (tail.end() == bio.sector && merging.withinLimits(tail, bio)) return new Merging.Plan(tail, true, 1, 0);
            if (tail.sector == bio.end() && merging.withinLimits(tail, bio)) return new Merging.Plan(tail, false, 1, 0);
        }
        return new Merging.Plan(null, false, 1, 0);
    }

    private Request firstOfThisQueue(Plug plug) {
        for (Request rq : plug.mqList) {
            if (rq.hctx.device == device) return rq;
        }
        return null;
    }

    /** blk_bio_list_merge() on this CPU's software queue, when it holds requests, under ctx->lock. */
    private void ctxMerge(Task task, Bio bio, Runnable done) {
        SoftwareQueue ctx = ctxs.of(task.cpu, bio.polled);
        if (ctx.rqList.isEmpty()) {
            allocate(task, bio, done);
            return;
        }
        ctx.lock.lock(m.cpu(task.cpu), "blk_bio_list_merge", () -> {
            Merging.Plan plan = merging.planCtxMerge(ctx, bio);
            m.after(task.cpu, merging.cost(plan), () -> {
                if (plan.merges()) merging.apply(plan, bio, task);
                ctx.lock.unlock(m.cpu(task.cpu));
                if (plan.merges()) done.run();
                else allocate(task, bio, done);
            });
        });
    }

    /**
     * The plug's cached request (blk_mq_use_cached_rq), else blk_mq_get_new_requests() →
     * __blk_mq_alloc_requests(): a batch for a plug of nr_ios &gt; 1, else blk_mq_get_tag().
     */
    private void allocate(Task task, Bio bio, Runnable done) {
        m.after(task.cpu, m.costs.allocRequestNs(), () -> {
            // blk_mq_peek_cached_request(): a cached request of another queue is not this bio's.
            Request cached = cache.take(task.plug, bio);
            if (cached != null) {
                traceGetrq(task, bio, cached, Place.cached(task.cpu), done);
                return;
            }
            Hctx70 x = Hctx70.of(hctxs, ctxs.of(task.cpu, bio.polled).hctx);
            int shallow = shallowDepth(bio);
            Request batched = cache.allocateBatch(task, x, shallow != Integer.MAX_VALUE,
                    t -> newRequest(task, bio, x, t));
            if (batched != null) {
                traceGetrq(task, bio, batched, Place.task(task.cpu), done);
                return;
            }
            int tag = x.allocate(task, shallow);
            if (tag >= 0) {
                got(task, bio, x, tag, Place.task(task.cpu), done);
                return;
            }
            task.pendingBio = bio;
            task.pendingDone = done;
            waitForTag(task);
        });
    }

    /**
     * blk_mq_limit_depth() → the elevator's limit_depth: a read may use every tag, anything else
     * only q->async_depth of the scheduler tags (kyber: 75 %).
     */
    private int shallowDepth(Bio bio) {
        return sched != null && bio.write ? sched.elevator.asyncDepth() : Integer.MAX_VALUE;
    }

    private void got(Task task, Bio bio, Hctx70 x, int tag, Place from, Runnable done) {
        traceGetrq(task, bio, newRequest(task, bio, x, tag), from, done);
    }

    /** blk_mq_rq_ctx_init(): the tag is rq->tag, or rq->internal_tag under a scheduler. */
    private Request newRequest(Task task, Bio bio, Hctx70 x, int tag) {
        boolean schedTagged = x.schedTags != null;
        Request rq = new Request(m.newRequestId(), ctxs.of(task.cpu, bio.polled), x.hw, schedTagged ? -1 : tag, bio);
        rq.internalTag = schedTagged ? tag : -1;
        x.allocationTags().assign(tag, rq);
        return rq;
    }

    /** blk_mq_bio_to_request() and G, traced after the allocation; then into the plug. */
    private void traceGetrq(Task task, Bio bio, Request rq, Place from, Runnable done) {
        rq.takeFirstBio(bio);
        m.emit.bio(TransitionKind.GETRQ, "G", "blk_mq_submit_bio", task.cpu, task.actor, bio, rq, rq.hctx, from,
                Place.task(task.cpu));
        addToPlug(task, rq, done);
    }

    /**
     * blk_add_rq_to_plug(): P on an empty plug; a plug already holding 32 requests (64 once it holds
     * several queues' requests), or whose oldest request has grown to 128 KiB, is flushed first (U …)
     * and P follows. A request of another queue than the oldest's sets plug->multiple_queues.
     */
    private void addToPlug(Task task, Request rq, Runnable done) {
        Plug plug = task.plug;
        if (plug.isEmpty()) {
            plugIt(task, rq, "P", done);
        } else if (plug.mqList.size() >= (plug.multipleQueues ? MAX_PLUGGED_MULTIPLE : MAX_PLUGGED)
                || (m.merging && plug.mqList.get(0).sectors * 512L >= PLUG_FLUSH_BYTES)) {
            flush.flush(task, false, () -> plugIt(task, rq, "P", done));
        } else {
            plugIt(task, rq, null, done);
        }
    }

    private void plugIt(Task task, Request rq, String action, Runnable done) {
        m.after(task.cpu, m.costs.insertNs(), () -> {
            Plug plug = task.plug;
            if (!plug.isEmpty() && plug.mqList.get(0).hctx.device != rq.hctx.device) plug.multipleQueues = true;
            if (invariants != null) invariants.plugAdded(task.actor.pid(), plug, plug.multipleQueues, plug.mqList.size() + 1);
            task.plug.mqList.add(rq);
            m.emit.request(TransitionKind.PLUG, action, "blk_add_rq_to_plug", task.cpu, task.actor, rq,
                    Place.task(task.cpu), Place.plug(task.cpu));
            done.run();
        });
    }

    /**
     * blk_mq_get_tag()'s loop: run the hctx inline, look again, join a wait queue (shown with no
     * blktrace letter: 7.0 has no S), look once more, then io_schedule(), which flushes the task's
     * plug with from_schedule set (UT) before the task sleeps.
     */
    private void waitForTag(Task task) {
        Hctx70 x = Hctx70.of(hctxs, ctxs.of(task.cpu, task.pendingBio.polled).hctx);
        dispatch.run(x, false, task.cpu, task.actor, () -> {
            SbitmapTags<Task> tags = x.allocationTags();
            int shallow = shallowDepth(task.pendingBio);
            int tag = x.allocate(task, shallow);
            if (tag >= 0) {
                resume(task, x, tag, Place.task(task.cpu));
                return;
            }
            if (task.pendingBio.polled) {
                // No sleep for a polled bio: reap by polling, then look again (Poll70.pollForTag).
                if (hasPlugged(task)) flushPlug(task, false, () -> poll.pollForTag(task, () -> waitForTag(task)));
                else poll.pollForTag(task, () -> waitForTag(task));
                return;
            }
            tags.prepareToWait(task);
            // On a shared set the wait may be hctx_may_queue()'s, with tags free for the other queues: say its share.
            long heldTo = x.share != null && x.share.overShareWithTagsFree(x) ? x.share.share() : -1;
            m.emit.bio(TransitionKind.SLEEP, null, "blk_mq_get_tag", task.cpu, task.actor, task.pendingBio, null,
                    x.hw, Place.task(task.cpu), Place.tagWait(x.hw.index), heldTo);
            tag = x.allocate(task, shallow);
            if (tag >= 0) {
                tags.finishWait(task);
                resume(task, x, tag, Place.tagWait(x.hw.index));
                return;
            }
            if (hasPlugged(task)) flushPlug(task, true, () -> schedule(task));
            else schedule(task);
        });
    }

    /** The hctx whose tag wait queue the task sleeps on. */
    HardwareQueue waitsOn(Task task) {
        return ctxs.of(task.cpu, task.pendingBio.polled).hctx;
    }

    /** io_schedule(): the switch away; the path ends until a wakeup queues the task again. */
    private void schedule(Task task) {
        m.schedule(task);
    }

    /** Woken by sbitmap_queue_wake_up: the task is back on its CPU and goes round the loop again. */
    void retryAfterWake(Task task) {
        m.switchIn(task, () -> waitForTag(task));
    }

    private void resume(Task task, Hctx70 x, int tag, Place from) {
        Bio bio = task.pendingBio;
        Runnable done = task.pendingDone;
        task.pendingBio = null;
        task.pendingDone = null;
        got(task, bio, x, tag, from, done);
    }

    /** io_uring_enter(IORING_ENTER_GETEVENTS) on an IOPOLL ring: the task polls (Poll70). */
    @Override
    public void reap(Task task, Runnable done) {
        if (poll == null || !task.hipri) done.run();
        else poll.reap(task, done);
    }

    private static boolean hasPlugged(Task task) {
        return task.plug != null && (!task.plug.isEmpty() || !task.plug.cachedRqs.isEmpty());
    }

    /**
     * __blk_flush_plug(): blk_mq_flush_plug_list(), then blk_mq_free_plug_rqs() for what the cache
     * still holds — from schedule() too.
     */
    private void flushPlug(Task task, boolean fromSchedule, Runnable done) {
        flush.flush(task, fromSchedule, () -> {
            // The cached requests are all of one queue (one batch); that queue's cache frees them.
            Request cached = task.plug.cachedRqs.peekFirst();
            (cached == null ? cache : queues[cached.hctx.device].cache).freeAll(task);
            done.run();
        });
    }

    /** blk_finish_plug(): an explicit flush, then current->plug is cleared. */
    @Override
    public void finishPlug(Task task, Runnable done) {
        flushPlug(task, false, () -> {
            task.plug = null;
            done.run();
        });
    }
}
