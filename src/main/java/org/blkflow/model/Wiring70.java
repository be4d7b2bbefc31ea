package org.blkflow.model;

import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.transition.DeviceNumbers;

/**
 * The Linux 7.0 block layer put together: the one place BlockLayerRun's kernel switch leads to. With
 * several null_blk devices (nr_devices) each is a request_queue of its own — hctxs, a ctx per CPU,
 * scheduler, null_blk instance — on the machine's hctxs, numbered across devices ({@link DeviceNumbers});
 * with shared_tags every device's hctx of one index draws its driver tags from one set.
 */
final class Wiring70 {

    /** BLKDEV_DEFAULT_RQ: a scheduler's nr_requests is 2 × min(queue_depth, 128). */
    static final int DEFAULT_RQ = 128;

    private Wiring70() {
    }

    static int nrRequests(int queueDepth) {
        return 2 * Math.min(queueDepth, DEFAULT_RQ);
    }

    /** One request_queue's parts the others reach: a plug and a shared tag set span queues. */
    private record Queue(Mq70Submission submission, PlugFlush70 flush, Completion70 completion, Dispatch70 dispatch,
                         Hctx70[] hctxs) {
    }

    static Workload wire(Machine m, Scenario scenario, Invariants invariants) {
        int count = scenario.device().count();
        DeviceNumbers numbers = numbers(m, scenario);
        invariants.devices70(numbers, scenario.device().tagsShared(), scenario.queueDepth() - scenario.reservedTags());
        Queue[] queues = new Queue[count];
        long[] requeueCalls = new long[1];
        for (int d = 0; d < count; d++) {
            HardwareQueue[] hw = java.util.Arrays.copyOfRange(m.hctxs, numbers.hctx(d, 0), numbers.hctx(d + 1, 0));
            for (HardwareQueue h : hw) h.device = d;
            Machine q = count == 1 ? m : m.queue(d == 0 ? m.ctxs : ctxs(m, numbers, d, hw), hw, d == 0 ? "" : "nullb" + d + " ");
            Hctx70[] sharing = d > 0 && scenario.device().tagsShared() ? queues[0].hctxs : null;
            queues[d] = wireQueue(q, scenario, invariants, sharing, requeueCalls);
        }
        Mq70Submission[] submissions = new Mq70Submission[count];
        PlugFlush70[] flushes = new PlugFlush70[count];
        for (int d = 0; d < count; d++) {
            submissions[d] = queues[d].submission();
            flushes[d] = queues[d].flush();
        }
        Workload workload = new Workload(m, count == 1 ? submissions[0] : new Devices70(submissions), scenario);
        for (Queue queue : queues) {
            queue.submission().attach(submissions, invariants);
            queue.flush().attach(flushes);
            queue.completion().attach(queue.dispatch(), submissions, workload);
        }
        return workload;
    }

    /** How the run's ctxs and hctxs are numbered across its devices (each has the same hctxs). */
    static DeviceNumbers numbers(Machine m, Scenario scenario) {
        int count = scenario.device().count();
        return new DeviceNumbers(m.ctxs.length, m.hctxs.length / count, count);
    }

    /** Device {@code d}'s ctx for each CPU, on its hctx of the same index as device 0's (one CPU map for all). */
    private static SoftwareQueue[] ctxs(Machine m, DeviceNumbers numbers, int d, HardwareQueue[] hw) {
        SoftwareQueue[] ctxs = new SoftwareQueue[m.ctxs.length];
        for (int cpu = 0; cpu < ctxs.length; cpu++) {
            HardwareQueue hctx = hw[m.ctxs[cpu].hctx.index];
            ctxs[cpu] = new SoftwareQueue(cpu, hctx, hctx.ctxs.size(), 0);
            ctxs[cpu].place = numbers.ctx(d, cpu);
            hctx.addCtx(ctxs[cpu]);
        }
        return ctxs;
    }

