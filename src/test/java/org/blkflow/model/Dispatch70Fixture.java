package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.CpuObserver;
import org.blkflow.engine.Simulation;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Rings;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;

/**
 * The 7.0 dispatch side alone (no submitters), for rules whose scenario is a state rather than a
 * workload: "the ctx of CPU0 holds a1 a2 a3, …, then blk_mq_run_hw_queue(hctx, false) on CPU c".
 * Requests are put where the rule says and marked live for the invariants, which still check every
 * transition the dispatch then makes. null_blk completes on a timer far beyond what a test runs to,
 * so only the dispatch is seen.
 */
final class Dispatch70Fixture {

    static final long COMPLETION_NS = 1_000_000_000L;

    final Simulation sim = new Simulation(1);
    final Emitter emit;
    final Machine m;
    final Hctx70[] hctxs;
    final Dispatch70 dispatch;
    final SchedDispatch70 sched;
    private final Task[] tasks;
    private long ids;

    /** {@code cpuToHctx[c]} is CPU c's hardware queue; a scheduler of null is none. */
    Dispatch70Fixture(int[] cpuToHctx, int hwQueues, int depth, String scheduler) {
        int nrRequests = Wiring70.nrRequests(depth);
        Invariants invariants = new Invariants(hwQueues, depth, 0, 255, 128);
        invariants.modern(scheduler == null ? 0 : nrRequests, scheduler == null ? 0 : nrRequests, hwQueues);
        emit = new Emitter(sim, invariants);
        Cpu[] cpus = new Cpu[cpuToHctx.length];
        for (int c = 0; c < cpus.length; c++) cpus[c] = new Cpu(c, sim);
        HardwareQueue[] hws = new HardwareQueue[hwQueues];
        for (int h = 0; h < hwQueues; h++) hws[h] = new HardwareQueue(h, new TagSet<>(depth, 0));
        SoftwareQueue[] ctxs = new SoftwareQueue[cpus.length];
        for (int c = 0; c < cpus.length; c++) {
            HardwareQueue hw = hws[cpuToHctx[c]];
            ctxs[c] = new SoftwareQueue(c, hw, hw.ctxs.size(), 0);
            hw.addCtx(ctxs[c]);
        }
        m = new Machine(sim, emit, cpus, ctxs, hws, true, Costs.ZERO, CpuObserver.NONE, false);
        for (SoftwareQueue ctx : ctxs) ctx.lock = m.newLock("ctx[" + ctx.cpu + "]->lock");
        for (HardwareQueue hw : hws) hw.lock = m.newLock("hctx[" + hw.index + "]->lock");
        hctxs = new Hctx70[hwQueues];
        int[] hints = new int[cpus.length];
        for (HardwareQueue hw : hws) {
            hctxs[hw.index] = new Hctx70(hw, new SbitmapTags<>(depth, 0, depth, hints),
                    scheduler == null ? null : new SbitmapTags<>(nrRequests, 0, 1, hints));
        }
        Device device = new Device(COMPLETION_NS, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK,
                Backend.DEFAULT, 0, 0);
        Completion70 completion = new Completion70(m, hctxs, new int[cpus.length]);
        NullBlk70 driver = new NullBlk70(m, device, completion);
        sched = scheduler == null ? null : new SchedDispatch70(m, new Deadline70(m, nrRequests, new RequestMerge70(255, 128)), nrRequests);
        dispatch = new Dispatch70(m, hctxs, sched, driver, new Budget70(0));
        if (sched != null) sched.attach(dispatch);
        tasks = new Task[cpus.length];
        for (int c = 0; c < cpus.length; c++) tasks[c] = new Task(1000 + c, c, ScenarioBuilder.job().rw("write").build(), 0);
    }

    /** A 4 KiB write of CPU {@code cpu}'s task at {@code sector}, with its tag, in its software queue. */
    Request inCtx(int cpu, long sector) {
        Request rq = request(cpu, sector);
        SoftwareQueue ctx = m.ctxs[cpu];
        rq.checkedPlace = Place.ctx(cpu);
        ctx.rqList.add(rq);
        ctx.hctx.markPending(ctx);
        return rq;
    }

    /** A 4 KiB write with a scheduler tag, in CPU {@code cpu}'s plug, ready for the elevator's insert. */
    Request inPlug(int cpu, long sector) {
        Request rq = request(cpu, sector);
        rq.checkedPlace = Place.plug(cpu);
        return rq;
    }

    private Request request(int cpu, long sector) {
        Task task = tasks[cpu];
        Bio bio = new Bio(ids++, task, sector, 8, true, false);
        bio.checkedQueued = true;
        SoftwareQueue ctx = m.ctxs[cpu];
        Hctx70 x = hctxs[ctx.hctx.index];
        int tag = x.allocationTags().get(cpu);
        Request rq = new Request(ids++, ctx, ctx.hctx, sched == null ? tag : -1, bio);
        rq.takeFirstBio(bio);
        x.allocationTags().assign(tag, rq);
        if (sched != null) rq.internalTag = tag;
        else rq.checkedDriverTag = tag;
        rq.checkedSectors = rq.sectors;
        bio.checkedOwner = rq;
        return rq;
    }

    /** The elevator's insert_requests from CPU {@code cpu}'s plug (I for each). */
    void insert(int cpu, List<Request> list) {
        m.process(cpu, () -> sched.insert(list, Place.plug(cpu), cpu, tasks[cpu].actor, Machine.END));
        sim.runUntil(sim.now());
    }

    /** blk_mq_run_hw_queue(hctx, false) called by CPU {@code cpu}'s task; what it led to, up to the completions. */
    List<Transition> runSync(int hctx, int cpu) {
        m.process(cpu, () -> dispatch.run(hctxs[hctx], false, cpu, tasks[cpu].actor, Machine.END));
        sim.runUntil(COMPLETION_NS / 2);
        return drained();
    }

    List<Transition> drained() {
        List<Transition> out = new ArrayList<>();
        for (Transition t = emit.poll(); t != null; t = emit.poll()) out.add(t);
        return out;
    }
}
