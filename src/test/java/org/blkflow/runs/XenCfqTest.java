package org.blkflow.runs;

import static org.blkflow.scenario.ScenarioFields.MODE;
import static org.blkflow.scenario.ScenarioFields.NAME;
import static org.blkflow.scenario.ScenarioFields.RINGS;
import static org.blkflow.scenario.ScenarioFields.SCHEDULER;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.Scheduler;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * XenIometer's guest on the legacy queue (3.16 xen-blkfront is a request_fn driver) with cfq: the
 * queue is non-rotational (QUEUE_FLAG_VIRT) and the 32-slot ring takes more than CFQ_HW_QUEUE_MIN
 * requests, so hw_tag becomes 1 and cfq stops idling. IOPS must not collapse as jobs are added, and
 * stay within half of noop's, as cfq on fast non-rotational devices did.
 */
class XenCfqTest {

    @Test
    void cfqDoesNotCollapseAsJobsAreAdded() {
        double cfqOne = iops(guest(Scheduler.CFQ, 1));
        double cfq = iops(guest(Scheduler.CFQ, 32));
        double noop = iops(guest(Scheduler.NOOP, 32));
        System.out.printf("xen-blkfront sq, IOmeter: cfq %.0f IOPS at 1 job, %.0f at 32; noop %.0f at 32%n", cfqOne, cfq, noop);
        assertTrue(cfq >= cfqOne / 2, "32 jobs " + cfq + " against 1 job " + cfqOne);
        assertTrue(cfq >= noop / 2, "cfq " + cfq + " against noop " + noop);
    }

    /** XenIometer's one-ring guest and dom0 with {@code jobs} IOmeter tasks, mode sq and {@code scheduler}. */
    static Scenario guest(Scheduler scheduler, int jobs) {
        ScenarioDraft s = XenIometer.draft(XenIometer.BACKEND);
        s.set(NAME, "xen-blkfront sq " + scheduler.label());
        s.set(MODE, Mode.SQ);
        s.set(SCHEDULER, scheduler);
        s.device.set(RINGS, Rings.SINGLE_LOCK);
        s.jobs = XenIometer.jobsOf(jobs, XenIometer.TASK_IOS);
        return s.build();
    }

    private static double iops(Scenario s) {
        BlockLayerRun run = new BlockLayerRun(s, false);
        RunStats stats = new RunStats();
        for (Transition t = run.next(); t != null; t = run.next()) stats.onTransition(t);
        return stats.iops();
    }
}
