package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Transition;

/**
 * Virtual time as the stream and the CPUs spend it: transitions numbered without gaps and never going
 * back in time, and (5) one process-context step at a time on each CPU.
 */
final class TimeInvariants {

    private long expectedSeq;
    private long lastTime;
    private long[] cpuBusyUntil = new long[0];

    void cpus(int cpus) {
        this.cpuBusyUntil = new long[cpus];
    }

    void delivered(Transition t) {
        if (!(t.seq() == expectedSeq++)) fail("seq-order", "expected seq " + (expectedSeq - 1), t, null, null);
        if (!(t.t() >= lastTime)) fail("time-monotonic", "time went back from " + lastTime, t, null, null);
        lastTime = t.t();
    }

    void processStep(int cpu, long t, long until) {
        if (cpu >= cpuBusyUntil.length) return;
        if (t < cpuBusyUntil[cpu]) {
            throw new InvariantViolation("one-step-per-cpu", "cpu " + cpu + " starts a process-context step at "
                    + t + " ns while its previous one runs until " + cpuBusyUntil[cpu] + " ns", null, "");
        }
        cpuBusyUntil[cpu] = until;
    }
}
