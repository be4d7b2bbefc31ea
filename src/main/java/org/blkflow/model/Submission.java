package org.blkflow.model;

import java.util.Comparator;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The submission side of 3.16 blk-mq: generic_make_request → blk_sq_make_request (one hardware
 * queue) or blk_mq_make_request (several), blk_mq_map_request, the plug and blk_finish_plug.
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
    private Workload workload;
    private long nextRequestId;

    Submission(Machine m, Merging merging, QueueRunner runner, MqDriver driver, Completion completion) {
        this.m = m;
        this.merging = merging;
        this.runner = runner;
        this.driver = driver;
        this.completion = completion;
    }

    void attach(Workload workload) {
        this.workload = workload;
    }

    /** generic_make_request(): Q, then the queue's make_request_fn. False when the task fell asleep. */
    @Override
    public boolean submit(Task task, Bio bio) {
        MakeRequest.queue(m, task, bio, null);
        return m.hctxs.length == 1 ? sqMakeRequest(task, bio) : mqMakeRequest(task, bio);
    }

    /** blk_sq_make_request(): only async I/O plugs; plug merge first. */
    private boolean sqMakeRequest(Task task, Bio bio) {
        boolean usePlug = !bio.sync;
        int requestCount = 0;
        if (usePlug && m.merging && task.plug != null) {
            requestCount = merging.attemptPlugMerge(task, bio);
            if (requestCount < 0) return true;
        }
        Request rq = mapRequest(task, bio);
        if (rq == null) return noTag(task, bio, requestCount);
        sqAfterMap(task, bio, rq, requestCount);
        return true;
    }

    private void sqAfterMap(Task task, Bio bio, Request rq, int requestCount) {
        if (!bio.sync && task.plug != null) {
            rq.takeFirstBio(bio);
            String action = null;
            if (task.plug.isEmpty()) {
                action = "P";
            } else if (requestCount >= MAX_PLUGGED) {
                flushPlug(task, false);
                action = "P";
            }
            task.plug.mqList.add(rq);
            m.charge(m.costs.insertNs());
            m.emit.request(TransitionKind.PLUG, action, "blk_sq_make_request", task.cpu, task.actor, rq,
                    Place.task(task.cpu), Place.plug(task.cpu));
            return;
        }
        if (!mergeQueueIo(task, rq, bio)) runner.run(rq.hctx, !bio.sync, task.cpu, task.actor);
    }

    /** blk_mq_make_request(): no plugging; sync I/O is issued to the driver at once. */
    private boolean mqMakeRequest(Task task, Bio bio) {
        Request rq = mapRequest(task, bio);
        if (rq == null) return noTag(task, bio, 0);
        mqAfterMap(task, bio, rq);
        return true;
    }

    private void mqAfterMap(Task task, Bio bio, Request rq) {
        if (bio.sync) {
            rq.takeFirstBio(bio);
            runner.start(rq, Place.task(task.cpu), task.cpu, task.actor);
            if (driver.queueRq(rq.hctx, rq, task.cpu, task.actor) == MqDriver.Status.OK) return;
            runner.requeue(rq, Place.task(task.cpu), task.cpu, task.actor);
        }
        if (!mergeQueueIo(task, rq, bio)) runner.run(rq.hctx, !bio.sync, task.cpu, task.actor);
    }

    /**
     * blk_mq_merge_queue_io(): try the ctx's tail; on success the new request is freed and the queue
     * is not run. Departure: a request that already carries its bio (after a BUSY on the direct
     * issue path) is inserted without a merge attempt, so a bio never sits in two requests.
     */
    private boolean mergeQueueIo(Task task, Request rq, Bio bio) {
        SoftwareQueue ctx = rq.ctx;
        ctx.lock.lock(task.cpu, "blk_mq_merge_queue_io");
        boolean merged = m.merging && rq.bios.isEmpty() && merging.attemptCtxMerge(ctx, bio, task);
        if (!merged) {
            if (rq.bios.isEmpty()) rq.takeFirstBio(bio);
            insert(rq, Place.task(task.cpu), task.cpu, task.actor);
        }
        ctx.lock.unlock();
        if (merged) completion.free(rq, Place.task(task.cpu), task.cpu, task.actor);
        return merged;
    }

    /** __blk_mq_insert_request() with ctx->lock held: I, tail of ctx->rq_list, the ctx marked pending. */
    private void insert(Request rq, Place from, int cpu, Actor actor) {
        m.charge(m.costs.insertNs());
        rq.ctx.rqList.add(rq);
        rq.hctx.markPending(rq.ctx);
        m.emit.request(TransitionKind.INSERT, "I", "__blk_mq_insert_request", cpu, actor, rq, from,
                Place.ctx(rq.ctx.cpu));
    }

    /** blk_mq_map_request(): G is traced before the no-wait tag allocation is tried. */
    private Request mapRequest(Task task, Bio bio) {
        SoftwareQueue ctx = m.ctxs[task.cpu];
        m.emit.bio(TransitionKind.GETRQ, "G", "blk_mq_map_request", task.cpu, task.actor, bio, null, ctx.hctx,
                Place.task(task.cpu), Place.task(task.cpu));
        return allocRequest(task, bio, Place.task(task.cpu));
    }

    /** __blk_mq_alloc_request() → blk_mq_get_tag(): a normal tag from the ctx's hint on, or null. */
    private Request allocRequest(Task task, Bio bio, Place from) {
        SoftwareQueue ctx = m.ctxs[task.cpu];
        HardwareQueue hctx = ctx.hctx;
        m.charge(m.costs.allocRequestNs());
        int tag = hctx.tags.find(ctx.lastTag, m.sim.now());
        if (tag < 0) return null;
        Request rq = new Request(nextRequestId++, ctx, hctx, tag, bio);
        hctx.tags.assign(tag, rq);
        rq.place = Place.task(task.cpu);
        m.emit.bio(TransitionKind.TAG_GET, null, "blk_mq_get_tag", task.cpu, task.actor, bio, rq, hctx,
                from, Place.task(task.cpu));
        return rq;
    }

    /**
     * No tag free at this path's time. If this path has run ahead of work that other CPUs started
     * earlier (which may free tags before now), it first lets that work happen and looks again at
     * the same time; only a tag shortage that is real at this time leads to S and a sleep.
     * True when the bio got its request and went on, false when the task waits.
     */
    private boolean noTag(Task task, Bio bio, int requestCount) {
        task.pendingBio = bio;
        task.pendingRequestCount = requestCount;
        if (m.sim.nextEventTime() < m.sim.now()) {
            m.on(task.cpu, () -> retryAfterEarlierWork(task));
            return false;
        }
        return sleepUntilTag(task, bio, requestCount);
    }

    /** Everything that started before this time has run now: a shortage found now is real. */
    private void retryAfterEarlierWork(Task task) {
        Bio bio = task.pendingBio;
        Request rq = allocRequest(task, bio, Place.task(task.cpu));
        boolean going = rq != null;
        if (going) continueAfterMap(task, bio, rq);
        else going = sleepUntilTag(task, bio, task.pendingRequestCount);
        if (going) workload.resume(task);
    }

    /**
     * No tag: run the hctx inline, trace S, try once more, and otherwise sleep in bt_get. Going to
     * sleep flushes the task's plug from schedule() (UT), so plugged requests are not stranded.
     */
    private boolean sleepUntilTag(Task task, Bio bio, int requestCount) {
        HardwareQueue hctx = m.ctxs[task.cpu].hctx;
        runner.runNow(hctx, task.cpu, task.actor);
        m.emit.bio(TransitionKind.SLEEP, "S", "blk_mq_map_request", task.cpu, task.actor, bio, null, hctx,
                Place.task(task.cpu), Place.tagWait(hctx.index));
        task.pendingBio = bio;
        task.pendingRequestCount = requestCount;
        Request rq = allocRequest(task, bio, Place.tagWait(hctx.index));
        if (rq != null) {
            continueAfterMap(task, bio, rq);
            return true;
        }
        if (task.plug != null && !task.plug.isEmpty()) flushPlug(task, true);
        m.charge(m.costs.switchNs());
        sleep(task, hctx);
        return false;
    }

    /** The woken task looks for a tag again; on failure it goes back to sleep without a new S. */
    void retryAfterWake(Task task) {
        m.charge(m.costs.switchNs());
        Bio bio = task.pendingBio;
        HardwareQueue hctx = m.ctxs[task.cpu].hctx;
        Request rq = allocRequest(task, bio, Place.task(task.cpu));
        if (rq == null) {
            m.emit.bio(TransitionKind.SLEEP, null, "bt_get", task.cpu, task.actor, bio, null, hctx,
                    Place.task(task.cpu), Place.tagWait(hctx.index));
            sleep(task, hctx);
            return;
        }
        continueAfterMap(task, bio, rq);
        workload.resume(task);
    }

    /**
     * Sleeps on a tag wait queue. A tag that work on another CPU frees at a later time than this
     * path runs is still busy now, but its free would find this sleeper: that wakeup is arranged here.
     */
    private void sleep(Task task, HardwareQueue hctx) {
        hctx.tags.sleep(task);
        long sleep = ++task.sleeps;
        long freeAt = hctx.tags.earliestRelease();
        if (freeAt == Long.MAX_VALUE) return;
        m.sim.at(Math.max(freeAt, m.sim.now()), () -> {
            if (task.sleeps != sleep || !hctx.tags.cancel(task)) return;
            m.emit.bio(TransitionKind.WAKE, null, "bt_clear_tag", task.cpu, Actor.interrupt(task.cpu),
                    task.pendingBio, null, hctx, Place.tagWait(hctx.index), Place.task(task.cpu));
            m.on(task.cpu, () -> retryAfterWake(task));
        });
    }

    private void continueAfterMap(Task task, Bio bio, Request rq) {
        task.pendingBio = null;
        if (m.hctxs.length == 1) sqAfterMap(task, bio, rq, task.pendingRequestCount);
        else mqAfterMap(task, bio, rq);
    }

    /** blk_finish_plug(). */
    @Override
    public void finishPlug(Task task) {
        if (!task.plug.isEmpty()) flushPlug(task, false);
        task.plug = null;
    }

    /**
     * blk_mq_flush_plug_list(): sorted by (ctx, sector), one batch per ctx, each traced U (UT from
     * schedule) before its I's, then the hctx run — inline for an explicit unplug, kblockd from schedule.
     */
    private void flushPlug(Task task, boolean fromSchedule) {
        List<Request> list = task.plug.drain();
        list.sort(PLUG_ORDER);
        int i = 0;
        while (i < list.size()) {
            SoftwareQueue ctx = list.get(i).ctx;
            int j = i;
            while (j < list.size() && list.get(j).ctx == ctx) j++;
            m.emit.queue(TransitionKind.UNPLUG, fromSchedule ? "UT" : "U", "blk_mq_insert_requests", task.cpu,
                    task.actor, ctx.cpu, ctx.hctx, j - i);
            ctx.lock.lock(task.cpu, "blk_mq_insert_requests");
            for (int k = i; k < j; k++) insert(list.get(k), Place.plug(task.cpu), task.cpu, task.actor);
            ctx.lock.unlock();
            runner.run(ctx.hctx, fromSchedule, task.cpu, task.actor);
            i = j;
        }
    }
}
