package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Scenario;

/**
 * fio's side of the story: each task submits a batch (one bio for sync engines, up to iodepth for
 * libaio, optionally inside a plug), then waits for completions and refills. A batch is one
 * process-context path on the task's CPU: io_submit (or pread) returns when its last bio is in.
 */
final class Workload {

    /** fio's tasks are numbered from here (kworkers and interrupts have lower pids). */
    static final int FIRST_PID = 1000;

    private final Machine m;
    private final MakeRequest submission;
    private final List<Task> tasks = new ArrayList<>();
    /** null_blk's nr_devices: what a job's "all" devices means. */
    private final int devices;
    /**
     * Whether a waiter is woken only once it has its min_nr events: 7.0's aio_complete() wakes an
     * aio_waiter when avail >= its min_nr (fs/aio.c, "obey min_nr when doing wakeups"), and io_uring's
     * io_wake_function() asks io_should_wake(); 3.16's aio_complete() wakes ctx->wait on every event and
     * read_events() goes back to sleep until it has min_nr.
     */
    private final boolean wakesAtMinNr;

    Workload(Machine m, MakeRequest submission, Scenario scenario) {
        this.m = m;
        this.submission = submission;
        this.devices = scenario.device().count();
        this.wakesAtMinNr = scenario.modern();
        int pid = FIRST_PID;
        for (Job job : scenario.jobs()) {
            List<Integer> cpus = job.allCpus() ? allCpus(scenario.cpus()) : job.cpus();
            for (int i = 0; i < cpus.size(); i++) tasks.add(new Task(pid++, cpus.get(i), job, i));
        }
    }

    List<Task> tasks() {
        return tasks;
    }

    /** Every task starts at time zero, in job order: its first batch is its first path (no switch). */
    void start() {
        for (Task task : tasks) m.process(task.cpu, () -> beginBatch(task));
    }

    /**
     * A bio of this task has ended (aio_complete, or the end of a pread's wait). A task blocked in
     * read_events() is woken by it (wake_up(&ctx->wait)); one inside a system call, runnable or asleep on
     * a timer sees it when it next looks.
     */
    void bioDone(Task task) {
        task.inflight--;
        if (!task.waitsForCompletion) return;
        // fio's cleanup_pending_aio() waits for the last events with min_nr = all of them (io_u_queued_complete).
        if (wakesAtMinNr && task.remaining == 0 && task.inflight > 0) return;
        task.waitsForCompletion = false;
        wakeUp(task);
    }

    /**
     * fio's do_io() loop on the task's CPU, between two system calls: think, sleep until the next bio is
     * due, wait for completions, or submit the next batch through {@code submit}.
     */
    private void carryOn(Task task, Runnable submit) {
        if (task.thinkDue()) {
            // handle_thinktime(): io_u_quiesce() reaps every I/O in flight first, then usec_sleep().
            if (task.inflight > 0) waitForCompletion(task);
            else nanosleep(task, m.sim.now() + task.job.thinktime() * 1000L, () -> task.sinceThink = 0);
            return;
        }
        if (task.nextBatch() <= 0) {
            // The queue is full (or the one sync I/O is out): wait for an event. With nothing in flight the job is done.
            if (task.inflight > 0) waitForCompletion(task);
            return;
        }
        // rate_iops: fio's rate_ddir() sleeps until the next bio is due.
        long due = task.nextIssueNs();
        if (due > m.sim.now()) nanosleep(task, due, Machine.END);
        else submit.run();
    }

    /**
     * io_getevents() with no event yet (or a pread's wait for its bio, or io_uring_enter's io_cqring_wait):
     * read_events() → wait_event_interruptible_hrtimeout() → schedule(). A polled task (hipri) spins in
     * io_iopoll_check() instead, on its CPU, and never blocks.
     */
    private void waitForCompletion(Task task) {
        task.waitsForCompletion = true;
        if (!task.hipri) m.schedule(task);
    }

    /** hrtimer_nanosleep(): the timer is armed, the task blocks, and hrtimer_wakeup() wakes it at {@code at}. */
    private void nanosleep(Task task, long at, Runnable onExpiry) {
        m.schedule(task);
        m.sim.at(at, () -> {
            onExpiry.run();
            wakeUp(task);
        });
    }

    /** try_to_wake_up(): the task runs again once switched back in, and carries on from where it blocked. */
    private void wakeUp(Task task) {
        if (!task.asleep) {
            m.wake(task.cpu, () -> carryOn(task, () -> beginBatch(task)));
            return;
        }
        m.wake(task.cpu, () -> m.switchIn(task, () -> carryOn(task, () -> beginBatch(task))));
    }

    /** Back from io_submit with room for more: the next batch is a new path, a runnable task's next turn. */
    private void nextTurn(Task task) {
        carryOn(task, () -> m.process(task.cpu, () -> beginBatch(task)));
    }

    private void beginBatch(Task task) {
        task.batchLeft = task.dueAt(m.sim.now(), task.nextBatch());
        if (task.batchLeft <= 0) return;
        // io_uring's submit plugs with nr_ios = its batch (blk_start_plug_nr_ios), fio's iodepth_batch_submit.
        if (task.job.iodepthBatch() > 0) task.plug = new Plug(task.job.iodepthBatch());
        else if (task.job.plug()) task.plug = new Plug();
        submitNext(task);
    }

    /** One bio of the batch; the next one follows when make_request returns to the task. */
    private void submitNext(Task task) {
        if (task.batchLeft == 0) {
            if (task.plug == null) {
                endBatch(task);
                return;
            }
            submission.finishPlug(task, () -> endBatch(task));
            return;
        }
        List<Integer> files = task.job.devicesOf(devices);
        Bio bio = task.nextBio(m.newBioId(), m.sim.random(), files.size());
        bio.device = files.size() == 1 ? files.get(0) : files.get(task.lastFile);
        task.batchLeft--;
        task.remaining--;
        task.sinceThink++;
        task.inflight++;
        submission.submit(task, bio, () -> submitNext(task));
    }

    private void endBatch(Task task) {
        submission.reap(task, () -> nextTurn(task));
    }

    private static List<Integer> allCpus(int n) {
        List<Integer> cpus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) cpus.add(i);
        return cpus;
    }
}
