package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.engine.Cpu;
import org.blkflow.engine.CreditScheduler;
import org.blkflow.engine.Lock;
import org.blkflow.engine.LockStat;
import org.blkflow.engine.Simulation;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.SnapshotTracker;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.blkflow.transition.TransitionListener;

/**
 * One simulation of a scenario, consumed one transition at a time. The scenario must already be
 * normalized and validated. Same scenario and seed give the identical stream.
 */
public final class BlockLayerRun {

    private final Simulation sim;
    private final Emitter emit;
    private final Invariants invariants;
    private final HardwareQueue[] hctxs;
    private final int[] cpuToHctx;
    private final SnapshotTracker tracker;
    private final Machine machine;
    private final int guestCpus;
    private long steps;
    private long now;
    private boolean finished;
    private InvariantViolation failure;

    public BlockLayerRun(Scenario scenario) {
        this(scenario, true);
    }

    /** @param snapshots whether {@link #snapshot()} is wanted; headless runs skip the bookkeeping. */
    public BlockLayerRun(Scenario scenario, boolean snapshots) {
        sim = new Simulation(scenario.seed());
        boolean mq = scenario.mode() == Mode.MQ;
        // The legacy and bio-based interfaces have one queue: hwQueues has no effect there.
        // 7.0's poll queues are hctxs after the submit queues (null_blk: nr_hw_queues = submit + poll).
        // 7.0's several null_blk devices: each has as many, numbered device × per device + hctx (Wiring70).
        int queues = !mq ? 1 : !scenario.modern() ? scenario.hwQueues()
                : (scenario.hwQueues() + scenario.device().pollQueues()) * scenario.device().count();
        int reserved = mq ? scenario.reservedTags() : 0;
        boolean xenSq = !mq && scenario.device().xen();
        invariants = new Invariants(queues, scenario.queueDepth(), reserved,
                scenario.device().maxSectors(), scenario.device().maxSegments(),
                xenSq ? ringSlots(scenario) : scenario.queueDepth() - reserved);
        emit = new Emitter(sim, invariants, mq && scenario.modern() ? scenario.device().count() : 1);
        cpuToHctx = !mq ? new int[scenario.cpus()]
                : !scenario.kernelMapping() ? scenario.mapping().stream().mapToInt(Integer::intValue).toArray()
                : scenario.modern() ? CpuMap70.mapQueues(scenario.hwQueues(), scenario.nodeOfCpu(), scenario.firstSiblings())
                : CpuMap.kernel316(queues, scenario.firstSiblings(), allOnline(scenario.cpus()));
        hctxs = new HardwareQueue[queues];
        for (int h = 0; h < hctxs.length; h++) {
            hctxs[h] = new HardwareQueue(h, new TagSet<>(scenario.queueDepth(), reserved));
        }
        boolean xen = scenario.device().xen();
        guestCpus = scenario.cpus();
        // dom0's vCPUs are CPUs of the run like the guest's, numbered after them.
        int allCpus = scenario.cpus() + (xen ? scenario.device().backend().cpus() : 0);
        invariants.limits(capacity(scenario, mq, cpuToHctx, queues), allCpus);
        invariants.dom0From(scenario.cpus());
        // x86 spinlocks were ticket locks up to 4.1 and are qspinlocks since 4.2 (engine/Lock).
        machine = new Machine(sim, emit, cpus(allCpus), softwareQueues(scenario, reserved), hctxs,
                scenario.merging(), scenario.costs(), invariants, !scenario.modern());
        if (xen && scenario.device().backend().pcpus() > 0) host(scenario.device().backend().pcpus());
        Workload workload = switch (scenario.mode()) {
            case SQ -> wireLegacy(machine, scenario);
            case BIO -> wireBioBased(machine, scenario);
            case MQ -> scenario.modern() ? Wiring70.wire(machine, scenario, invariants) : wire(machine, scenario);
        };
        tracker = snapshots ? new SnapshotTracker(hctxs.length, scenario.queueDepth()) : null;
        if (snapshots) emit.keepDeadlineBatches();
        if (tracker != null && mq && scenario.modern() && scenario.device().tagsShared()) {
            tracker.sharingTags(Wiring70.numbers(machine, scenario), scenario.queueDepth() - scenario.reservedTags());
        }
        workload.start();
    }

