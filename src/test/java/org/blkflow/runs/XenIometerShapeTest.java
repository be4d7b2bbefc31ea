package org.blkflow.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.engine.LockStat;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * The published shape of multi-queue xen-blkfront, from the mechanism, in simulated time (the same
 * figures on any machine), on fio's IOmeter block-size mix, with fio's own per-I/O cost in a 64-bit PV
 * guest (XenGuest), dom0's null_blk as `modprobe null_blk` leaves it (one blk-mq hardware queue of 64
 * tags, softirq completion), every ring's event channel on vCPU 0 at both ends, as Linux binds them, and
 * ticket spinlocks in the guest and dom0 (3.16) and in Xen (the grant-table lock), whose handoff slows
 * with every CPU spinning (engine/Lock), and Xen's TLB flush of every dom0 vCPU after each grant unmap
 * (XenTlbFlush), and every wakeup across vCPUs a reschedule IPI (PvWakeups). What holds: one ring is flat;
 * 16 rings peak at 8 jobs, then fall a little. What does not, and is asserted as it is so the README
 * cannot drift: one ring's 1-job point is not below its 4-job one (published 57k to 95k) and it does not
 * fall past 4 jobs (its limit is blkback's one thread, not the guest's io_lock, though that lock's
 * handoffs do slow); 16 rings are
 * about 2.4 times one ring at 8 jobs (published 4.2, the issue asks 2.5); they fall under 10 % past the
 * peak (published 24 %); and 32 jobs do not fall below 16, on CPUs of their own or on 16 or 24 shared pCPUs.
 */
class XenIometerShapeTest {

    private static final int AT4 = XenIometer.JOBS.indexOf(4);
    private static final int AT8 = XenIometer.JOBS.indexOf(8);
    private static final int AT16 = XenIometer.JOBS.indexOf(16);
    private static final int AT32 = XenIometer.JOBS.indexOf(32);
    /** The published 1-job IOPS (one ring 57k, 16 rings 58k): one vCPU running fio, so the guest's limit. */
    private static final double PUBLISHED_ONE_JOB_IOPS = XenIometer.published(Rings.SINGLE_LOCK, 1);

