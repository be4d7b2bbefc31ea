package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.Lock;
import org.blkflow.engine.Simulation;
import org.blkflow.scenario.Costs;

/** What every part of the block layer shares: the clock, the CPUs, the queues, the transition log. */
final class Machine {

    final Simulation sim;
    final Emitter emit;
    final Cpu[] cpus;
    final SoftwareQueue[] ctxs;
    final HardwareQueue[] hctxs;
    final boolean merging;
    final Costs costs;
    /** Every lock of the run, in creation order, for lockstat. */
    final List<Lock> locks = new ArrayList<>();

    Machine(Simulation sim, Emitter emit, Cpu[] cpus, SoftwareQueue[] ctxs, HardwareQueue[] hctxs, boolean merging,
            Costs costs) {
        this.sim = sim;
        this.emit = emit;
        this.cpus = cpus;
        this.ctxs = ctxs;
        this.hctxs = hctxs;
        this.merging = merging;
        this.costs = costs;
    }

    Lock newLock(String name) {
        Lock lock = new Lock(name, sim, costs.lockNs(), costs.lockBounceNs());
        locks.add(lock);
        return lock;
    }

    /** Runs work on a CPU after what it is already doing. */
    void on(int cpu, Runnable work) {
        cpus[cpu].execute(work);
    }

    /** Spends CPU time in the work now running (on whichever CPU runs it). */
    void charge(long ns) {
        if (ns > 0) sim.advance(ns);
    }
}
