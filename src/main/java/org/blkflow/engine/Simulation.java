package org.blkflow.engine;

import java.util.SplittableRandom;

/**
 * The discrete-event core: the only place virtual time advances. Events run in (time, sequence)
 * order, so two events at the same nanosecond always run in the order they were scheduled, and the
 * whole run depends on nothing but the scenario and the seed.
 *
 * <p>An event never moves the clock: it runs at its own time and schedules what follows. CPU time
 * spent by a kernel path is a delay between two of its steps ({@link Cpu#after}), so every step
 * sees the shared state as it is at its own moment.
 */
public final class Simulation {

    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private long now;

    public Simulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Virtual nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** The run's one source of randomness. */
    public SplittableRandom random() {
        return random;
    }

    public void schedule(long delayNs, Runnable action) {
        if (delayNs < 0) throw new IllegalArgumentException("negative delay " + delayNs);
        queue.add(now + delayNs, action);
    }

    public void at(long timeNs, Runnable action) {
        if (timeNs < now) throw new IllegalArgumentException("time " + timeNs + " is before now " + now);
        queue.add(timeNs, action);
    }

    /** Runs the next event; false when nothing is left to run. */
    public boolean step() {
        if (queue.isEmpty()) return false;
        now = queue.peekTime();
        queue.poll().run();
        return true;
    }

    /** Runs every event due at or before {@code timeNs}, then sets the clock there. */
    public void runUntil(long timeNs) {
        while (!queue.isEmpty() && queue.peekTime() <= timeNs) step();
        if (timeNs > now) now = timeNs;
    }

    public boolean idle() {
        return queue.isEmpty();
    }

    public int pending() {
        return queue.size();
    }
}
