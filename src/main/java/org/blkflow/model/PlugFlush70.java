package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * blk_mq_flush_plug_list() of 7.0: the plug's FIFO of requests leaves unsorted. With no scheduler
 * and an explicit flush, U and the driver straight away (queue_rqs, or direct issue); otherwise, or
 * for what direct issue left, U (UT from schedule) per (hctx, ctx) group before its I's, then a run
 * of the hctx — inline for an explicit flush, kblockd from schedule. A plug holding several devices'
 * requests is flushed queue by queue, each by its own queue's flush: without a scheduler and from an
 * explicit flush, blk_mq_dispatch_multiple_queue_requests (U with each queue's count, in the order of
 * the queues' first requests); otherwise each (hctx, ctx) group goes to its own queue.
 */
final class PlugFlush70 {

    private final Machine m;
    private final Dispatch70 dispatch;
    private final SchedDispatch70 sched;
    private final NullBlk70 driver;
    /** Every device's flush by number, this one among them. */
    private PlugFlush70[] queues = {this};

    PlugFlush70(Machine m, Dispatch70 dispatch, SchedDispatch70 sched, NullBlk70 driver) {
        this.m = m;
        this.dispatch = dispatch;
        this.sched = sched;
        this.driver = driver;
    }

    void attach(PlugFlush70[] all) {
        this.queues = all;
    }

    /** __blk_flush_plug() → blk_mq_flush_plug_list(); the plug is empty afterwards. */
    void flush(Task task, boolean fromSchedule, Runnable done) {
        boolean multiple = task.plug.multipleQueues;
        List<Request> drained = task.plug.drain();
        if (drained.isEmpty()) {
            done.run();
            return;
        }
        ArrayDeque<Request> list = new ArrayDeque<>(drained);
        if (sched != null || fromSchedule) dispatchLists(task, list, fromSchedule, done);
        else if (multiple) dispatchMultipleQueueRequests(task, list, done);
        else queues[list.peek().hctx.device].dispatchQueueRequests(task, list, done);
    }

    /**
     * blk_mq_dispatch_multiple_queue_requests(): blk_mq_extract_queue_requests() pulls the first
     * request's queue's requests out, in order, and that queue dispatches them; then the next queue.
     */
    private void dispatchMultipleQueueRequests(Task task, ArrayDeque<Request> list, Runnable done) {
        if (list.isEmpty()) {
            done.run();
            return;
        }
        int device = list.peek().hctx.device;
        ArrayDeque<Request> group = new ArrayDeque<>();
        ArrayDeque<Request> rest = new ArrayDeque<>();
        for (Request rq : list) (rq.hctx.device == device ? group : rest).add(rq);
        queues[device].dispatchQueueRequests(task, group, () -> dispatchMultipleQueueRequests(task, rest, done));
    }

    /**
     * blk_mq_dispatch_queue_requests(): U with the whole depth, then null_queue_rqs (a D for each) or,
     * for a driver without queue_rqs, blk_mq_issue_direct, which stops at the first RESOURCE.
     */
    private void dispatchQueueRequests(Task task, ArrayDeque<Request> list, Runnable done) {
        Request first = list.peek();
        m.emit.queue(TransitionKind.UNPLUG, "U", "blk_mq_dispatch_queue_requests", task.cpu, task.actor,
                first.ctx.place, first.hctx, list.size());
        if (driver.hasQueueRqs()) queueRqs(task, list, done);
        else issueDirect(task, list, done);
    }

    /** null_queue_rqs(): null_queue_rq for each request in order. */
    private void queueRqs(Task task, ArrayDeque<Request> list, Runnable done) {
        Request rq = list.poll();
        if (rq == null) {
            done.run();
            return;
        }
        Hctx70 x = dispatch.of(rq);
        dispatch.start(rq, Place.plug(task.cpu), task.cpu, task.actor,
                () -> driver.queueRq(x, rq, task.cpu, task.actor, status -> queueRqs(task, list, done)));
    }

    /**
     * blk_mq_issue_direct(): on RESOURCE the request goes to the tail of hctx->dispatch, the hctx is
     * run, and the rest of the plug goes through blk_mq_dispatch_list (a second U).
     */
    private void issueDirect(Task task, ArrayDeque<Request> list, Runnable done) {
        Request rq = list.poll();
        if (rq == null) {
            done.run();
            return;
        }
        dispatch.issueDirectly(rq, Place.plug(task.cpu), task.cpu, task.actor, status -> {
            if (status == NullBlk70.Status.OK) {
                issueDirect(task, list, done);
                return;
            }
            dispatch.bypassInsert(rq, status, Place.plug(task.cpu), task.cpu, task.actor, () -> dispatch.run(dispatch.of(rq), false, task.cpu, task.actor,
                    () -> dispatchLists(task, list, false, done)));
        });
    }

    /** Repeated blk_mq_dispatch_list() until the list is empty. */
    private void dispatchLists(Task task, ArrayDeque<Request> list, boolean fromSchedule, Runnable done) {
        if (list.isEmpty()) {
            done.run();
            return;
        }
        Request first = list.peek();
        List<Request> group = new ArrayList<>();
        ArrayDeque<Request> rest = new ArrayDeque<>();
        for (Request rq : list) (rq.ctx == first.ctx ? group : rest).add(rq);
        Runnable next = () -> dispatchLists(task, rest, fromSchedule, done);
        queues[first.hctx.device].dispatchList(task, group, fromSchedule, next);
    }

    /** blk_mq_dispatch_list() for one group of this queue's: U (UT), then the scheduler's or the ctx's inserts. */
    private void dispatchList(Task task, List<Request> group, boolean fromSchedule, Runnable next) {
        Request first = group.get(0);
        m.emit.queue(TransitionKind.UNPLUG, fromSchedule ? "UT" : "U", "blk_mq_dispatch_list", task.cpu, task.actor,
                first.ctx.place, first.hctx, group.size());
        Hctx70 x = dispatch.of(first);
        if (sched != null) {
            sched.insert(group, Place.plug(task.cpu), task.cpu, task.actor,
                    () -> dispatch.run(x, fromSchedule, task.cpu, task.actor, next));
        } else {
            insertRequests(task, x, new ArrayDeque<>(group), fromSchedule, next);
        }
    }

    /**
     * blk_mq_insert_requests(): unless the hctx is dispatch_busy or this is the schedule() flush,
     * the list is first issued directly (no I) up to a RESOURCE; what is left gets I, joins the tail
     * of the ctx's list, and the hctx is run.
     */
    private void insertRequests(Task task, Hctx70 x, ArrayDeque<Request> list, boolean async, Runnable done) {
        if (x.dispatchBusy == 0 && !async) {
            tryIssueList(task, x, list, () -> insertInCtx(task, x, list, async, done));
            return;
        }
        insertInCtx(task, x, list, async, done);
    }

    /** blk_mq_try_issue_list_directly(): in order, stopping at the first RESOURCE. */
    private void tryIssueList(Task task, Hctx70 x, ArrayDeque<Request> list, Runnable done) {
        Request rq = list.poll();
        if (rq == null) {
            done.run();
            return;
        }
        dispatch.issueDirectly(rq, Place.plug(task.cpu), task.cpu, task.actor, status -> {
            if (status == NullBlk70.Status.OK) {
                tryIssueList(task, x, list, done);
                return;
            }
            dispatch.bypassInsert(rq, status, Place.plug(task.cpu), task.cpu, task.actor, () -> {
                if (list.isEmpty()) dispatch.run(x, false, task.cpu, task.actor, done);
                else done.run();
            });
        });
    }

    /** The I's, then the tail of ctx->rq_lists under ctx->lock, the ctx marked pending, the hctx run. */
    private void insertInCtx(Task task, Hctx70 x, ArrayDeque<Request> list, boolean async, Runnable done) {
        if (list.isEmpty()) {
            dispatch.run(x, async, task.cpu, task.actor, done);
            return;
        }
        SoftwareQueue ctx = list.peek().ctx;
        ctx.lock.lock(m.cpu(task.cpu), "blk_mq_insert_requests", () -> insertEach(task, x, ctx, list, async, done));
    }

    private void insertEach(Task task, Hctx70 x, SoftwareQueue ctx, ArrayDeque<Request> list, boolean async,
                            Runnable done) {
        Request rq = list.poll();
        if (rq == null) {
            ctx.lock.unlock(m.cpu(task.cpu));
            dispatch.run(x, async, task.cpu, task.actor, done);
            return;
        }
        m.after(task.cpu, m.costs.insertNs(), () -> {
            ctx.rqList.add(rq);
            x.hw.markPending(ctx);
            m.emit.request(TransitionKind.INSERT, "I", "blk_mq_insert_requests", task.cpu, task.actor, rq,
                    Place.plug(task.cpu), Place.ctx(ctx.place));
            insertEach(task, x, ctx, list, async, done);
        });
    }
}