    @Test
    void theSweepHasThePublishedShape() {
        SweepPlan plan = SweepPlan.of(XenIometer.points(XenIometer.TASK_IOS, XenIometer.BACKEND));
        List<RunStats> stats = new ArrayList<>();
        for (SweepPlan.Point p : plan.points()) {
            SweepRunner.Outcome o = SweepRunner.measure(p);
            assertTrue(o.failure() == null, () -> "point " + p.index() + ": " + o.failure());
            stats.add(o.stats());
        }
        int n = XenIometer.JOBS.size();
        double[] one = new double[n];
        double[] sixteen = new double[n];
        StringBuilder table = new StringBuilder(
                "jobs  1 ring  16 rings  dom0 CPU  most contended  simulated µs (1 ring, 16 rings)  io_lock hold/acquisitions/contentions (1 ring)\n");
        long longestWait = 0;
        long ioLockWait = 0;
        for (int i = 0; i < n; i++) {
            one[i] = stats.get(i).iops();
            sixteen[i] = stats.get(n + i).iops();
            LockStat top = stats.get(n + i).locks().stream().max(Comparator.comparingLong(LockStat::contentions)).orElseThrow();
            LockStat ioLock = stats.get(i).locks().stream().filter(l -> l.name().equals("io_lock")).findFirst().orElseThrow();
            table.append(String.format("%4d %7.0f %9.0f %8.0f%% %s (%d)  %.0f, %.0f  %d ns / %d / %d%n", XenIometer.JOBS.get(i), one[i], sixteen[i],
                    stats.get(n + i).backendCpuUse() * 100, top.name(), top.contentions(),
                    stats.get(i).simTimeNs() / 1000.0, stats.get(n + i).simTimeNs() / 1000.0, ioLock.holdTimeAvgNs(), ioLock.acquisitions(), ioLock.contentions()));
            ioLockWait = Math.max(ioLockWait, ioLock.waitTimeMaxNs());
            for (RunStats r : List.of(stats.get(i), stats.get(n + i))) {
                for (LockStat l : r.locks()) longestWait = Math.max(longestWait, l.waitTimeMaxNs());
            }
        }
        table.append(String.format("longest wait on any lock: %.1f µs (io_lock: %.1f µs)%n", longestWait / 1000.0, ioLockWait / 1000.0));
        System.out.print(table);
        String figures = table.toString();
        // One ring: one job is the guest's limit (one vCPU running fio), from 4 jobs on blkback's one thread is,
        // and the two are within 5 % of each other (7.5 µs or so a request each, the thread's with an indirect
        // request's segment page mapped and unmapped): flat from 1 job on. Not met: published 57k, 95k, then
        // falling to 65k.
        for (int i = 1; i < n; i++) {
            double v = one[i];
            assertTrue(Math.abs(v - one[0]) <= 0.05 * one[0], () -> "one ring is not flat from 1 job:\n" + figures);
        }
        // 16 rings peak at 8 jobs, clearly above 4: each blkback thread takes every other thread's TLB flush
        // (XenTlbFlush), so the more rings run, the more of dom0 goes to flushes (eachMechanismAlone...).
        int peak = 0;
        for (int i = 1; i < n; i++) if (sixteen[i] > sixteen[peak]) peak = i;
        double top = sixteen[peak];
        assertEquals(AT8, peak, () -> "16 rings do not peak at 8 jobs:\n" + figures);
        assertTrue(sixteen[AT4] < 0.9 * top, () -> "4 and 8 jobs are a plateau again:\n" + figures);
        // Past it they fall, but by under 10 % (published 372k to 284k): dom0 is saturated from 16 jobs.
        assertTrue(sixteen[AT16] < top && sixteen[AT32] < top, () -> "16 rings do not fall past the peak:\n" + figures);
        assertTrue(sixteen[AT16] >= 0.9 * top, () -> "16 rings fall by 10 % or more past the peak now:\n" + figures);
        // Not met: the published 4.2 times one ring at 8 jobs, and the 2.5; the model gives 2 to 2.5.
        double ratio = sixteen[AT8] / one[AT8];
        assertTrue(ratio >= 2.0 && ratio < 2.5, () -> "16 rings against one ring at 8 jobs is " + ratio + ":\n" + figures);
        // Past the peak dom0 is the bottleneck: every vCPU busy (spinning on the grant lock, taking flushes) and
        // every ring full, so 32 jobs give dom0 exactly the work 16 did: no fall from 16 to 32.
        for (int at : new int[] {AT16, AT32}) {
            double use = stats.get(n + at).backendCpuUse();
            assertTrue(use >= 0.95, () -> "dom0 not saturated past the peak (" + use + "):\n" + figures);
        }
        assertTrue(Math.abs(sixteen[AT32] - sixteen[AT16]) <= 0.01 * sixteen[AT16], () -> "32 jobs differ from 16:\n" + figures);
        // One ring's io_lock handoffs slow as more vCPUs spin on it (ticket lock), yet do not bind.
        // Every wait stays under 100 µs, about what a PV guest's ticket lock spins (SPIN_THRESHOLD) before it
        // blocks on an event channel: the slow path the model leaves out is not reached (engine/Lock).
        long waited = longestWait;
        assertTrue(waited < 100_000, () -> "a wait of " + waited + " ns would have taken the PV slow path:\n" + figures);
        // Every point within 3x of the one published for it (the README says so).
        for (int i = 0; i < n; i++) {
            int jobs = XenIometer.JOBS.get(i);
            for (Rings rings : XenIometer.RING_LAYOUTS) {
                double v = rings == Rings.SINGLE_LOCK ? one[i] : sixteen[i];
                double published = XenIometer.published(rings, jobs);
                assertTrue(v >= published / 3 && v <= published * 3,
                        () -> rings.label() + " at " + jobs + " jobs is not within 3x of the published " + published + ":\n" + figures);
            }
        }
        assertTrue(stats.get(n + AT32).locks().stream().max(Comparator.comparingLong(LockStat::contentions)).orElseThrow()
                .name().contains("grant_table"), () -> "the fall is not the grant-table lock's:\n" + figures);
    }

