package org.blkflow.model;

import org.blkflow.engine.PcpuObserver;
import org.blkflow.transition.TransitionKind;

/**
 * The host scheduler's reports, as the stream shows them: every placement goes to the run's checker;
 * only a wait for a pCPU and its end are moves (pcpu_wait, pcpu_run), so a host with pCPUs to spare
 * streams exactly what a run with a CPU per vCPU streams.
 */
final class PcpuTransitions implements PcpuObserver {

    private final PcpuInvariants checker;
    private final Emitter emit;

    PcpuTransitions(PcpuInvariants checker, Emitter emit) {
        this.checker = checker;
        this.emit = emit;
    }

    @Override
    public void placed(int vcpu, int pcpu, long t) {
        checker.placed(vcpu, pcpu, t);
    }

    @Override
    public void left(int vcpu, int pcpu, long t) {
        checker.left(vcpu, pcpu, t);
    }

    @Override
    public void waits(int vcpu, long t, boolean preempted) {
        emit.vcpu(TransitionKind.PCPU_WAIT, preempted ? "csched_schedule" : "vcpu_wake", vcpu, -1);
    }

    @Override
    public void runsAfterWaiting(int vcpu, int pcpu, long t) {
        emit.vcpu(TransitionKind.PCPU_RUN, "csched_schedule", vcpu, pcpu);
    }
}
