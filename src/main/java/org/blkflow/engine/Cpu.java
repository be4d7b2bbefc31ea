package org.blkflow.engine;

/**
 * A CPU executes one piece of work at a time. Work that costs time pushes back whatever comes after
 * it on the same CPU; that is how queueing for a CPU, and later for a lock, emerges by itself.
 */
public final class Cpu {

    private final int id;
    private final Simulation sim;
    private long busyUntil;
    private long busyNs;

    public Cpu(int id, Simulation sim) {
        this.id = id;
        this.sim = sim;
    }

    public int id() {
        return id;
    }

    /** Runs {@code work} on this CPU once it is free and {@code costNs} of its time have passed. */
    public void execute(long costNs, Runnable work) {
        long start = Math.max(sim.now(), busyUntil);
        busyUntil = start + costNs;
        busyNs += costNs;
        sim.at(busyUntil, work);
    }

    /** Nanoseconds this CPU has spent on block-layer work so far. */
    public long busyNs() {
        return busyNs;
    }
}
