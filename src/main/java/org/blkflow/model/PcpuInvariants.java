package org.blkflow.model;

import org.blkflow.transition.InvariantViolation;

/**
 * 8, the host's pCPUs when guest and dom0 share them: a pCPU runs at most one vCPU at a time, and no
 * vCPU runs a step without a pCPU. Read from the scheduler's every placement, not from the stream,
 * which shows only the waits.
 */
final class PcpuInvariants {

    /** The vCPU on each pCPU, -1 when idle; empty when every vCPU has a CPU of its own. */
    private int[] onPcpu = new int[0];
    /** The pCPU each vCPU holds, -1 when none. */
    private int[] pcpuOf = new int[0];

    void hosted(int pcpus, int vcpus) {
        onPcpu = new int[pcpus];
        pcpuOf = new int[vcpus];
        java.util.Arrays.fill(onPcpu, -1);
        java.util.Arrays.fill(pcpuOf, -1);
    }

    void placed(int vcpu, int pcpu, long t) {
        if (onPcpu[pcpu] >= 0) fail("pcpu-one-vcpu", "vcpu " + vcpu + " put on pcpu " + pcpu + " at " + t
                + " ns while vcpu " + onPcpu[pcpu] + " runs there");
        if (pcpuOf[vcpu] >= 0) fail("vcpu-one-pcpu", "vcpu " + vcpu + " put on pcpu " + pcpu + " at " + t
                + " ns while it runs on pcpu " + pcpuOf[vcpu]);
        onPcpu[pcpu] = vcpu;
        pcpuOf[vcpu] = pcpu;
    }

    void left(int vcpu, int pcpu, long t) {
        if (onPcpu[pcpu] != vcpu) fail("pcpu-one-vcpu", "vcpu " + vcpu + " leaves pcpu " + pcpu + " at " + t
                + " ns, which runs vcpu " + onPcpu[pcpu]);
        onPcpu[pcpu] = -1;
        pcpuOf[vcpu] = -1;
    }

    /** A process-context step of {@code cpu} starts at {@code t}: only on a pCPU. */
    void step(int cpu, long t) {
        if (cpu < pcpuOf.length && pcpuOf[cpu] < 0) fail("vcpu-without-pcpu",
                "vcpu " + cpu + " runs a step at " + t + " ns without a pCPU");
    }

    private static void fail(String invariant, String detail) {
        throw new InvariantViolation(invariant, detail, null, "");
    }
}
