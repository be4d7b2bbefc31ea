package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/** 7, xen: CPUs 0 and 1 are the guest's, 2 and 3 dom0's vCPUs. */
class DomainInvariantsTest {

    private final InvariantsFixture f = new InvariantsFixture(4);

    DomainInvariantsTest() {
        f.invariants.dom0From(2);
    }

    private void evtchn(int from, int to) {
        f.emit.queue(TransitionKind.EVTCHN, null, "notify_remote_via_irq", from, f.actor, -1, f.hctx, to);
    }

    @Test
    void anEventChannelSendWithinOneDomainIsReported() {
        evtchn(0, 3);
        evtchn(2, 1);
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> evtchn(0, 1));
        assertEquals("evtchn-across-domains", v.invariant());
    }

    @Test
    void blkbackOnAGuestCpuIsReported() {
        f.emit.queue(TransitionKind.BLKBACK, null, "xen_blkif_schedule", 3, f.actor, -1, f.hctx, -1);
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> f.emit.queue(TransitionKind.BLKBACK, null, "xen_blkif_schedule", 1, f.actor, -1, f.hctx, -1));
        assertEquals("blkback-in-dom0", v.invariant());
    }
}