    /**
     * dom0's null_blk as a queue (one hardware queue, 64 tags, softirq) and the event channels on vCPU 0,
     * one at a time, 16 rings. With the queue each blkback thread's bio completes inline before the thread
     * takes the next slot, so at most 16 of the 64 tags are out and no thread ever sleeps for one. The
     * event channels on vCPU 0 make the guest's vCPU 0 busy (one fio job and every ring's blkif_interrupt)
     * but no longer move the curve: since each unmap flushes every other dom0 vCPU's TLB, dom0 is the limit
     * at 8 jobs, not the guest.
     */
    @Test
    void eachMechanismAloneAndWhereThePeakComesFrom() {
        Backend none = XenIometer.UNQUEUED_SPREAD;
        Backend queueOnly = none.withNullBlk(1, Backend.NULL_BLK_DEPTH, IrqMode.SOFTIRQ);
        Backend vcpu0Only = none.withEvtchn(EvtchnAffinity.VCPU0);
        StringBuilder table = new StringBuilder("backend                jobs  16 rings  guest vCPU 0  bt_get sleeps\n");
        Map<String, List<Point>> rows = new LinkedHashMap<>();
        Map<String, Backend> backends = new LinkedHashMap<>();
        backends.put("no queue, spread", none);
        backends.put("dom0 queue, spread", queueOnly);
        backends.put("no queue, vcpu0", vcpu0Only);
        backends.put("dom0 queue, vcpu0", XenIometer.BACKEND);
        for (var b : backends.entrySet()) {
            for (int jobs : List.of(4, 8)) {
                Point p = run(Rings.PER_HCTX, jobs, b.getValue());
                rows.computeIfAbsent(b.getKey(), k -> new ArrayList<>()).add(p);
                table.append(String.format("%-22s %4d %9.0f %12.1f%% %14d%n", b.getKey(), jobs, p.iops(), p.guestCpu0() * 100,
                        p.btGets()));
            }
        }
        System.out.print(table);
        String figures = table.toString();
        List<Point> queue = rows.get("dom0 queue, spread");
        List<Point> vcpu0 = rows.get("dom0 queue, vcpu0");
        for (int i = 0; i < 2; i++) {
            int at = i;
            assertEquals(0, queue.get(at).btGets(), () -> "a blkback thread slept for a tag:\n" + figures);
            assertTrue(vcpu0.get(at).guestCpu0() > queue.get(at).guestCpu0() + 0.3,
                    () -> "vCPU 0's event channels do not load the guest's vCPU 0:\n" + figures);
            assertTrue(Math.abs(vcpu0.get(at).iops() - queue.get(at).iops()) <= 0.02 * queue.get(at).iops(),
                    () -> "the event channels on vCPU 0 move 16 rings by more than 2 %: the guest limits again:\n" + figures);
            assertTrue(vcpu0.get(at).guestCpu0() < 0.95, () -> "guest vCPU 0 is the limit again:\n" + figures);
        }
        assertTrue(vcpu0.get(0).iops() < 0.9 * vcpu0.get(1).iops(), () -> "4 jobs not well below 8:\n" + figures);
    }

    /**
     * The 1-job point against the published one: the model's guest spends what its sourced costs add up to
     * per I/O, and that is the limit (one vCPU busy all the time); the published 57k means about 17.5 µs an
     * I/O, well over twice the model's.
     */
    @Test
    void oneJobIsTheGuestsLimitAtLessThanHalfThePublishedCostPerIo() {
        Point p = run(1, XenIometer.BACKEND);
        double publishedNs = 1e9 / PUBLISHED_ONE_JOB_IOPS;
        String figures = String.format("1 job: %.0f IOPS, guest %.2f µs an I/O, its vCPU busy %.1f%%; published %.0f IOPS, %.2f µs an I/O%n",
                p.iops(), p.guestNsPerIo() / 1000, p.guestCpu() * XenIometer.GUEST_CPUS * 100, PUBLISHED_ONE_JOB_IOPS, publishedNs / 1000);
        System.out.print(figures);
        Costs c = Costs.DEFAULT;
        assertTrue(p.guestCpu() * XenIometer.GUEST_CPUS >= 0.95, () -> "one job's vCPU is not the limit:\n" + figures);
        assertTrue(Math.abs(p.iops() * p.guestNsPerIo() / 1e9 - 1) <= 0.05, () -> "IOPS are not one vCPU over its cost per I/O:\n" + figures);
        // At least fio's own work and its three system calls a bio (io_submit, two time stamps: model/XenGuest).
        assertTrue(p.guestNsPerIo() >= c.fioIoNs() + 3 * c.pvSyscallNs(), () -> "fio's PV costs are not charged:\n" + figures);
        assertTrue(p.guestNsPerIo() < publishedNs / 2, () -> "the model's guest is no longer under half the published cost:\n" + figures);
    }

