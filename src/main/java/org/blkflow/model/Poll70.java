package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Polled completion in 7.0 (block/blk-mq.c, null_blk's null_poll, io_uring's IOPOLL): a task whose
 * bios carry REQ_POLLED gets no interrupt; at the end of its io_uring_enter it calls bio_poll →
 * blk_mq_poll → null_poll on its poll hctx, spending its own CPU, and completes whatever the poll
 * list holds — anyone's — until one of its own has completed (or, with nothing left to submit, all
 * of them). Requests without a scheduler tag are completed as a batch (blk_mq_end_request_batch: the
 * C's, their tags freed 32 at a time); scheduler-tagged ones one by one.
 *
 * <p>Modelling choice: a poll that finds the list empty gives the CPU up until the driver puts a
 * command on that list (the kernel spins until need_resched or a signal); each null_poll call costs
 * one driver step.
 */
final class Poll70 {

    /** TAG_COMP_BATCH: tags go back in groups of at most this many per hctx. */
    static final int TAG_COMP_BATCH = 32;

    private final Machine m;
    private final Hctx70[] hctxs;
    private final CtxMap70 ctxs;
    private final Completion70 completion;

    Poll70(Machine m, Hctx70[] hctxs, CtxMap70 ctxs, Completion70 completion) {
        this.m = m;
        this.hctxs = hctxs;
        this.ctxs = ctxs;
        this.completion = completion;
    }

    /** io_iopoll_check(): poll until this batch's wait is over. */
    void reap(Task task, Runnable done) {
        poll(task, task.inflight, done);
    }

    /** fio's io_uring waits for one completion, or for the last ones once nothing is left to submit. */
    private static boolean waited(Task task, int inflightAtStart) {
        return task.inflight == 0 || (task.remaining > 0 && task.inflight < inflightAtStart);
    }

    /** bio_poll() → blk_mq_poll() → blk_hctx_poll() → null_poll(), on the task's CPU. */
    private void poll(Task task, int inflightAtStart, Runnable done) {
        if (waited(task, inflightAtStart)) {
            done.run();
            return;
        }
        Hctx70 x = Hctx70.of(hctxs, ctxs.of(task.cpu, true).hctx);
        if (x.pollList.isEmpty()) {
            x.pollers.add(() -> m.process(task.cpu, () -> poll(task, inflightAtStart, done)));
            return;
        }
        m.after(task.cpu, m.costs.driverNs(), () -> {
            int found = endPollList(x, task);
            m.after(task.cpu, found * m.costs.completeNs(), () -> poll(task, inflightAtStart, done));
        });
    }

    /** null_poll(): everything on the poll list ends, in list order; returns how many. */
    private int endPollList(Hctx70 x, Task task) {
        List<Request> found = new ArrayList<>(x.pollList);
        x.pollList.clear();
        List<Request> batch = new ArrayList<>();
        for (Request rq : found) {
            // blk_mq_add_to_batch() refuses scheduler-tagged requests: they end one by one now.
            if (rq.internalTag >= 0) {
                completion.complete(rq, "blk_update_request", task.cpu, task.actor);
                completion.free(rq, "__blk_mq_free_request", true, task.cpu, task.actor);
            } else {
                batch.add(rq);
            }
        }
        endBatch(batch, task.cpu, task.actor);
        wakePollers(x);
        return found.size();
    }

    /**
     * blk_mq_end_request_batch(): C for each in order; a group of 32 tags, or the tags of one hctx
     * before the next hctx's, goes back through blk_mq_flush_tag_batch (no restart).
     */
    private void endBatch(List<Request> batch, int cpu, Actor actor) {
        List<Request> tags = new ArrayList<>();
        for (Request rq : batch) {
            completion.complete(rq, "blk_complete_request", cpu, actor);
            if (tags.size() == TAG_COMP_BATCH || (!tags.isEmpty() && tags.get(0).hctx != rq.hctx)) flush(tags, cpu, actor);
            tags.add(rq);
        }
        flush(tags, cpu, actor);
    }

    private void flush(List<Request> tags, int cpu, Actor actor) {
        for (Request rq : tags) completion.free(rq, "blk_mq_flush_tag_batch", false, cpu, actor);
        tags.clear();
    }

    /**
     * A polled submitter that finds no free tag does not sleep (io_uring issues IOPOLL requests with
     * REQ_NOWAIT and reaps completions on -EAGAIN): it polls its poll queue once, waiting for the
     * poll list if it is empty, then {@code then} tries the allocation again.
     */
    void pollForTag(Task task, Runnable then) {
        pollForTag(task, then, false);
    }

    /**
     * @param resumed woken by a command on the poll list: if another poller took it meanwhile, the
     *                allocation is tried again rather than waiting on (its tag may be free by now)
     */
    private void pollForTag(Task task, Runnable then, boolean resumed) {
        Hctx70 x = Hctx70.of(hctxs, ctxs.of(task.cpu, true).hctx);
        if (x.pollList.isEmpty()) {
            if (resumed) {
                then.run();
                return;
            }
            // Whichever comes first: a command to poll, or another task's poll freeing a tag of this hctx
            // (two polled tasks sharing a poll queue), after which the allocation is tried again.
            boolean[] woken = {false};
            x.pollers.add(() -> {
                if (woken[0]) return;
                woken[0] = true;
                m.process(task.cpu, () -> pollForTag(task, then, true));
            });
            x.tagPollers.add(() -> {
                if (woken[0]) return;
                woken[0] = true;
                m.process(task.cpu, then);
            });
            return;
        }
        m.after(task.cpu, m.costs.driverNs(), () -> {
            int found = endPollList(x, task);
            m.after(task.cpu, found * m.costs.completeNs(), then);
        });
    }

    /** null_queue_rq() put a polled command on {@code x}'s poll list: tasks polling it look again. */
    void queued(Hctx70 x, Request rq) {
        x.pollList.add(rq);
        wakePollers(x);
    }

    /** Pollers of {@code x} look again: at the list, or at their own completions a poll just made. */
    private void wakePollers(Hctx70 x) {
        if (x.pollers.isEmpty()) return;
        List<Runnable> parked = new ArrayList<>(x.pollers);
        x.pollers.clear();
        parked.forEach(Runnable::run);
    }
}