    private static Queue wireQueue(Machine m, Scenario scenario, Invariants invariants, Hctx70[] sharing,
                                   long[] requeueCalls) {
        for (SoftwareQueue ctx : m.ctxs) ctx.lock = m.newLock("ctx[" + ctx.cpu + "]->lock");
        int first = m.hctxs[0].index;
        for (HardwareQueue hctx : m.hctxs) hctx.lock = m.newLock("hctx[" + (hctx.index - first) + "]->lock");
        CtxMap70 ctxs = CtxMap70.build(m, scenario);
        boolean kyber = scenario.scheduler() == Scheduler.KYBER;
        boolean elevator = kyber || scenario.scheduler() == Scheduler.MQ_DEADLINE;
        int nrRequests = nrRequests(scenario.queueDepth());
        int normal = scenario.queueDepth() - scenario.reservedTags();
        Hctx70[] hctxs = new Hctx70[m.hctxs.length];
        for (int i = 0; i < hctxs.length; i++) {
            HardwareQueue hw = m.hctxs[i];
            SbitmapTags<Task> driverTags = sharing != null ? sharing[i].driverTags
                    : new SbitmapTags<>(scenario.queueDepth(), scenario.reservedTags(), normal, hints(m, normal));
            // dd_depth_updated() sets the scheduler tags' min_shallow_depth to 1 (a wake batch of 1),
            // kyber_depth_updated() to its async_depth.
            int minShallow = kyber ? nrRequests * Kyber.ASYNC_PERCENT / 100 : 1;
            SbitmapTags<Task> schedTags = elevator ? new SbitmapTags<>(nrRequests, 0, minShallow, hints(m, nrRequests)) : null;
            hctxs[i] = new Hctx70(hw, driverTags, schedTags);
            hctxs[i].poll = i >= scenario.hwQueues();
            if (scenario.device().tagsShared()) {
                hctxs[i].share = sharing != null ? sharing[i].share : new TagShare70(driverTags, m.emit);
            }
        }
        RequestMerge70 requestMerge = new RequestMerge70(scenario.device().maxSectors(), scenario.device().maxSegments());
        Elevator70 e = !elevator ? null : kyber ? new Kyber(m, hctxs, ctxs, nrRequests, tokenHints(m))
                : new Deadline70(m, nrRequests, requestMerge);
        // Poll hctxs follow the submit queues (several devices have none: polling them is refused).
        invariants.modern(elevator ? nrRequests : 0, e == null ? 0 : hctxs[0].schedTags.shallowCapacity(e.asyncDepth()),
                scenario.device().pollQueues() > 0 ? scenario.hwQueues() : Integer.MAX_VALUE);
        invariants.budget(scenario.device().budget());
        invariants.requeueEvery(scenario.device().requeueEvery());
        Merging merging = new Merging(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        Completion70 completion = new Completion70(m, hctxs, scenario.nodeOfCpu());
        NullBlk70 driver = new NullBlk70(m, scenario.device(), completion, requeueCalls);
        SchedDispatch70 sched = elevator ? new SchedDispatch70(m, e, nrRequests) : null;
        Dispatch70 dispatch = new Dispatch70(m, hctxs, sched, driver, new Budget70(scenario.device().budget()));
        if (sched != null) sched.attach(dispatch);
        if (e instanceof Kyber k) k.attach(dispatch);
        PlugFlush70 flush = new PlugFlush70(m, dispatch, sched, driver);
        Split70 splits = new Split70(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        Mq70Submission submission = new Mq70Submission(m, merging, hctxs, dispatch, sched, flush, ctxs, splits,
                new PlugCache70(m, hctxs, completion));
        if (e instanceof Deadline70 dl) dl.attach(completion);
        // Every queue has q->requeue_list and its lock, but only null_blk's requeue injection uses them in the
        // model: without it the run never takes the lock, and Figure 1 draws the list (and so the lock) only
        // when it is used, so the lock is not made at all.
        if (scenario.device().requeueEvery() > 0) driver.attach(new RequeueWork70(m, dispatch, sched));
        if (ctxs.canPoll()) {
            Poll70 poll = new Poll70(m, hctxs, ctxs, completion);
            submission.attach(poll);
            driver.attach(poll);
        }
        return new Queue(submission, flush, completion, dispatch, hctxs);
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