    /** The next transition, or null once every bio has completed. Throws InvariantViolation. */
    public Transition next() {
        if (failure != null) throw failure;
        try {
            Transition t = emit.poll();
            while (t == null && sim.step()) {
                t = emit.poll();
            }
            if (t == null) {
                finish();
                return null;
            }
            steps++;
            now = t.t();
            if (tracker != null) {
                tracker.apply(t);
                tracker.deadline(emit.deadlineBatchAfter(t));
            }
            return t;
        } catch (InvariantViolation v) {
            failure = v;
            throw v;
        }
    }

    /**
     * Feeds the next transitions to {@code listener}, at most {@code limit} of them, stopping at the
     * end of the run: the one loop every consumer of a whole run (reports, exports) goes through.
     * Returns how many were fed.
     */
    public long feed(TransitionListener listener, long limit) {
        long fed = 0;
        while (fed < limit) {
            Transition t = next();
            if (t == null) break;
            listener.onTransition(t);
            fed++;
        }
        return fed;
    }

    public boolean finished() {
        return finished;
    }

    /** Transitions delivered so far: the step a session is at. */
    public long steps() {
        return steps;
    }

    /** Virtual time of the last transition delivered. */
    public long now() {
        return now;
    }

    /** The hctx of each CPU, after the kernel's default map or the scenario's explicit one. */
    public int[] cpuToHctx() {
        return cpuToHctx.clone();
    }

    /** lockstat's figures for every lock the run modelled, in a stable order. */
    public List<LockStat> lockStats() {
        List<LockStat> stats = new ArrayList<>();
        for (Lock lock : machine.locks) stats.add(lock.stat());
        return stats;
    }

    /** The guest's and dom0's vCPUs share the host's pCPUs under Xen's credit scheduler. */
    private void host(int pcpus) {
        CreditScheduler host = new CreditScheduler(pcpus, sim);
        invariants.pcpus.hosted(pcpus, machine.cpus.length);
        host.observe(new PcpuTransitions(invariants.pcpus, emit));
        host.host(machine.cpus);
    }

    /** CPU time the guest's vCPUs have spent so far, spinning included. */
    public long guestBusyNs() {
        long ns = 0;
        for (int c = 0; c < guestCpus; c++) ns += machine.cpus[c].busyNs();
        return ns;
    }

    /** CPU time one of the run's CPUs (the guest's, then dom0's) has spent so far, spinning included. */
    public long cpuBusyNs(int cpu) {
        return machine.cpus[cpu].busyNs();
    }

    /** xen: how many of the run's CPUs are dom0's vCPUs (the last ones); 0 for any other driver. */
    public int backendCpus() {
        return machine.cpus.length - guestCpus;
    }

    /** CPU time dom0's vCPUs have spent so far, spinning included. */
    public long backendBusyNs() {
        long ns = 0;
        for (int c = guestCpus; c < machine.cpus.length; c++) ns += machine.cpus[c].busyNs();
        return ns;
    }

    /** Where every live bio and request is after the transitions delivered so far. */
    public Snapshot snapshot() {
        if (tracker == null) throw new IllegalStateException("this run was made without snapshots");
        return tracker.snapshot(steps, now);
    }

    private void finish() {
        if (finished) return;
        finished = true;
        invariants.checkEnd(describeQueues());
    }

