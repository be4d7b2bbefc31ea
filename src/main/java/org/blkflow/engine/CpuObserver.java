package org.blkflow.engine;

/**
 * What the engine tells the run's invariant checker about CPUs and locks: moments that are not
 * request transitions but must still be consistent (one process-context step at a time per CPU,
 * locks granted only when free and in ticket order).
 */
public interface CpuObserver {

    /** A process-context step starts on {@code cpu} at {@code t} and keeps the CPU until {@code until}. */
    void processStep(int cpu, long t, long until);

    /** {@code cpu} asks for {@code lock} at {@code t}; {@code held} when another CPU holds it. */
    void lockAsked(String lock, int cpu, long t, boolean held);

    /** {@code lock} becomes {@code cpu}'s at {@code t}, after it asked at {@code askedAt}. */
    void lockGranted(String lock, int cpu, long askedAt, long t);

    /** {@code cpu} lets go of {@code lock} at {@code t}. */
    void lockReleased(String lock, int cpu, long t);

    CpuObserver NONE = new CpuObserver() {
        @Override public void processStep(int cpu, long t, long until) { }
        @Override public void lockAsked(String lock, int cpu, long t, boolean held) { }
        @Override public void lockGranted(String lock, int cpu, long askedAt, long t) { }
        @Override public void lockReleased(String lock, int cpu, long t) { }
    };
}
