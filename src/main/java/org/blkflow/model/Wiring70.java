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
        CtxMap70 ctxs = CtxMap70.build(m, scenario);
        boolean kyber = scenario.scheduler() == Scheduler.KYBER;
        boolean elevator = kyber || scenario.scheduler() == Scheduler.MQ_DEADLINE;
        int nrRequests = nrRequests(scenario.queueDepth());
        int normal = scenario.queueDepth() - scenario.reservedTags();
        Hctx70[] hctxs = new Hctx70[m.hctxs.length];
        for (HardwareQueue hw : m.hctxs) {
            SbitmapTags<Task> driverTags = new SbitmapTags<>(scenario.queueDepth(), scenario.reservedTags(), normal,
                    hints(m, normal));
            // dd_depth_updated() sets the scheduler tags' min_shallow_depth to 1 (a wake batch of 1),
            // kyber_depth_updated() to its async_depth.
            int minShallow = kyber ? nrRequests * Kyber.ASYNC_PERCENT / 100 : 1;
            SbitmapTags<Task> schedTags = elevator ? new SbitmapTags<>(nrRequests, 0, minShallow, hints(m, nrRequests)) : null;
            hctxs[hw.index] = new Hctx70(hw, driverTags, schedTags);
            hctxs[hw.index].poll = hw.index >= scenario.hwQueues();
        }
        RequestMerge70 requestMerge = new RequestMerge70(scenario.device().maxSectors(), scenario.device().maxSegments());
        Elevator70 e = !elevator ? null : kyber ? new Kyber(m, hctxs, ctxs, nrRequests, tokenHints(m))
                : new Deadline70(m, nrRequests, requestMerge);
        invariants.modern(elevator ? nrRequests : 0, e == null ? 0 : hctxs[0].schedTags.shallowCapacity(e.asyncDepth()),
                scenario.hwQueues());
        invariants.budget(scenario.device().budget());
        invariants.requeueEvery(scenario.device().requeueEvery());
        Merging merging = new Merging(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        Completion70 completion = new Completion70(m, hctxs, scenario.nodeOfCpu());
        NullBlk70 driver = new NullBlk70(m, scenario.device(), completion);
        SchedDispatch70 sched = elevator ? new SchedDispatch70(m, e, nrRequests) : null;
        Dispatch70 dispatch = new Dispatch70(m, hctxs, sched, driver, new Budget70(scenario.device().budget()));
        if (sched != null) sched.attach(dispatch);
        if (e instanceof Kyber k) k.attach(dispatch);
        PlugFlush70 flush = new PlugFlush70(m, dispatch, sched, driver);
        Split70 splits = new Split70(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        Mq70Submission submission = new Mq70Submission(m, merging, hctxs, dispatch, sched, flush, ctxs, splits,
                new PlugCache70(m, hctxs, completion));
        Workload workload = new Workload(m, submission, scenario);
        completion.attach(dispatch, submission, workload);
        if (e instanceof Deadline70 d) d.attach(completion);
        driver.attach(new RequeueWork70(m, dispatch, sched));
        if (ctxs.canPoll()) {
            Poll70 poll = new Poll70(m, hctxs, ctxs, completion);
            submission.attach(poll);
            driver.attach(poll);
        }
        return workload;
    }

    /** Each CPU's first hint into each of kyber's token pools. */
    private static int[][] tokenHints(Machine m) {
        int[][] hints = new int[Kyber.DOMAINS][];
        for (int d = 0; d < Kyber.DOMAINS; d++) hints[d] = hints(m, Kyber.DEPTH[d]);
        return hints;
    }

    /** Each CPU's first allocation hint, from the run's seeded generator. */
    private static int[] hints(Machine m, int depth) {
        int[] hints = new int[m.cpus.length];
        for (int cpu = 0; cpu < hints.length; cpu++) hints[cpu] = m.sim.random().nextInt(depth);
        return hints;
    }
}
