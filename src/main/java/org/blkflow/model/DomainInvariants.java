package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * 7, xen's two domains: an event-channel send crosses from the guest to dom0 or back, and blkback
 * runs on dom0's vCPUs, on requests the stream shows in the device.
 */
final class DomainInvariants {

    /** The first of dom0's vCPUs among the run's CPUs; none without xen. */
    private int dom0From = Integer.MAX_VALUE;

    void dom0From(int firstCpu) {
        this.dom0From = firstCpu;
    }

    void crossesDomains(Transition t) {
        if ((t.cpu() >= dom0From) == (t.count() >= dom0From)) fail("evtchn-across-domains",
                "notify_remote_via_irq from cpu " + t.cpu() + " to cpu " + t.count() + " stays in one domain", t,
                null, null);
    }

    void inDom0(Transition t, Request rq) {
        if (t.cpu() < dom0From) fail("blkback-in-dom0", t.fn() + " runs on guest cpu " + t.cpu(), t, null, rq);
        if (rq != null && !(rq.checkedPlace.kind() == PlaceKind.DEVICE)) fail("blkback-on-device-request",
                t.fn() + " on a request the stream shows in " + rq.checkedPlace, t, null, rq);
    }
}
