package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.junit.jupiter.api.Test;

/** 8, a host of two pCPUs under four vCPUs: each placement checked, and each step against its vCPU's pCPU. */
class PcpuInvariantsTest {

    private final PcpuInvariants pcpus = new PcpuInvariants();

    PcpuInvariantsTest() {
        pcpus.hosted(2, 4);
    }

    @Test
    void aPcpuThatRunsAVcpuTakesNoOtherUntilItLeaves() {
        pcpus.placed(0, 0, 0);
        pcpus.placed(1, 1, 0);
        assertEquals("pcpu-one-vcpu", assertThrows(InvariantViolation.class, () -> pcpus.placed(2, 0, 10)).invariant());
        pcpus.left(0, 0, 20);
        pcpus.placed(2, 0, 20);
    }

    @Test
    void aVcpuRunsOnOnePcpuAtATime() {
        pcpus.placed(3, 0, 0);
        assertEquals("vcpu-one-pcpu", assertThrows(InvariantViolation.class, () -> pcpus.placed(3, 1, 5)).invariant());
    }

    @Test
    void aStepOnAVcpuWithoutAPcpuIsReported() {
        pcpus.placed(1, 1, 0);
        pcpus.step(1, 0);
        pcpus.left(1, 1, 100);
        assertEquals("vcpu-without-pcpu", assertThrows(InvariantViolation.class, () -> pcpus.step(1, 150)).invariant());
    }

    @Test
    void withoutAHostEveryCpuIsItsOwn() {
        PcpuInvariants none = new PcpuInvariants();
        none.step(5, 0);
    }
}
