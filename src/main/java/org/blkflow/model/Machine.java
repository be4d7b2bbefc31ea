package org.blkflow.model;

import org.blkflow.engine.Cpu;
import org.blkflow.engine.Simulation;

/** What every part of the block layer shares: the clock, the CPUs, the queues, the transition log. */
final class Machine {

    final Simulation sim;
    final Emitter emit;
    final Cpu[] cpus;
    final SoftwareQueue[] ctxs;
    final HardwareQueue[] hctxs;
    final boolean merging;

    Machine(Simulation sim, Emitter emit, Cpu[] cpus, SoftwareQueue[] ctxs, HardwareQueue[] hctxs, boolean merging) {
        this.sim = sim;
        this.emit = emit;
        this.cpus = cpus;
        this.ctxs = ctxs;
        this.hctxs = hctxs;
        this.merging = merging;
    }

    /** Runs work on a CPU after what it is already doing (CPU-side costs are zero for now). */
    void on(int cpu, Runnable work) {
        cpus[cpu].execute(0, work);
    }
}
