package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.CpuObserver;
import org.blkflow.engine.Lock;
import org.blkflow.engine.Simulation;
import org.blkflow.scenario.Costs;

/**
 * What every part of the block layer shares: the clock, the CPUs, the queues, the transition log.
 *
 * <p>Paths are written as chains of steps. A step runs at one virtual time and hands its
 * successor to {@link #after} with the CPU time between them; a step that hands nothing on ends its
 * path. The helpers here are the only way model code spends CPU time or starts work on a CPU.
 */
final class Machine {

    /** The end of a path: nothing more to run in this context. */
    static final Runnable END = () -> { };

    final Simulation sim;
    final Emitter emit;
    final Cpu[] cpus;
    final SoftwareQueue[] ctxs;
    final HardwareQueue[] hctxs;
    final boolean merging;
    final Costs costs;
    final CpuObserver observer;
    /** Every lock of the run, in creation order, for lockstat. */
    final List<Lock> locks = new ArrayList<>();
    /** Bio and request ids, shared by every request_queue's view of the machine. */
    private final long[] nextIds;
    /** The kernel's spinlocks are x86 ticket locks (3.16), not qspinlocks (7.0): see {@link Lock}. */
    private final boolean ticketSpinlocks;
    /** Wakeups a PV vCPU sends as reschedule IPIs, while Xen's code collects them. */
    final PvWakeups pvWakeups;
    /** Per CPU: the last context to block there switched straight to the path queued next (see {@link #schedule(int)}). */
    private final boolean[] handedOff;
    /** Per CPU: the running path came in on such a switch, already paid by the context that blocked. */
    private final boolean[] cameInOnHandoff;

    Machine(Simulation sim, Emitter emit, Cpu[] cpus, SoftwareQueue[] ctxs, HardwareQueue[] hctxs, boolean merging,
            Costs costs, CpuObserver observer, boolean ticketSpinlocks) {
        this.sim = sim;
        this.emit = emit;
        this.cpus = cpus;
        this.ctxs = ctxs;
        this.hctxs = hctxs;
        this.merging = merging;
        this.costs = costs;
        this.observer = observer;
        this.nextIds = new long[2];
        this.ticketSpinlocks = ticketSpinlocks;
        this.pvWakeups = new PvWakeups(this);
        this.handedOff = new boolean[cpus.length];
        this.cameInOnHandoff = new boolean[cpus.length];
        for (Cpu cpu : cpus) cpu.observe(observer);
    }

    private Machine(Machine whole, SoftwareQueue[] ctxs, HardwareQueue[] hctxs, String lockPrefix) {
        this.sim = whole.sim;
        this.emit = whole.emit;
        this.cpus = whole.cpus;
        this.ctxs = ctxs;
        this.hctxs = hctxs;
        this.merging = whole.merging;
        this.costs = whole.costs;
        this.observer = whole.observer;
        this.nextIds = whole.nextIds;
        this.ticketSpinlocks = whole.ticketSpinlocks;
        this.pvWakeups = whole.pvWakeups;
        this.handedOff = whole.handedOff;
        this.cameInOnHandoff = whole.cameInOnHandoff;
        this.whole = whole;
        this.lockPrefix = lockPrefix;
    }

    /** The machine as one request_queue (7.0, several devices) sees it: its own ctxs and hctxs. */
    Machine queue(SoftwareQueue[] queueCtxs, HardwareQueue[] queueHctxs, String lockPrefix) {
        return new Machine(this, queueCtxs, queueHctxs, lockPrefix);
    }

    /** The whole machine a queue's view belongs to; locks are registered there, for lockstat. */
    private Machine whole;
    /** A queue's locks are the kernel's per-queue locks, named for their device ("nullb1 dd->lock"). */
    private String lockPrefix = "";

    /** spin_lock_init(): a ticket lock in 3.16, a qspinlock in 7.0. */
    Lock newLock(String name) {
        if (whole != null) return whole.newLock(lockPrefix + name);
        return ticketSpinlocks ? newTicketLock(name) : register(Lock.queued(name, sim, costs.lockNs(), costs.lockBounceNs()));
    }

