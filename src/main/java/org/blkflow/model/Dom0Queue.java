package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Lock;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.IrqMode;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * dom0's null_blk as a 3.16 blk-mq request_queue (queue_mode=2, as `modprobe null_blk` leaves it), the
 * queue every blkback thread's bio goes through: submit_queues hardware queues over dom0's vCPUs, each
 * with hw_queue_depth tags, a software queue (ctx, with its lock) per vCPU. A smaller model than the
 * guest's path, written for blkback's sync bios (reads; writes are WRITE_ODIRECT): one hardware queue is
 * blk_sq_make_request, whose sync bios are not plugged but inserted into the vCPU's ctx and the queue run
 * inline (flush_busy_ctxs takes every ctx whose bit is set); several are blk_mq_make_request, which issues a
 * sync bio straight to queue_rq. In the kernel a vCPU's run can take a request another vCPU inserted before
 * that one's own run got to it (between blk_mq_merge_queue_io's spin_unlock and blk_mq_run_hw_queue), and
 * SAME_COMP then completes it by IPI; here the run follows the insert in the same step, nothing charged
 * between, so it finds only its own vCPU's bit set and every request completes where it was submitted
 * (XenBlkbackSequenceTest.dom0sRunStartsOnlyWhatItsOwnVcpuInserted). No merging (blkback's bios of
 * different requests are not adjacent), no hctx->dispatch (null_blk's queue_rq never answers BUSY, so 3.16
 * never takes hctx->lock here).
 */
final class Dom0Queue {

    /** A bio of blkback's as dom0's block layer holds it: its ctx's vCPU, hardware queue and tag. */
    private record Command(Dom0.PendingReq p, int ctxCpu, int hctx, int tag) {
    }

    /** struct blk_mq_ctx of one dom0 vCPU: its requests not yet taken by a run, under its lock. */
    private static final class Ctx {
        final Lock lock;
        final ArrayDeque<Command> rqList = new ArrayDeque<>();
        /** Its bit in hctx->ctx_map: set by an insert, cleared by flush_busy_ctxs. */
        boolean pending;

        Ctx(Lock lock) {
            this.lock = lock;
        }
    }

    private final Machine m;
    private final Dom0 dom0;
    private final IrqMode irqMode;
    private final boolean single;
    /** Hardware queue of each dom0 vCPU (3.16's map over dom0's own CPU numbers). */
    private final int[] hctxOf;
    private final List<TagSet<Runnable>> tags = new ArrayList<>();
    private final Ctx[] ctxs;
    private final CompletionTimer<Command> timer;

    Dom0Queue(Machine m, Dom0 dom0, Backend config, long completionNs) {
        this.m = m;
        this.dom0 = dom0;
        this.irqMode = config.irqMode();
        // null_blk: submit_queues above nr_cpu_ids is cut to it.
        int queues = Math.min(config.submitQueues(), config.cpus());
        this.single = queues == 1;
        this.hctxOf = mapQueues(queues, config.cpus());
        // The guest's tags and their batched wake-ups; a sleeper is a blkback thread's retry.
        for (int h = 0; h < queues; h++) tags.add(new TagSet<>(config.hwQueueDepth(), 0));
        this.ctxs = new Ctx[config.cpus()];
        for (int v = 0; v < ctxs.length; v++) ctxs[v] = new Ctx(m.newLock(lockName(v)));
        this.timer = new CompletionTimer<>(m, completionNs, (c, cpu, next) -> end(c, cpu, dom0.irqActor(cpu), next));
    }

    /** dom0's ctx locks are named for dom0's own vCPU numbers, apart from the guest's ctx[N]->lock. */
    static String lockName(int vcpu) {
        return "dom0 nullb0 ctx[" + vcpu + "]->lock";
    }

    /** 3.16's blk_mq_update_queue_map over dom0's vCPUs (all online, no SMT). */
    static int[] mapQueues(int queues, int vcpus) {
        return CpuMap.kernel316(queues, vcpus);
    }

    int[] hctxOfVcpu() {
        return hctxOf.clone();
    }

    /**
     * The CPU time of dom0's block layer that blkbackNs included before this queue was modelled, now spent
     * in this path's own steps: blkback is charged the rest, so an uncontended request costs dom0 the same
     * with and without the queue, and what differs is what the steps share.
     */
    long blockLayerNs() {
        return m.costs.makeRequestNs() + m.costs.allocRequestNs() + (single ? m.costs.insertNs() : 0)
                + m.costs.dispatchNs() + m.costs.driverNs();
    }

