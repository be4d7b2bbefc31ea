package org.blkflow.engine;

/**
 * What the engine tells the run's invariant checker about CPUs and locks: moments that are not
 * request transitions but must still be consistent (one process-context step at a time per CPU,
 * locks granted only when free and in ticket order).
 */
public interface CpuObserver {

    /** A process-context step starts on {@code cpu} at {@code t} and keeps the CPU until {@code until}. */
    void processStep(int cpu, long t, long until);

    /**
     * {@code cpu} asks for {@code lock} at {@code t} from the kernel function {@code site};
     * {@code holder} is the CPU holding it then, or -1 when it is free; {@code irqOff} for
     * spin_lock_irq and spin_lock_irqsave, whose interrupts stay off until the unlock.
     */
    void lockAsked(String lock, int cpu, long t, int holder, String site, boolean irqOff);

    /** {@code lock} becomes {@code cpu}'s at {@code t}, after it asked at {@code askedAt}. */
    void lockGranted(String lock, int cpu, long askedAt, long t);

    /** {@code cpu} lets go of {@code lock} at {@code t}. */
    void lockReleased(String lock, int cpu, long t);

    CpuObserver NONE = new CpuObserver() {
        @Override public void processStep(int cpu, long t, long until) { }
        @Override public void lockAsked(String lock, int cpu, long t, int holder, String site, boolean irqOff) { }
        @Override public void lockGranted(String lock, int cpu, long askedAt, long t) { }
        @Override public void lockReleased(String lock, int cpu, long t) { }
    };
}
