package org.blkflow.model;

import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/** The Linux 7.0 block layer put together: the one place BlockLayerRun's kernel switch leads to. */
final class Wiring70 {

    /** BLKDEV_DEFAULT_RQ: a scheduler's nr_requests is 2 × min(queue_depth, 128). */
    static final int DEFAULT_RQ = 128;

    private Wiring70() {
    }

    static int nrRequests(int queueDepth) {
        return 2 * Math.min(queueDepth, DEFAULT_RQ);
    }

    static Workload wire(Machine m, Scenario scenario, Invariants invariants) {
        for (SoftwareQueue ctx : m.ctxs) ctx.lock = m.newLock("ctx[" + ctx.cpu + "]->lock");
        for (HardwareQueue hctx : m.hctxs) hctx.lock = m.newLock("hctx[" + hctx.index + "]->lock");
        boolean elevator = scenario.scheduler() == Scheduler.MQ_DEADLINE;
        int nrRequests = nrRequests(scenario.queueDepth());
        int normal = scenario.queueDepth() - scenario.reservedTags();
        Hctx70[] hctxs = new Hctx70[m.hctxs.length];
        for (HardwareQueue hw : m.hctxs) {
            SbitmapTags driverTags = new SbitmapTags(scenario.queueDepth(), scenario.reservedTags(), normal,
                    hints(m, normal));
            // dd_depth_updated() sets the scheduler tags' min_shallow_depth to 1: a wake batch of 1.
            SbitmapTags schedTags = elevator ? new SbitmapTags(nrRequests, 0, 1, hints(m, nrRequests)) : null;
            hctxs[hw.index] = new Hctx70(hw, driverTags, schedTags);
        }
        invariants.modern(elevator ? nrRequests : 0);
        Merging merging = new Merging(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        Completion70 completion = new Completion70(m, hctxs, scenario.nodeOfCpu());
        NullBlk70 driver = new NullBlk70(m, scenario.device(), completion);
        SchedDispatch70 sched = elevator ? new SchedDispatch70(m, new MqDeadline(), nrRequests) : null;
        Dispatch70 dispatch = new Dispatch70(m, hctxs, sched, driver);
        if (sched != null) sched.attach(dispatch);
        PlugFlush70 flush = new PlugFlush70(m, dispatch, sched, driver);
        Mq70Submission submission = new Mq70Submission(m, merging, hctxs, dispatch, sched, flush);
        Workload workload = new Workload(m, submission, scenario);
        completion.attach(dispatch, submission, workload);
        return workload;
    }

    /** Each CPU's first allocation hint, from the run's seeded generator. */
    private static int[] hints(Machine m, int depth) {
        int[] hints = new int[m.cpus.length];
        for (int cpu = 0; cpu < hints.length; cpu++) hints[cpu] = m.sim.random().nextInt(depth);
        return hints;
    }
}