    /** submit_bio() → generic_make_request(): blk_sq_make_request or blk_mq_make_request; then {@code next}. */
    void submitBio(Dom0.PendingReq p, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.makeRequestNs(), () -> {
            emit(single ? "blk_sq_make_request" : "blk_mq_make_request", cpu, actor, p);
            m.after(cpu, m.costs.allocRequestNs(), () -> getTag(p, cpu, actor, next, false));
        });
    }

    /**
     * blk_mq_map_request(): a tag of the vCPU's hardware queue; none free runs the queue once, then bt_get()
     * sleeps until a batch of frees wakes it, and tries again from the start.
     */
    private void getTag(Dom0.PendingReq p, int cpu, Actor actor, Runnable next, boolean ranQueue) {
        int h = hctxOf[cpu - dom0.firstCpu];
        int tag = tags.get(h).find(0);
        if (tag >= 0) {
            tags.get(h).assign(tag, p.rq());
            emit("blk_mq_get_tag", cpu, actor, p);
            Command c = new Command(p, cpu, h, tag);
            if (single) insert(c, actor, next);
            else issue(c, cpu, actor, next);
            return;
        }
        if (!ranQueue) {
            runQueue(h, cpu, actor, () -> getTag(p, cpu, actor, next, true));
            return;
        }
        emit("bt_get", cpu, actor, p);
        // io_schedule(): the thread's path ends here, after the switch away; the wake-up is a new path on its vCPU.
        tags.get(h).sleep(() -> m.wake(cpu, () -> m.switchIn(cpu, () -> getTag(p, cpu, actor, next, false))));
        m.schedule(cpu);
    }

    /** blk_mq_merge_queue_io() → __blk_mq_insert_request() under ctx->lock, then blk_mq_run_hw_queue(sync). */
    private void insert(Command c, Actor actor, Runnable next) {
        int cpu = c.ctxCpu();
        Ctx ctx = ctxs[cpu - dom0.firstCpu];
        ctx.lock.lock(m.cpu(cpu), "__blk_mq_insert_request", () -> m.after(cpu, m.costs.insertNs(), () -> {
            ctx.rqList.add(c);
            ctx.pending = true;
            emit("__blk_mq_insert_request", cpu, actor, c.p());
            ctx.lock.unlock(m.cpu(cpu));
            runQueue(c.hctx(), cpu, actor, next);
        }));
    }

    /** __blk_mq_run_hw_queue(), inline on this vCPU: flush_busy_ctxs, then start and queue each request. */
    private void runQueue(int h, int cpu, Actor actor, Runnable done) {
        List<Command> list = new ArrayList<>();
        flushBusyCtxs(h, 0, list, cpu, () -> dispatch(new ArrayDeque<>(list), cpu, actor, done));
    }

    /** Every ctx of the hardware queue with its bit set gives up its list, under its own lock. */
    private void flushBusyCtxs(int h, int from, List<Command> list, int cpu, Runnable done) {
        int v = from;
        while (v < ctxs.length && !(hctxOf[v] == h && ctxs[v].pending)) v++;
        if (v == ctxs.length) {
            done.run();
            return;
        }
        Ctx ctx = ctxs[v];
        int next = v + 1;
        ctx.pending = false;
        ctx.lock.lock(m.cpu(cpu), "flush_busy_ctxs", () -> {
            list.addAll(ctx.rqList);
            ctx.rqList.clear();
            ctx.lock.unlock(m.cpu(cpu));
            flushBusyCtxs(h, next, list, cpu, done);
        });
    }

    private void dispatch(ArrayDeque<Command> list, int cpu, Actor actor, Runnable done) {
        Command c = list.poll();
        if (c == null) {
            done.run();
            return;
        }
        issue(c, cpu, actor, () -> dispatch(list, cpu, actor, done));
    }

    /** blk_mq_start_request(), then null_queue_rq(), which completes by irqmode. */
    private void issue(Command c, int cpu, Actor actor, Runnable next) {
        m.after(cpu, m.costs.dispatchNs(), () -> {
            emit("blk_mq_start_request", cpu, actor, c.p());
            m.after(cpu, m.costs.driverNs(), () -> {
                emit("null_queue_rq", cpu, actor, c.p());
                complete(c, cpu, actor, next);
            });
        });
    }

    /**
     * null_handle_cmd(): the timer mode joins the vCPU's hrtimer list; none ends the command inline, and so
     * does softirq's blk_mq_complete_request(): this vCPU submitted it (see the class comment), so
     * QUEUE_FLAG_SAME_COMP sends no IPI.
     */
    private void complete(Command c, int cpu, Actor actor, Runnable next) {
        if (irqMode == IrqMode.TIMER) {
            timer.add(c, cpu);
            next.run();
        } else {
            end(c, cpu, actor, next);
        }
    }

    /** blk_mq_end_io(): the bio ends (blkback's end_block_io_op), then the request and its tag are freed. */
    private void end(Command c, int cpu, Actor actor, Runnable next) {
        c.p().back().endBlockIoOp(c.p(), cpu, actor, () -> {
            List<Runnable> woken = tags.get(c.hctx()).release(c.tag());
            emit("blk_mq_put_tag", cpu, actor, c.p());
            for (Runnable w : woken) w.run();
            next.run();
        });
    }

    private void emit(String fn, int cpu, Actor actor, Dom0.PendingReq p) {
        Place device = Place.device(p.rq().hctx.index);
        m.emit.request(TransitionKind.BLKBACK, null, fn, cpu, actor, p.rq(), device, device);
    }
}
