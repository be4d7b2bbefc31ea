package org.blkflow.engine;

import java.util.ArrayDeque;

/**
 * A CPU runs kernel code one step at a time, each step at its own virtual time.
 *
 * <p>Two kinds of context run here. A process-context path (a task in a system call, a kblockd
 * work item) is a chain of steps: each step does what the kernel does at that moment and hands
 * the next step to {@link #after} with the CPU time that separates them. Paths queue for the CPU
 * and run one at a time. An interrupt (hard irq, softirq, IPI) arrives at its own time and runs at
 * the next step boundary, ahead of the process path, unless that path holds a lock taken with
 * interrupts disabled ({@code spin_lock_irq}); then it waits for the unlock. A step that asks for a
 * held lock parks its continuation in the lock's queue, and the CPU spins, busy, until the grant.
 *
 * <p>Departure: an interrupt that arrives while a step's CPU time is running waits for the end of
 * that step (steps are a few hundred ns), and a CPU spinning on a lock takes no interrupts.
 *
 * <p>A CPU given a host ({@link CreditScheduler}) is a vCPU: it asks for a pCPU when it gets work,
 * runs steps only while it holds one, may be preempted at a step boundary where it holds no lock,
 * and gives the pCPU back when it has nothing left; its busy time counts only time on a pCPU.
 */
public final class Cpu {

    private enum State { IDLE, KICKED, RUNNING, WAITING, SPINNING }

    private final int id;
    private final Simulation sim;
    private CpuObserver observer = CpuObserver.NONE;
    private final ArrayDeque<Runnable> paths = new ArrayDeque<>();
    private final ArrayDeque<Runnable> interrupts = new ArrayDeque<>();
    private final Runnable boundary = this::runSteps;
    private final Runnable waitOutPathDelay = this::waitOutPathDelay;
    private State state = State.IDLE;
    /** The running process path's next step, while it waits out CPU time or a lock. */
    private Runnable pathNext;
    /** CPU time the path still has to spend before pathNext, when an interrupt went first. */
    private long pathDelay;
    /** The running interrupt handler's next step. */
    private Runnable irqNext;
    /** Whether the step now running (or parked on a lock) belongs to an interrupt handler. */
    private boolean inIrq;
    private int irqsOff;
    private Runnable continuation;
    private long continuationDelay;
    private boolean parked;
    private long busySince;
    private long busyNs;
    /** The host whose pCPUs this vCPU runs on; null: a CPU of its own. */
    private CreditScheduler host;
    /** Spinlocks held: the host does not preempt a vCPU holding one. */
    private int locksHeld;

    public Cpu(int id, Simulation sim) {
        this.id = id;
        this.sim = sim;
    }

    public int id() {
        return id;
    }

    public void observe(CpuObserver observer) {
        this.observer = observer;
    }

    /** Queues a process-context path (its first step); it starts once the CPU has nothing before it. */
    public void process(Runnable firstStep) {
        paths.add(firstStep);
        kick();
    }

    /** Raises an interrupt on this CPU: its handler runs at the next step boundary it is allowed to. */
    public void interrupt(Runnable handler) {
        interrupts.add(handler);
        kick();
    }

    /**
     * Called by the running step: the same context goes on with {@code next} after {@code ns} of CPU
     * time. A step that calls neither this nor parks on a lock ends its path (or handler).
     */
    public void after(long ns, Runnable next) {
        if (state != State.RUNNING) throw new IllegalStateException("cpu " + id + ": no step is running");
        if (continuation != null || parked) throw new IllegalStateException("cpu " + id + ": a step went on twice");
        if (ns < 0) throw new IllegalArgumentException("negative cost " + ns);
        continuation = next;
        continuationDelay = ns;
    }

    /** From now on this CPU is a vCPU that runs its steps only while {@code host} gives it a pCPU. */
    void runOn(CreditScheduler host) {
        this.host = host;
    }

    /** Whether a process-context path is queued behind the running one: the next to run rather than idle. */
    public boolean hasWaitingPaths() {
        return !paths.isEmpty();
    }

    /**
     * Whether this CPU's pCPU still holds what it last ran: always for a CPU of its own (Xen switches to
     * its idle vCPU lazily, leaving the last domain's page tables loaded), and for a hosted vCPU while
     * it holds a pCPU (its pCPU runs another vCPU otherwise).
     */
    public boolean holdsPcpu() {
        return host == null || (state != State.IDLE && state != State.KICKED);
    }

    /** Nanoseconds this CPU has spent on block-layer work so far, spinning included (on a pCPU, if hosted). */
    public long busyNs() {
        return state == State.IDLE || state == State.KICKED ? busyNs : busyNs + sim.now() - busySince;
    }

