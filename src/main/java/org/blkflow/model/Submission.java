package org.blkflow.model;

import java.util.Comparator;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The submission side of 3.16 blk-mq: generic_make_request → blk_sq_make_request (one hardware
 * queue) or blk_mq_make_request (several), blk_mq_map_request, the plug and blk_finish_plug.
 * Each method is one step of the path, or starts one; {@code done} is where the path returns to
 * the task.
 */
final class Submission implements MakeRequest {

    /** BLK_MAX_REQUEST_COUNT: a plug holding this many requests for the queue is flushed first. */
    static final int MAX_PLUGGED = 16;

    /** plug_ctx_cmp(): by software queue, then by sector; List.sort is stable like list_sort. */
    private static final Comparator<Request> PLUG_ORDER =
            Comparator.<Request>comparingInt(rq -> rq.ctx.cpu).thenComparingLong(rq -> rq.sector);

    private final Machine m;
    private final Merging merging;
    private final QueueRunner runner;
    private final MqDriver driver;
    private final Completion completion;
    private long nextRequestId;

    Submission(Machine m, Merging merging, QueueRunner runner, MqDriver driver, Completion completion) {
        this.m = m;
        this.merging = merging;
        this.runner = runner;
        this.driver = driver;
        this.completion = completion;
    }

