package org.blkflow.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.scenario.Backend;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.IrqMode;
import org.junit.jupiter.api.Test;

/** The sentence the page prints under the Xen sweep says what the run is, from the backend it runs. */
class XenIometerSetupTest {

    @Test
    void thePublishedBackendIsDescribedWithItsAssumptionsNamed() {
        String s = XenIometer.setup(XenIometer.BACKEND);
        for (String part : new String[] {"16-vCPU PV guest with 16 hardware queues", "500 I/Os a job",
                "dom0 16 vCPUs each on a CPU of its own", "grants mapped and unmapped per request",
                "null_blk with 1 hardware queue of 64 tags (irqmode softirq)", "every event channel on vCPU 0",
                "neither the host's CPUs nor whether grants were persistent"}) {
            assertTrue(s.contains(part), () -> "missing \"" + part + "\": " + s);
        }
    }

    @Test
    void anotherBackendIsDescribedAsItIs() {
        String shared = XenIometer.setup(XenIometer.SHARED_HOST);
        assertTrue(shared.contains("dom0 16 vCPUs sharing 16 pCPUs with the guest"), shared);
        String other = XenIometer.setup(new Backend(4, true, 1).withNullBlk(2, 32, IrqMode.TIMER).withEvtchn(EvtchnAffinity.SPREAD));
        for (String part : new String[] {"dom0 4 vCPUs", "persistent grants", "2 hardware queues of 32 tags (irqmode timer)",
                "event channels spread over the vCPUs"}) {
            assertTrue(other.contains(part), () -> "missing \"" + part + "\": " + other);
        }
        String unqueued = XenIometer.setup(XenIometer.UNQUEUED_SPREAD);
        assertTrue(unqueued.contains("null_blk without a queue"), unqueued);
    }
}
