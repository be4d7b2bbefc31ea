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

    Workload(Machine m, MakeRequest submission, Scenario scenario) {
        this.m = m;
        this.submission = submission;
        this.devices = scenario.device().count();
        int pid = FIRST_PID;
        for (Job job : scenario.jobs()) {
            List<Integer> cpus = job.allCpus() ? allCpus(scenario.cpus()) : job.cpus();
            for (int i = 0; i < cpus.size(); i++) tasks.add(new Task(pid++, cpus.get(i), job, i));
        }
    }

    List<Task> tasks() {
        return tasks;
    }

    /** Every task starts at time zero, in job order. */
    void start() {
        for (Task task : tasks) scheduleBatch(task);
    }

    /** A bio of this task has ended: io_getevents returns, and fio refills the queue. */
    void bioDone(Task task) {
        task.inflight--;
        maybeRefill(task);
    }

    private void maybeRefill(Task task) {
        if (task.inSyscall || task.refillScheduled) return;
        if (task.thinkDue()) {
            think(task);
            return;
        }
        if (task.nextBatch() <= 0) return;
        scheduleBatch(task);
    }

    /**
     * fio's handle_thinktime(): io_u_quiesce() waits for the task's last I/O to complete (bioDone
     * comes back here), then the task sleeps thinktime µs: one event in virtual time.
     */
    private void think(Task task) {
        if (task.inflight > 0) return;
        task.refillScheduled = true;
        m.sim.schedule(task.job.thinktime() * 1000L, () -> {
            task.refillScheduled = false;
            task.sinceThink = 0;
            maybeRefill(task);
        });
    }

    /**
     * The batch's path starts on the task's CPU now (a wakeup from io_getevents: {@link Machine#wake}, which
     * in a PV guest waits for the waker's reschedule IPI), or, under rate_iops, when its first bio is due.
     */
    private void scheduleBatch(Task task) {
        task.refillScheduled = true;
        long due = task.nextIssueNs();
        if (due > m.sim.now()) {
            m.sim.at(due, () -> m.process(task.cpu, () -> beginBatch(task)));
        } else {
            m.wake(task.cpu, () -> beginBatch(task));
        }
    }

    private void beginBatch(Task task) {
        task.refillScheduled = false;
        task.batchLeft = task.dueAt(m.sim.now(), task.nextBatch());
        if (task.batchLeft <= 0) return;
        task.inSyscall = true;
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
        submission.reap(task, () -> {
            task.inSyscall = false;
            maybeRefill(task);
        });
    }

    private static List<Integer> allCpus(int n) {
        List<Integer> cpus = new ArrayList<>(n);
        for (int i = 0; i < n; i++) cpus.add(i);
        return cpus;
    }
}
