package org.blkflow.engine;

/**
 * What the host's scheduler tells the run about vCPUs and pCPUs: every placement (for the invariant
 * that a pCPU runs one vCPU and a vCPU runs only on a pCPU) and every wait (for the stream, which
 * shows a vCPU only while it waits, as it shows a lock only while CPUs contend).
 */
public interface PcpuObserver {

    /** {@code vcpu} is put on {@code pcpu} at {@code t}. */
    void placed(int vcpu, int pcpu, long t);

    /** {@code vcpu} leaves {@code pcpu} at {@code t} (it blocked or was preempted). */
    void left(int vcpu, int pcpu, long t);

    /** {@code vcpu} is runnable and waits for a pCPU: woken with none idle, or {@code preempted}. */
    void waits(int vcpu, long t, boolean preempted);

    /** {@code vcpu}, which waited, runs on {@code pcpu} from {@code t} (after its {@link #placed}). */
    void runsAfterWaiting(int vcpu, int pcpu, long t);

    PcpuObserver NONE = new PcpuObserver() {
        @Override public void placed(int vcpu, int pcpu, long t) { }
        @Override public void left(int vcpu, int pcpu, long t) { }
        @Override public void waits(int vcpu, long t, boolean preempted) { }
        @Override public void runsAfterWaiting(int vcpu, int pcpu, long t) { }
    };
}