    /** blk-mq: per-CPU software queues and per-hctx dispatch, each with its own lock. */
    private Workload wire(Machine m, Scenario scenario) {
        for (SoftwareQueue ctx : m.ctxs) ctx.lock = m.newLock("ctx[" + ctx.cpu + "]->lock");
        for (HardwareQueue hctx : hctxs) hctx.lock = m.newLock("hctx[" + hctx.index + "]->lock");
        Merging merging = new Merging(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        QueueRunner runner = new QueueRunner(m);
        Completion completion = new Completion(m);
        MqDriver driver = scenario.device().xen()
                ? new XenBlkfrontMq(m, xenRings(m, scenario), completion, runner)
                : new NullBlk(m, scenario.device(), completion, runner);
        runner.attach(driver);
        Submission submission = new Submission(m, merging, runner, driver, completion);
        Workload workload = new Workload(m, pvGuest(m, scenario, submission), scenario);
        completion.attach(driver, submission, workload);
        return workload;
    }

    /** The legacy request queue: one queue_lock, the elevator, and null_blk's request_fn. */
    private Workload wireLegacy(Machine m, Scenario scenario) {
        boolean xen = scenario.device().xen();
        // blk_init_queue(fn, lock): the driver's lock becomes q->queue_lock (xen-blkfront's io_lock).
        // Both 3.16 drivers mark the queue non-rotational: null_add_dev() sets QUEUE_FLAG_NONROT, and
        // xen-blkfront's xlvbd_init_blk_queue() sets QUEUE_FLAG_VIRT, which blkdev.h defines as QUEUE_FLAG_NONROT.
        LegacyQueue q = new LegacyQueue(m.newLock(xen ? "io_lock" : "queue_lock"),
                Elevator.named(scenario.scheduler(), true), hctxs[0], scenario.nrRequests());
        Merging merging = new Merging(m, scenario.device().maxSectors(), scenario.device().maxSegments());
        LegacyCompletion ends = new LegacyCompletion(m, q);
        RequestFn driver = xen
                ? new XenBlkfrontSq(m, q, ends, backed(m, scenario, List.of(
                        new XenRing(0, hctxs[0], ringSlots(scenario), q.queueLock, q.queueLock, 0))).get(0))
                : new RequestFnDriver(m, q, scenario.device(), scenario.queueDepth(), ends);
        LegacySubmission submission = new LegacySubmission(m, q, merging, driver);
        Workload workload = new Workload(m, pvGuest(m, scenario, submission), scenario);
        ends.attach(submission, workload);
        return workload;
    }

    /** xen-blkfront's rings on blk-mq, named by what their locks guard, each served by blkback in dom0. */
    private List<XenRing> xenRings(Machine m, Scenario scenario) {
        int slots = ringSlots(scenario);
        switch (scenario.device().rings()) {
            case SPLIT_LOCK -> {
                return backed(m, scenario, List.of(new XenRing(0, hctxs[0], slots, m.newLock("io_lock (requests)"),
                        m.newLock("io_lock (responses)"), 0)));
            }
            case PER_HCTX -> {
                List<XenRing> rings = new ArrayList<>();
                for (HardwareQueue h : hctxs) {
                    var lock = m.newLock("ring[" + h.index + "]->ring_lock");
                    // bind_evtchn_to_irq() binds to vCPU 0; "spread" is the model's first, kinder choice.
                    boolean vcpu0 = scenario.device().backend().evtchnAffinity() == EvtchnAffinity.VCPU0;
                    int irqCpu = h.idle() || vcpu0 ? 0 : h.ctxs.get(0).cpu;
                    rings.add(new XenRing(h.index, h, slots, lock, lock, irqCpu));
                }
                return backed(m, scenario, rings);
            }
            default -> {
                var lock = m.newLock("io_lock");
                return backed(m, scenario, List.of(new XenRing(0, hctxs[0], slots, lock, lock, 0)));
            }
        }
    }

    /** xen-blkfront's guest is a 64-bit PV domain: fio pays its system calls there (XenGuest). */
    private static MakeRequest pvGuest(Machine m, Scenario scenario, MakeRequest kernel) {
        return scenario.device().xen() ? new XenGuest(m, kernel, scenario.cpus()) : kernel;
    }

    /** dom0 and a blkback thread for every ring; its vCPUs follow the guest's CPUs. */
    private List<XenRing> backed(Machine m, Scenario scenario, List<XenRing> rings) {
        Dom0 dom0 = new Dom0(m, scenario.device().backend(), scenario.cpus(), scenario.device().completionNs());
        if (dom0.queue != null) {
            invariants.dom0Tags.queue(scenario.device().backend().hwQueueDepth(), scenario.cpus(), dom0.queue.hctxOfVcpu());
        }
        for (XenRing ring : rings) ring.attachBackend(new XenBlkback(m, dom0, ring));
        return rings;
    }

    /**
     * What the stream must show full before a sleep or a BUSY is legal: nr_requests per class in
     * the legacy queue, the bio driver's commands, and the device's room — null_blk's slots per
     * hctx, one xen ring for all hctxs or one per hctx, or the legacy null_blk's driver tags. A
     * request_fn driver takes that room when it starts a request (D), a blk-mq driver in queue_rq.
     */
    private static Invariants.Capacity capacity(Scenario scenario, boolean mq, int[] cpuToHctx, int queues) {
        boolean xen = scenario.device().xen();
        TransitionKind roomTakenAt = scenario.mode() == Mode.SQ ? TransitionKind.ISSUE : TransitionKind.QUEUE_RQ;
        int[] group = new int[queues];
        if (mq && !xen) {
            for (int h = 0; h < queues; h++) group[h] = h;
            return new Invariants.Capacity(0, 0, group, scenario.device().slots(), roomTakenAt);
        }
        if (xen) {
            if (mq && scenario.device().rings() == Rings.PER_HCTX) {
                for (int h = 0; h < queues; h++) group[h] = h;
            }
            return new Invariants.Capacity(scenario.nrRequests(), 0, group, ringSlots(scenario), roomTakenAt);
        }
        boolean legacy = scenario.mode() == Mode.SQ;
        return new Invariants.Capacity(scenario.nrRequests(), scenario.queueDepth(), group,
                legacy ? scenario.queueDepth() : 0, roomTakenAt);
    }

    private static int ringSlots(Scenario scenario) {
        return scenario.device().slots() > 0 ? scenario.device().slots() : scenario.device().backend().ringSlots();
    }

    /** make_request straight into the driver: no queue at all. */
    private Workload wireBioBased(Machine m, Scenario scenario) {
        BioBased bio = new BioBased(m, scenario.device(), scenario.queueDepth());
        Workload workload = new Workload(m, bio, scenario);
        bio.attach(workload);
        return workload;
    }

    private static boolean[] allOnline(int cpus) {
        boolean[] online = new boolean[cpus];
        java.util.Arrays.fill(online, true);
        return online;
    }

    private Cpu[] cpus(int n) {
        Cpu[] cpus = new Cpu[n];
        for (int i = 0; i < n; i++) cpus[i] = new Cpu(i, sim);
        return cpus;
    }

    /** blk_mq_map_swqueue(): each CPU's ctx joins its hctx; index_hw is its position there. */
    private SoftwareQueue[] softwareQueues(Scenario scenario, int reserved) {
        SoftwareQueue[] ctxs = new SoftwareQueue[scenario.cpus()];
        int normalTags = scenario.queueDepth() - reserved;
        for (int cpu = 0; cpu < ctxs.length; cpu++) {
            HardwareQueue hctx = hctxs[cpuToHctx[cpu]];
            int hint = reserved + sim.random().nextInt(normalTags);
            ctxs[cpu] = new SoftwareQueue(cpu, hctx, hctx.ctxs.size(), hint);
            hctx.addCtx(ctxs[cpu]);
        }
        return ctxs;
    }

    private String describeQueues() {
        StringBuilder s = new StringBuilder();
        for (HardwareQueue h : hctxs) {
            s.append("hctx ").append(h.index).append(": tags used ").append(h.tags.inUse()).append('/')
                    .append(h.tags.depth).append(", sleepers ").append(h.tags.sleepers()).append(", waiting ")
                    .append(h.waitingRequests()).append(h.stopped ? ", STOPPED" : "").append('\n');
        }
        return s.toString();
    }
}