    /**
     * What Xen's TLB flush after each unmap costs the curve, read through the one cost it is charged at
     * (ipiNs: the initiator's round trip and each target's IPI). At 0 the flush is free and the figures
     * are close to the model's before it was modelled; the default (1.5 µs) is the table's. The figures
     * follow the IPI's cost closely, which is why it is printed: a reader can see how much of the shape
     * rests on that one order-of-magnitude figure.
     */
    @Test
    void theFlushMovesTheCurveWithTheIpisCost() {
        StringBuilder table = new StringBuilder("ipiNs   1 ring at 8  16 rings at 8  16 rings at 16  ratio at 8\n");
        double[][] at = new double[4][];
        long[] ipis = {0, 750, Costs.DEFAULT.ipiNs(), 3000};
        for (int i = 0; i < ipis.length; i++) {
            double one = iops(Rings.SINGLE_LOCK, 8, ipis[i]);
            double eight = iops(Rings.PER_HCTX, 8, ipis[i]);
            double sixteen = iops(Rings.PER_HCTX, 16, ipis[i]);
            at[i] = new double[] {one, eight, sixteen};
            table.append(String.format("%5d %11.0f %14.0f %15.0f %11.2f%n", ipis[i], one, eight, sixteen, eight / one));
        }
        System.out.print(table);
        String figures = table.toString();
        // Each flush's IPI is paid by the one ring's only blkback thread: the dearer, the slower that ring.
        for (int i = 1; i < ipis.length; i++) {
            int k = i;
            assertTrue(at[k][0] < at[k - 1][0], () -> "one ring does not slow with the flush's cost:\n" + figures);
        }
        // A free flush leaves one ring as blkback's thread alone, about 175k (the model before the flush).
        assertTrue(at[0][0] > 1.2 * at[2][0], () -> "the flush costs one ring under 20 %:\n" + figures);
    }

    private static double iops(Rings rings, int jobs, long ipiNs) {
        ScenarioDraft s = ScenarioDraft.of(XenIometer.scenario(rings, jobs, XenIometer.TASK_IOS, XenIometer.BACKEND));
        s.costs.set(CostField.IPI, ipiNs);
        SweepRunner.Outcome o = SweepRunner.measure(SweepPlan.of(List.of(s.build())).points().get(0));
        assertTrue(o.failure() == null, () -> String.valueOf(o.failure()));
        return o.stats().iops();
    }

    /** One point, with how long the guest's vCPUs (and its vCPU 0) ran, dom0's tag sleeps, pCPU waits. */
    private record Point(int jobs, double iops, double guestCpu, double guestCpu0, double dom0Cpu, long pcpuWaits,
                         long btGets, double guestNsPerIo, long simNs, List<LockStat> locks) {
    }

    private static Point run(int jobs, Backend backend) {
        return run(Rings.PER_HCTX, jobs, backend);
    }

    private static Point run(Rings rings, int jobs, Backend backend) {
        BlockLayerRun run = new BlockLayerRun(XenIometer.scenario(rings, jobs, XenIometer.TASK_IOS, backend), false);
        RunStats stats = new RunStats();
        long[] counts = {0, 0};
        run.feed(t -> {
            stats.onTransition(t);
            if (t.kind() == TransitionKind.PCPU_WAIT) counts[0]++;
            if (t.kind() == TransitionKind.BLKBACK && t.fn().equals("bt_get")) counts[1]++;
        }, Long.MAX_VALUE);
        double vcpuTime = (double) run.now() * XenIometer.GUEST_CPUS;
        return new Point(jobs, stats.iops(), run.guestBusyNs() / vcpuTime, run.cpuBusyNs(0) / (double) run.now(),
                run.backendBusyNs() / ((double) run.now() * backend.cpus()), counts[0], counts[1],
                run.guestBusyNs() / (double) (jobs * XenIometer.TASK_IOS), run.now(), stats.locks());
    }

