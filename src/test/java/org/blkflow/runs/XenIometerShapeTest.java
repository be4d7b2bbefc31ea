package org.blkflow.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Rings;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

/**
 * The published shape of multi-queue xen-blkfront, from the mechanism, in simulated time (the same
 * figures on any machine), on fio's IOmeter block-size mix. What holds: one ring flat, 16 rings at
 * least 2.5 times one ring at 8 jobs, a fall past the peak. What does not, and is asserted as it is so
 * the README cannot drift: the peak is a plateau over 4–8 jobs (the grant-table lock saturates from 4),
 * and 32 jobs do not fall below 16, even with guest and dom0 sharing the host's pCPUs.
 */
class XenIometerShapeTest {

    private static final int AT4 = XenIometer.JOBS.indexOf(4);
    private static final int AT8 = XenIometer.JOBS.indexOf(8);
    private static final int AT16 = XenIometer.JOBS.indexOf(16);
    private static final int AT32 = XenIometer.JOBS.indexOf(32);

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
        StringBuilder table = new StringBuilder("jobs  1 ring  16 rings  dom0 CPU  most contended\n");
        for (int i = 0; i < n; i++) {
            one[i] = stats.get(i).iops();
            sixteen[i] = stats.get(n + i).iops();
            LockStat top = stats.get(n + i).locks().stream().max(Comparator.comparingLong(LockStat::contentions)).orElseThrow();
            table.append(String.format("%4d %7.0f %9.0f %8.0f%% %s (%d)%n", XenIometer.JOBS.get(i), one[i], sixteen[i],
                    stats.get(n + i).backendCpuUse() * 100, top.name(), top.contentions()));
        }
        System.out.print(table);
        String figures = table.toString();
        // One ring: flat or falling, within 5 % of where it starts.
        for (int i = 1; i < n; i++) {
            double v = one[i];
            assertTrue(v <= one[0] * 1.05, () -> "one ring rises with jobs:\n" + figures);
        }
        assertTrue(sixteen[AT8] >= 2.5 * one[AT8], () -> "16 rings below 2.5x one ring at 8 jobs:\n" + figures);
        int peak = 0;
        for (int i = 1; i < n; i++) if (sixteen[i] > sixteen[peak]) peak = i;
        double top = sixteen[peak];
        // The published peak is at 8; here 4 and 8 are within 1 % of each other, both on the grant lock's ceiling.
        assertTrue(peak == AT4 || peak == AT8, () -> "16 rings peak outside 4-8 jobs:\n" + figures);
        assertTrue(sixteen[AT4] >= 0.99 * top && sixteen[AT8] >= 0.99 * top, () -> "4 and 8 jobs are no plateau:\n" + figures);
        assertTrue(sixteen[AT16] < 0.8 * top && sixteen[AT32] < 0.8 * top, () -> "16 rings do not fall past the peak:\n" + figures);
        // Past the peak dom0 is the bottleneck: every vCPU busy (most of it spinning on the grant lock) and
        // every ring full, so 32 jobs give dom0 exactly the work 16 did: no fall from 16 to 32.
        for (int at : new int[] {AT16, AT32}) {
            double use = stats.get(n + at).backendCpuUse();
            assertTrue(use >= 0.95, () -> "dom0 not saturated past the peak (" + use + "):\n" + figures);
        }
        assertTrue(Math.abs(sixteen[AT32] - sixteen[AT16]) <= 0.01 * sixteen[AT16], () -> "32 jobs differ from 16:\n" + figures);
        // Within 3x of the published hundreds of thousands: 100k to 3M for every point.
        for (int i = 0; i < n; i++) {
            for (double v : new double[] {one[i], sixteen[i]}) {
                assertTrue(v >= 100_000 && v <= 3_000_000, () -> "outside 100k-3M IOPS:\n" + figures);
            }
        }
        assertTrue(stats.get(n + AT32).locks().stream().max(Comparator.comparingLong(LockStat::contentions)).orElseThrow()
                .name().contains("grant_table"), () -> "the fall is not the grant-table lock's:\n" + figures);
    }

    /** One point, with how long the guest's vCPUs ran and how often a vCPU waited for a pCPU. */
    private record Point(int jobs, double iops, double guestCpu, double dom0Cpu, long pcpuWaits) {
    }

    private static Point run(int jobs, Backend backend) {
        BlockLayerRun run = new BlockLayerRun(XenIometer.scenario(Rings.PER_HCTX, jobs, XenIometer.TASK_IOS, backend), false);
        RunStats stats = new RunStats();
        long[] waits = {0};
        run.feed(t -> {
            stats.onTransition(t);
            if (t.kind() == TransitionKind.PCPU_WAIT) waits[0]++;
        }, Long.MAX_VALUE);
        double vcpuTime = (double) run.now() * XenIometer.GUEST_CPUS;
        return new Point(jobs, stats.iops(), run.guestBusyNs() / vcpuTime,
                run.backendBusyNs() / ((double) run.now() * backend.cpus()), waits[0]);
    }

    /**
     * Guest and dom0 on 16 shared pCPUs: vCPUs do wait for them, yet the second job per guest vCPU adds
     * almost no guest CPU time (it sleeps for a tag: each ring is already full), so it takes no pCPU time
     * from dom0 and 32 jobs do not fall below 16. The fall the posts show needs a cost the model lacks.
     */
    @Test
    void sharingTheHostsPcpusDoesNotMakeThirtyTwoJobsFall() {
        StringBuilder table = new StringBuilder("host         jobs      IOPS  guest vCPU  dom0 vCPU  pcpu waits\n");
        List<Point> shared = new ArrayList<>();
        for (Backend host : List.of(XenIometer.BACKEND, XenIometer.SHARED_HOST)) {
            for (int jobs : List.of(16, 32)) {
                Point p = run(jobs, host);
                if (host == XenIometer.SHARED_HOST) shared.add(p);
                table.append(String.format("%-11s %5d %9.0f %10.1f%% %9.1f%% %10d%n", host.pcpus() == 0 ? "dedicated" : "16 pCPUs",
                        jobs, p.iops(), p.guestCpu() * 100, p.dom0Cpu() * 100, p.pcpuWaits()));
            }
        }
        System.out.print(table);
        String figures = table.toString();
        Point at16 = shared.get(0);
        Point at32 = shared.get(1);
        assertTrue(at16.pcpuWaits() > 0 && at32.pcpuWaits() > 0, () -> "no vCPU ever waited for a pCPU:\n" + figures);
        assertTrue(at32.guestCpu() <= at16.guestCpu() * 1.1, () -> "32 jobs cost the guest's vCPUs more than 16:\n" + figures);
        assertTrue(at32.iops() >= at16.iops() * 0.99, () -> "32 jobs fall below 16 on a shared host:\n" + figures);
    }
}
