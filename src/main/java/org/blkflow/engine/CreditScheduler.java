package org.blkflow.engine;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The host's physical CPUs, shared by every vCPU of the run (the guest's and dom0's), placed after
 * Xen's credit scheduler (xen/common/sched_credit.c, Xen 4.5/4.6 defaults). A vCPU runs its steps
 * only while it holds a pCPU; the rule, with each constant from that file:
 * <ol>
 * <li>A vCPU that wakes from blocked (its CPU had nothing to do) is BOOST (CSCHED_PRI_TS_BOOST, "time-share
 *     waking up"); it takes the lowest-numbered idle pCPU, else it waits in the run queue behind the
 *     other BOOST waiters and ahead of the UNDER ones.</li>
 * <li>A running vCPU stops being BOOST once an accounting tick passes while it runs (csched_tick every
 *     CSCHED_MSECS_PER_TICK = 10 ms, the same instants on every pCPU here): csched_vcpu_acct demotes it.</li>
 * <li>A running UNDER vCPU is preempted for a BOOST waiter once it has run sched_ratelimit_us (default
 *     1000 µs) on its pCPU; any running vCPU gives way to a waiter after a full timeslice
 *     (CSCHED_DEFAULT_TSLICE_MS = 30 ms). A preempted vCPU waits at the tail as UNDER.</li>
 * <li>A vCPU that blocks gives its pCPU to the head of the run queue.</li>
 * </ol>
 * Departures: the preemption takes effect at the vCPU's next step boundary (steps last ns to µs), and
 * never while the vCPU holds a spinlock (Xen's own locks, such as the grant table's, are taken inside a
 * hypercall, which Xen does not preempt; for the guests' locks it is a simplification: no lock-holder
 * preemption). Credits, weights, caps, OVER and load balancing between per-pCPU queues are not modelled:
 * the run queue is one, shared by all pCPUs.
 */
public final class CreditScheduler {

    /** CSCHED_DEFAULT_TSLICE_MS. */
    public static final long TSLICE_NS = 30_000_000;
    /** XEN_SYSCTL_SCHED_RATELIMIT_DEFAULT: 1000 µs. */
    public static final long RATELIMIT_NS = 1_000_000;
    /** CSCHED_MSECS_PER_TICK. */
    public static final long TICK_NS = 10_000_000;

    private final Simulation sim;
    private final Cpu[] running;
    /** When the vCPU on each pCPU was put there. */
    private final long[] since;
    /** The pCPU each vCPU (by id) holds, -1 when it holds none. */
    private int[] pcpuOf = new int[0];
    private final ArrayDeque<Cpu> boostWaiting = new ArrayDeque<>();
    private final ArrayDeque<Cpu> underWaiting = new ArrayDeque<>();
    private PcpuObserver observer = PcpuObserver.NONE;

    public CreditScheduler(int pcpus, Simulation sim) {
        if (pcpus < 1) throw new IllegalArgumentException("pcpus " + pcpus);
        this.sim = sim;
        this.running = new Cpu[pcpus];
        this.since = new long[pcpus];
    }

    public void observe(PcpuObserver observer) {
        this.observer = observer;
    }

    /** Every vCPU of the run runs only on this host's pCPUs from now on. */
    public void host(Cpu[] vcpus) {
        pcpuOf = new int[vcpus.length];
        Arrays.fill(pcpuOf, -1);
        for (Cpu v : vcpus) v.runOn(this);
    }

    public int pcpus() {
        return running.length;
    }

    // --- used by Cpu --------------------------------------------------------------------------

    /** vcpu_wake(): true when the vCPU got a pCPU at once; otherwise it waits and {@link Cpu#dispatched} follows. */
    boolean wake(Cpu v) {
        int idle = idlePcpu();
        if (idle >= 0) {
            place(v, idle);
            return true;
        }
        boostWaiting.add(v);
        observer.waits(v.id(), sim.now(), false);
        return false;
    }

    /** Whether the running vCPU must give its pCPU up at this step boundary (rule 3). */
    boolean mustYield(Cpu v) {
        int p = pcpuOf[v.id()];
        if (p < 0 || boostWaiting.isEmpty() && underWaiting.isEmpty()) return false;
        long ran = sim.now() - since[p];
        if (ran >= TSLICE_NS) return true;
        boolean under = sim.now() / TICK_NS > since[p] / TICK_NS;
        return under && ran >= RATELIMIT_NS && !boostWaiting.isEmpty();
    }

    /** csched_schedule() on a preemption: the vCPU goes to the tail as UNDER; the queue's head runs. */
    void preempt(Cpu v) {
        int p = release(v);
        underWaiting.add(v);
        observer.waits(v.id(), sim.now(), true);
        dispatchOn(p);
    }

    /** The vCPU blocked (nothing left to run): its pCPU goes to the run queue's head, if any. */
    void block(Cpu v) {
        dispatchOn(release(v));
    }

    // --- the pCPUs ------------------------------------------------------------------------------

    private void dispatchOn(int p) {
        Cpu next = boostWaiting.isEmpty() ? underWaiting.poll() : boostWaiting.poll();
        if (next == null) return;
        place(next, p);
        observer.runsAfterWaiting(next.id(), p, sim.now());
        next.dispatched();
    }

    private void place(Cpu v, int p) {
        observer.placed(v.id(), p, sim.now());
        running[p] = v;
        since[p] = sim.now();
        pcpuOf[v.id()] = p;
    }

    private int release(Cpu v) {
        int p = pcpuOf[v.id()];
        if (p < 0 || running[p] != v) throw new IllegalStateException("vcpu " + v.id() + " holds no pCPU");
        running[p] = null;
        pcpuOf[v.id()] = -1;
        observer.left(v.id(), p, sim.now());
        return p;
    }

    private int idlePcpu() {
        for (int p = 0; p < running.length; p++) {
            if (running[p] == null) return p;
        }
        return -1;
    }
}