    /** A ticket lock whatever the guest's kernel, as Xen's own spinlocks are (4.5). */
    Lock newTicketLock(String name) {
        return register(Lock.ticket(name, sim, costs.lockNs(), costs.lockBounceNs()));
    }

    private Lock register(Lock lock) {
        // Each lock reports to its own LockTransitions, which checks with the run's Invariants, then emits.
        lock.observe(new LockTransitions(observer, emit));
        locks.add(lock);
        return lock;
    }

    /** The next bio id: fio's bios and, in 7.0, split-off pieces share one sequence. */
    long newBioId() {
        return nextIds[0]++;
    }

    /** The next request id: one sequence for every request_queue, so a request is named once in the stream. */
    long newRequestId() {
        return nextIds[1]++;
    }

    Cpu cpu(int cpu) {
        return cpus[cpu];
    }

    /** Queues a process-context path (a task's system call, a kblockd work item) on a CPU. */
    void process(int cpu, Runnable firstStep) {
        cpus[cpu].process(() -> {
            cameInOnHandoff[cpu] = handedOff[cpu];
            handedOff[cpu] = false;
            firstStep.run();
        });
    }

    /**
     * try_to_wake_up(): a sleeping task's (or kworker's) path starts on its CPU; in a PV domain a remote
     * wakeup waits for the waker's reschedule IPI ({@link PvWakeups}).
     */
    void wake(int cpu, Runnable firstStep) {
        if (!pvWakeups.collects(cpu, firstStep)) process(cpu, firstStep);
    }

    /**
     * A context that blocks: __schedule() (kernel/sched/core.c) switches its CPU away from it, and that
     * one context_switch() is the CPU's time; the path ends there until a wakeup queues the context again.
     * The switch goes to the path queued next if there is one, which then comes in on it and pays no switch
     * of its own ({@link #switchIn}), or else to the idle task. io_schedule() for a tag or a request, the
     * schedule() in read_events() (fs/aio.c: io_getevents with fewer than min_nr events), a pread waiting
     * for its bio, hrtimer_nanosleep() for fio's thinktime or rate, worker_thread() with no work left
     * (kernel/workqueue.c), xen_blkif_schedule()'s wait_event_interruptible(). A wait satisfied before it
     * blocks (the events are already there) never comes here and pays nothing.
     */
    void schedule(int cpu) {
        handedOff[cpu] = cpus[cpu].hasWaitingPaths();
        after(cpu, costs.switchNs(), END);
    }

    /** {@link #schedule(int)} for a fio task, which remembers it left its CPU by blocking (XenGuest reads it). */
    void schedule(Task task) {
        task.asleep = true;
        task.switchedIn = false;
        schedule(task.cpu);
    }

    /**
     * The first step of a woken context (a task, a kworker, a blkback thread): try_to_wake_up() made it
     * runnable ({@link #wake}), and the __schedule() that picks it is one switch before {@code next} runs:
     * from the idle task, or from a context that went on running (preempted at its path's end), paid here;
     * from a context that blocked with this one next, paid already by {@link #schedule(int)}.
     */
    void switchIn(int cpu, Runnable next) {
        boolean paid = cameInOnHandoff[cpu];
        cameInOnHandoff[cpu] = false;
        if (paid) next.run();
        else after(cpu, costs.switchNs(), next);
    }

    /** {@link #switchIn(int, Runnable)} for a fio task: it is awake again, and its path began with the switch. */
    void switchIn(Task task, Runnable next) {
        task.asleep = false;
        task.switchedIn = true;
        switchIn(task.cpu, next);
    }

    /** Raises an interrupt (hard irq, softirq, IPI) on a CPU: it runs between the steps of its path. */
    void interrupt(int cpu, Runnable handler) {
        cpus[cpu].interrupt(handler);
    }

    /** The running step on {@code cpu} goes on with {@code next} after {@code ns} of CPU time. */
    void after(int cpu, long ns, Runnable next) {
        cpus[cpu].after(ns, next);
    }
}
