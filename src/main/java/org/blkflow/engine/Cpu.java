package org.blkflow.engine;

/**
 * A CPU executes one piece of work at a time. Work that costs time pushes back whatever comes after
 * it on the same CPU; that is how queueing for a CPU, and for a lock, emerges by itself.
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

    /**
     * Runs {@code work} on this CPU as soon as it is free. Whatever the work spends with
     * {@link #charge} (or waiting for locks) keeps the CPU busy until it ends.
     */
    public void execute(Runnable work) {
        sim.at(Math.max(sim.now(), busyUntil), new Runnable() {
            @Override
            public void run() {
                if (busyUntil > sim.now()) {
                    // Work queued before earlier work on this CPU turned out to take time: wait.
                    sim.at(busyUntil, this);
                    return;
                }
                long start = sim.now();
                work.run();
                busyUntil = sim.now();
                busyNs += busyUntil - start;
            }
        });
    }

    /** Spends CPU time in the work running on this CPU. */
    public void charge(long ns) {
        sim.advance(ns);
    }

    /** Nanoseconds this CPU has spent on block-layer work so far, spinning included. */
    public long busyNs() {
        return busyNs;
    }
}
