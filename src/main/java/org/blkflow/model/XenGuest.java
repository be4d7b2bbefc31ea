package org.blkflow.model;

import org.blkflow.scenario.IoEngine;

/**
 * fio's side of an I/O in a 64-bit PV guest, around the guest kernel's make_request: what the task's
 * vCPU spends per I/O outside the block layer, which on a PV guest is far more than natively. Per bio:
 * fio's own user-space work ({@code fioIoNs}) and three system calls ({@code pvSyscallNs} each): the
 * io_submit that carries it (fio's iodepth_batch_submit defaults to 1, so one io_submit an I/O) and the
 * two time stamps of its submission latency (start_time, issue_time). Per reap: io_getevents and the
 * completion time stamp. A task that follows another fio task on the same vCPU pays the switch, whose
 * change of address space is a page-table-base hypercall in a PV guest (Barham et al., "Xen and the Art
 * of Virtualization", 2003: 1-4 µs more per lmbench context switch, from exactly that); the switch's
 * native part is charged once, where a task blocks or is woken ({@link Machine#schedule(Task)}), and here
 * only between two tasks that neither blocked nor slept.
 *
 * <p>Only xen-blkfront scenarios go through here, so every other stream is unchanged. No transitions:
 * these are CPU time on the task's vCPU, seen as later Q's and as busier guest vCPUs.
 */
final class XenGuest implements MakeRequest {

    /** io_submit, and the start_time and issue_time stamps. */
    static final int SYSCALLS_PER_BIO = 3;
    /** io_getevents, and the stamp fio takes once for the events it reaped. */
    static final int SYSCALLS_PER_REAP = 2;

    private final Machine m;
    private final MakeRequest kernel;
    /** The fio task that last ran on each vCPU: another one there means a switch of address space. */
    private final Task[] lastTask;

    XenGuest(Machine m, MakeRequest kernel, int guestCpus) {
        this.m = m;
        this.kernel = kernel;
        this.lastTask = new Task[guestCpus];
    }

    /** fio's get_io_u and td_io_queue, then io_submit into the guest kernel. */
    @Override
    public void submit(Task task, Bio bio, Runnable done) {
        long ns = m.costs.fioIoNs() + SYSCALLS_PER_BIO * m.costs.pvSyscallNs();
        Task last = lastTask[task.cpu];
        lastTask[task.cpu] = task;
        boolean woken = task.switchedIn;
        task.switchedIn = false;
        // __schedule → switch_mm → xen_write_cr3: the native switch plus the hypercall that changes the base.
        // The native switch is paid once (Machine.schedule, Machine.switchIn): by the other task's schedule()
        // if it blocked (a tag, io_getevents), or by this task's wakeup if it was asleep; here only when both
        // were runnable and the vCPU simply ran one after the other. The base's hypercall is left either way.
        if (last != null && last != task) ns += (last.asleep || woken ? 0 : m.costs.switchNs()) + m.costs.hypercallNs();
        m.after(task.cpu, ns, () -> kernel.submit(task, bio, () -> backOnCpu(task, done)));
    }

    /**
     * make_request has returned to the task. If it slept there for a tag and another fio task ran
     * meanwhile, its wakeup switched back to it: the wake path charged that switch, the page-table base
     * hypercall is left. No other task can have run otherwise, as the path held the vCPU throughout.
     */
    private void backOnCpu(Task task, Runnable done) {
        Task last = lastTask[task.cpu];
        lastTask[task.cpu] = task;
        task.switchedIn = false;
        if (last == task) {
            done.run();
            return;
        }
        m.after(task.cpu, m.costs.hypercallNs(), done);
    }

    @Override
    public void finishPlug(Task task, Runnable done) {
        kernel.finishPlug(task, done);
    }

    /** The batch's end, then fio's io_u_queued_complete: io_getevents and its time stamp (libaio only). */
    @Override
    public void reap(Task task, Runnable done) {
        if (task.job.ioengine() != IoEngine.LIBAIO) {
            kernel.reap(task, done);
            return;
        }
        kernel.reap(task, () -> m.after(task.cpu, SYSCALLS_PER_REAP * m.costs.pvSyscallNs(), done));
    }
}