    /**
     * Why the experiment maps a grant per request. The posts do not say whether blkfront and blkback
     * negotiated feature-persistent (on by default since 3.8). With it, dom0 shares nothing of Xen's: no
     * grant-table lock, no unmap, no flush, so each ring's blkback thread runs on its own vCPU untouched by the
     * others and 16 rings rise with the jobs until every ring is full. That contradicts the published curve:
     * no peak at 8 jobs, and at 16 jobs more than 3 times the published 284k. Without persistent grants the
     * shared lock and flush give the published peak; the experiment is run that way, an assumption the
     * README states with these figures.
     */
    @Test
    void withPersistentGrantsSixteenRingsDoNotPeakAndLeaveThePublishedCurve() {
        // The published backend in everything but the grants.
        Backend persistent = XenIometer.BACKEND.withPersistentGrants(true);
        StringBuilder table = new StringBuilder("persistent grants  jobs  1 ring  16 rings  dom0 vCPU  Xen lock contentions (16 rings)\n");
        List<Point> sixteen = new ArrayList<>();
        for (int jobs : XenIometer.JOBS) {
            Point one = run(Rings.SINGLE_LOCK, jobs, persistent);
            Point p = run(Rings.PER_HCTX, jobs, persistent);
            long xenContentions = p.locks().stream().filter(l -> l.name().contains("grant_table") || l.name().contains("flush_lock"))
                    .mapToLong(LockStat::contentions).sum();
            sixteen.add(p);
            table.append(String.format("%17s %5d %7.0f %9.0f %9.1f%% %d%n", "on", jobs, one.iops(), p.iops(), p.dom0Cpu() * 100, xenContentions));
            assertEquals(0, xenContentions, () -> "a persistent grant took a lock of Xen's:\n" + table);
        }
        System.out.print(table);
        String figures = table.toString();
        assertTrue(sixteen.get(AT16).iops() > 1.5 * sixteen.get(AT8).iops(), () -> "16 rings stop rising at 8 jobs:\n" + figures);
        assertTrue(sixteen.get(AT16).iops() > 3 * XenIometer.published(Rings.PER_HCTX, 16),
                () -> "16 rings at 16 jobs within 3x of the published point even with persistent grants:\n" + figures);
    }

    /**
     * Guest and dom0 on 16 or 24 shared pCPUs (the host's count is not published). vCPUs wait for pCPUs on
     * 16, and a second fio task per guest vCPU costs more guest CPU per I/O (the switch between them changes
     * the address space through Xen), yet 32 jobs do not fall more than 1 % below 16: dom0's vCPUs that wait for a pCPU
     * are vCPUs not spinning on the grant-table lock, whose handoff is slower the more spin. The fall the
     * posts show needs a cost the model lacks.
     */
    @Test
    void sharingTheHostsPcpusDoesNotMakeThirtyTwoJobsFall() {
        StringBuilder table = new StringBuilder(
                "host        jobs  1 ring  16 rings  guest vCPU  µs/IO  dom0 vCPU  pcpu waits  simulated µs (1 ring, 16 rings)\n");
        Map<Backend, List<Point>> points = new LinkedHashMap<>();
        for (Backend host : List.of(XenIometer.BACKEND, XenIometer.SHARED_HOST, XenIometer.WIDER_HOST)) {
            for (int jobs : XenIometer.JOBS) {
                // Every vCPU on a CPU of its own is the first test's sweep: only the points compared here.
                if (host == XenIometer.BACKEND && jobs < 16) continue;
                Point one = run(Rings.SINGLE_LOCK, jobs, host);
                Point p = run(Rings.PER_HCTX, jobs, host);
                points.computeIfAbsent(host, h -> new ArrayList<>()).add(p);
                table.append(String.format("%-10s %5d %7.0f %9.0f %10.1f%% %6.2f %9.1f%% %11d  %.0f, %.0f%n",
                        host.pcpus() == 0 ? "dedicated" : host.pcpus() + " pCPUs", jobs, one.iops(), p.iops(), p.guestCpu() * 100,
                        p.guestNsPerIo() / 1000, p.dom0Cpu() * 100, p.pcpuWaits(), one.simNs() / 1000.0, p.simNs() / 1000.0));
            }
        }
        System.out.print(table);
        String figures = table.toString();
        List<Point> own = points.get(XenIometer.BACKEND);
        assertTrue(own.get(1).guestNsPerIo() > own.get(0).guestNsPerIo(), () -> "two tasks per vCPU cost no more per I/O:\n" + figures);
        List<Point> shared = points.get(XenIometer.SHARED_HOST);
        // Up to 8 jobs dom0's busy vCPUs and the guest's fit in 16 pCPUs; from 16 jobs on they do not.
        assertTrue(shared.get(AT16).pcpuWaits() > 0 && shared.get(AT32).pcpuWaits() > 0,
                () -> "no vCPU waited for one of 16 pCPUs:\n" + figures);
        for (List<Point> host : points.values()) {
            Point at16 = host.get(host.size() - 2);
            Point at32 = host.get(host.size() - 1);
            assertTrue(at32.iops() >= at16.iops() * 0.99, () -> "32 jobs fall below 16:\n" + figures);
        }
    }
}