    /** generic_make_request(): Q, then the queue's make_request_fn. */
    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        MakeRequest.queue(m, task, bio, null, () -> {
            if (m.hctxs.length == 1) sqMakeRequest(task, bio, done);
            else mapRequest(task, bio, 0, done);
        });
    }

    /** blk_sq_make_request(): only async I/O plugs; plug merge first. */
    private void sqMakeRequest(Task task, Bio bio, Runnable done) {
        if (bio.sync || !m.merging || task.plug == null) {
            mapRequest(task, bio, 0, done);
            return;
        }
        merging.plugMerge(task, bio, done, requestCount -> mapRequest(task, bio, requestCount, done));
    }

    /** blk_mq_map_request(): G is traced before the no-wait tag allocation is tried (3.16). */
    private void mapRequest(Task task, Bio bio, int requestCount, Runnable done) {
        SoftwareQueue ctx = m.ctxs[task.cpu];
        m.emit.bio(TransitionKind.GETRQ, "G", "blk_mq_map_request", task.cpu, task.actor, bio, null, ctx.hctx,
                Place.task(task.cpu), Place.task(task.cpu));
        m.after(task.cpu, m.costs.allocRequestNs(), () -> {
            Request rq = getTag(task, bio, Place.task(task.cpu));
            if (rq != null) afterMap(task, bio, rq, requestCount, done);
            else noTag(task, bio, requestCount, done);
        });
    }

    /** __blk_mq_alloc_request() → blk_mq_get_tag(): a normal tag from the ctx's hint on, or null. */
    private Request getTag(Task task, Bio bio, Place from) {
        SoftwareQueue ctx = m.ctxs[task.cpu];
        HardwareQueue hctx = ctx.hctx;
        int tag = hctx.tags.find(ctx.lastTag);
        if (tag < 0) return null;
        Request rq = new Request(nextRequestId++, ctx, hctx, tag, bio);
        hctx.tags.assign(tag, rq);
        rq.place = Place.task(task.cpu);
        m.emit.bio(TransitionKind.TAG_GET, null, "blk_mq_get_tag", task.cpu, task.actor, bio, rq, hctx,
                from, Place.task(task.cpu));
        return rq;
    }

    private void afterMap(Task task, Bio bio, Request rq, int requestCount, Runnable done) {
        if (m.hctxs.length == 1) sqAfterMap(task, bio, rq, requestCount, done);
        else mqAfterMap(task, bio, rq, done);
    }

    private void sqAfterMap(Task task, Bio bio, Request rq, int requestCount, Runnable done) {
        if (bio.sync || task.plug == null) {
            mergeQueueIo(task, rq, bio, done);
            return;
        }
        rq.takeFirstBio(bio);
        if (task.plug.isEmpty()) {
            plug(task, rq, "P", done);
        } else if (requestCount >= MAX_PLUGGED) {
            flushPlug(task, false, () -> plug(task, rq, "P", done));
        } else {
            plug(task, rq, null, done);
        }
    }

    /** list_add_tail(&rq->queuelist, &plug->mq_list): P when the plug was empty. */
    private void plug(Task task, Request rq, String action, Runnable done) {
        m.after(task.cpu, m.costs.insertNs(), () -> {
            task.plug.mqList.add(rq);
            m.emit.request(TransitionKind.PLUG, action, "blk_sq_make_request", task.cpu, task.actor, rq,
                    Place.task(task.cpu), Place.plug(task.cpu));
            done.run();
        });
    }

    /** blk_mq_make_request() after the map: sync I/O is issued to the driver at once. */
    private void mqAfterMap(Task task, Bio bio, Request rq, Runnable done) {
        if (!bio.sync) {
            mergeQueueIo(task, rq, bio, done);
            return;
        }
        rq.takeFirstBio(bio);
        runner.start(rq, Place.task(task.cpu), task.cpu, task.actor,
                () -> driver.queueRq(rq.hctx, rq, task.cpu, task.actor, status -> {
                    if (status == MqDriver.Status.OK) {
                        done.run();
                        return;
                    }
                    runner.requeue(rq, Place.task(task.cpu), task.cpu, task.actor);
                    mergeQueueIo(task, rq, bio, done);
                }));
    }

    /**
     * blk_mq_merge_queue_io(): try the ctx's tail under ctx->lock; on success the new request is
     * freed and the queue is not run; else the request is inserted and the queue run. Departure: a
     * request that already carries its bio (after a BUSY on the direct issue path) is inserted
     * without a merge attempt, so a bio never sits in two requests.
     */
    private void mergeQueueIo(Task task, Request rq, Bio bio, Runnable done) {
        SoftwareQueue ctx = rq.ctx;
        ctx.lock.lock(m.cpu(task.cpu), "blk_mq_merge_queue_io", () -> {
            Merging.Plan plan = m.merging && rq.bios.isEmpty() ? merging.planCtxMerge(ctx, bio)
                    : new Merging.Plan(null, false, 0, 0);
            m.after(task.cpu, merging.cost(plan), () -> {
                if (plan.merges()) {
                    merging.apply(plan, bio, task);
                    ctx.lock.unlock(m.cpu(task.cpu));
                    completion.free(rq, Place.task(task.cpu), task.cpu, task.actor);
                    done.run();
                    return;
                }
                if (rq.bios.isEmpty()) rq.takeFirstBio(bio);
                insert(rq, Place.task(task.cpu), task.cpu, task.actor, () -> {
                    ctx.lock.unlock(m.cpu(task.cpu));
                    runner.run(rq.hctx, !bio.sync, task.cpu, task.actor, done);
                });
            });
        });
    }

    /** __blk_mq_insert_request() with ctx->lock held: I, tail of ctx->rq_list, the ctx marked pending. */
    private void insert(Request rq, Place from, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.insertNs(), () -> {
            rq.ctx.rqList.add(rq);
            rq.hctx.markPending(rq.ctx);
            m.emit.request(TransitionKind.INSERT, "I", "__blk_mq_insert_request", cpu, actor, rq, from,
                    Place.ctx(rq.ctx.cpu));
            next.run();
        });
    }

    /**
     * No tag free at this moment: S is traced now, while every tag is held; the task joins a wait
     * queue (prepare_to_wait), runs the hctx inline and looks once more; otherwise it sleeps in
     * bt_get. Going to sleep flushes the task's plug from schedule() (UT), so plugged requests are
     * not stranded. Departure: 3.16 traces S after the inline run, which may have freed tags by then.
     */
    private void noTag(Task task, Bio bio, int requestCount, Runnable done) {
        HardwareQueue hctx = m.ctxs[task.cpu].hctx;
        task.pendingBio = bio;
        task.pendingRequestCount = requestCount;
        task.pendingDone = done;
        m.emit.bio(TransitionKind.SLEEP, "S", "blk_mq_map_request", task.cpu, task.actor, bio, null, hctx,
                Place.task(task.cpu), Place.tagWait(hctx.index));
        hctx.tags.sleep(task);
        runner.runNow(hctx, task.cpu, task.actor, () -> {
            if (hctx.tags.find(m.ctxs[task.cpu].lastTag) >= 0 && hctx.tags.cancel(task)) {
                // The inline run freed a tag and no wakeup has taken this task yet: take it.
                resume(task, getTag(task, bio, Place.tagWait(hctx.index)));
                return;
            }
            if (task.plug != null && !task.plug.isEmpty()) flushPlug(task, true, () -> schedule(task));
            else schedule(task);
        });
    }

    /** io_schedule(): the context switch away; the path ends here until a wakeup queues the task. */
    private void schedule(Task task) {
        m.schedule(task);
    }

    /** The woken task looks for a tag again; on failure it goes back to sleep without a new S. */
    void retryAfterWake(Task task) {
        m.switchIn(task, () -> {
            HardwareQueue hctx = m.ctxs[task.cpu].hctx;
            Request rq = getTag(task, task.pendingBio, Place.task(task.cpu));
            if (rq != null) {
                resume(task, rq);
                return;
            }
            m.emit.bio(TransitionKind.SLEEP, null, "bt_get", task.cpu, task.actor, task.pendingBio, null, hctx,
                    Place.task(task.cpu), Place.tagWait(hctx.index));
            hctx.tags.sleep(task);
            schedule(task);
        });
    }

    private void resume(Task task, Request rq) {
        Bio bio = task.pendingBio;
        Runnable done = task.pendingDone;
        task.pendingBio = null;
        task.pendingDone = null;
        afterMap(task, bio, rq, task.pendingRequestCount, done);
    }

    /** blk_finish_plug(). */
    @Override
    public void finishPlug(Task task, Runnable done) {
        Plug.finish(task, onFlush -> flushPlug(task, false, onFlush), done);
    }

    /**
     * blk_mq_flush_plug_list(): sorted by (ctx, sector), one batch per ctx, each traced U (UT from
     * schedule) before its I's, then the hctx run — inline for an explicit unplug, kblockd from schedule.
     */
    private void flushPlug(Task task, boolean fromSchedule, Runnable done) {
        List<Request> list = task.plug.drain();
        list.sort(PLUG_ORDER);
        flushBatch(task, list, 0, fromSchedule, done);
    }

    private void flushBatch(Task task, List<Request> list, int from, boolean fromSchedule, Runnable done) {
        if (from == list.size()) {
            done.run();
            return;
        }
        SoftwareQueue ctx = list.get(from).ctx;
        int to = from;
        while (to < list.size() && list.get(to).ctx == ctx) to++;
        int end = to;
        m.emit.queue(TransitionKind.UNPLUG, fromSchedule ? "UT" : "U", "blk_mq_insert_requests", task.cpu,
                task.actor, ctx.cpu, ctx.hctx, end - from);
        ctx.lock.lock(m.cpu(task.cpu), "blk_mq_insert_requests", () -> insertAll(task, list, from, end, () -> {
            ctx.lock.unlock(m.cpu(task.cpu));
            runner.run(ctx.hctx, fromSchedule, task.cpu, task.actor,
                    () -> flushBatch(task, list, end, fromSchedule, done));
        }));
    }

    private void insertAll(Task task, List<Request> list, int i, int end, Runnable done) {
        if (i == end) {
            done.run();
            return;
        }
        insert(list.get(i), Place.plug(task.cpu), task.cpu, task.actor,
                () -> insertAll(task, list, i + 1, end, done));
    }
}