    // --- used by Lock --------------------------------------------------------------------------

    /** The running step waits for a lock: the CPU spins until {@link #granted} resumes it. */
    void park() {
        if (state != State.RUNNING || continuation != null || parked) {
            throw new IllegalStateException("cpu " + id + ": a lock was asked for outside a step");
        }
        parked = true;
    }

    /** The lock this CPU spun on is its own now: go on with {@code next} after {@code ns}. */
    void granted(long ns, Runnable next) {
        if (state != State.SPINNING) throw new IllegalStateException("cpu " + id + " was not spinning");
        if (inIrq) irqNext = next;
        else pathNext = next;
        state = State.WAITING;
        sim.schedule(ns, boundary);
    }

    void lockHeld(boolean held) {
        locksHeld += held ? 1 : -1;
    }

    /** The host put this waiting vCPU on a pCPU: its steps go on from where they stopped. */
    void dispatched() {
        if (state != State.KICKED) throw new IllegalStateException("cpu " + id + " was not waiting for a pCPU");
        busySince = sim.now();
        sim.schedule(0, boundary);
    }

    void disableInterrupts() {
        irqsOff++;
    }

    void enableInterrupts() {
        if (--irqsOff < 0) throw new IllegalStateException("cpu " + id + ": interrupts enabled twice");
    }

    // --- the step loop ----------------------------------------------------------------------------

    private void kick() {
        if (state != State.IDLE) return;
        state = State.KICKED;
        // A vCPU with no idle pCPU waits, runnable, until the host dispatches it.
        if (host != null && !host.wake(this)) return;
        busySince = sim.now();
        sim.schedule(0, boundary);
    }

    /**
     * Runs steps while they follow each other at this same time; stops when the next one is due
     * later (an event is scheduled for it), when a step spins on a lock, or when nothing is left.
     */
    private void runSteps() {
        if (host != null && locksHeld == 0 && host.mustYield(this)) {
            // Preempted at this step boundary: whatever comes next runs once the host dispatches it again.
            state = State.KICKED;
            busyNs += sim.now() - busySince;
            host.preempt(this);
            return;
        }
        state = State.RUNNING;
        boolean ranStep = false;
        while (true) {
            if (ranStep && startsNewContext()) {
                // A new path or handler starts through the event queue, so whatever else is due at
                // this same nanosecond (another CPU's work, a timer) is not overtaken by it.
                state = State.KICKED;
                sim.schedule(0, boundary);
                return;
            }
            ranStep = true;
            Runnable step = nextStep();
            if (step == null) {
                state = State.IDLE;
                busyNs += sim.now() - busySince;
                if (host != null) host.block(this);
                return;
            }
            continuation = null;
            continuationDelay = 0;
            parked = false;
            step.run();
            boolean irqStep = inIrq;
            Runnable next = continuation;
            long delay = continuationDelay;
            continuation = null;
            if (!irqStep && next != null && delay > 0 && irqsOff == 0 && !interrupts.isEmpty()) {
                // A pending interrupt (say, one that waited for spin_unlock_irq) runs before the
                // path spends its next CPU time.
                pathDelay = delay;
                delay = 0;
            }
            if (!irqStep) observer.processStep(id, sim.now(), sim.now() + delay);
            if (parked) {
                state = State.SPINNING;
                return;
            }
            if (next == null) {
                inIrq = false;
                continue;
            }
            if (irqStep) irqNext = next;
            else pathNext = next;
            if (delay > 0) {
                state = State.WAITING;
                sim.schedule(delay, boundary);
                return;
            }
        }
    }

    private void waitOutPathDelay() {
        Runnable next = pathNext;
        long ns = pathDelay;
        pathNext = null;
        pathDelay = 0;
        after(ns, next);
    }

    /** Whether the next step would begin a new path or interrupt handler rather than go on with one. */
    private boolean startsNewContext() {
        if (irqNext != null) return false;
        if (irqsOff == 0 && !interrupts.isEmpty()) return true;
        return pathNext == null;
    }

    /** Interrupts first (unless disabled), then the running path, then the next queued path. */
    private Runnable nextStep() {
        Runnable step;
        if (irqNext != null) {
            step = irqNext;
            irqNext = null;
            inIrq = true;
        } else if (irqsOff == 0 && !interrupts.isEmpty()) {
            step = interrupts.poll();
            inIrq = true;
        } else if (pathNext != null && pathDelay > 0) {
            // The path's CPU time, postponed by an interrupt, runs now: wait it out first.
            step = waitOutPathDelay;
            inIrq = false;
        } else if (pathNext != null) {
            step = pathNext;
            pathNext = null;
            inIrq = false;
        } else {
            step = paths.poll();
            inIrq = false;
        }
        return step;
    }
}
