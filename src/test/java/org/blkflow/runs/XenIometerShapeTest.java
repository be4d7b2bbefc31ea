package org.blkflow.runs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.stats.RunStats;
import org.junit.jupiter.api.Test;

/**
 * The published shape of multi-queue xen-blkfront, from the mechanism, in simulated time (the same
 * figures on any machine): one ring flat, 16 rings well above it, a peak at 8 or 16 jobs, a fall at 32.
 */
class XenIometerShapeTest {

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
        int at8 = XenIometer.JOBS.indexOf(8);
        int at16 = XenIometer.JOBS.indexOf(16);
        int at32 = XenIometer.JOBS.indexOf(32);
        // One ring: flat or falling, within 5 % of where it starts.
        for (int i = 1; i < n; i++) {
            double v = one[i];
            assertTrue(v <= one[0] * 1.05, () -> "one ring rises with jobs:\n" + figures);
        }
        assertTrue(sixteen[at8] >= 2.5 * one[at8], () -> "16 rings below 2.5x one ring at 8 jobs:\n" + figures);
        int peak = 0;
        for (int i = 1; i < n; i++) if (sixteen[i] > sixteen[peak]) peak = i;
        int peakAt = peak;
        assertTrue(peakAt == at8 || peakAt == at16, () -> "16 rings peak at " + XenIometer.JOBS.get(peakAt) + " jobs:\n" + figures);
        assertTrue(sixteen[at32] < sixteen[peakAt], () -> "16 rings do not fall at 32 jobs:\n" + figures);
        // Past the peak dom0 is the bottleneck: every vCPU busy (most of it spinning on the grant lock) and
        // every ring full, so 32 jobs give dom0 exactly the work 16 did and cannot beat them.
        for (int at : new int[] {at16, at32}) {
            double use = stats.get(n + at).backendCpuUse();
            assertTrue(use >= 0.95, () -> "dom0 not saturated past the peak (" + use + "):\n" + figures);
        }
        assertTrue(sixteen[at32] <= sixteen[at16] * 1.01, () -> "32 jobs above 16 with dom0 saturated:\n" + figures);
        // Within 3x of the published hundreds of thousands: 100k to 3M for every point.
        for (int i = 0; i < n; i++) {
            for (double v : new double[] {one[i], sixteen[i]}) {
                assertTrue(v >= 100_000 && v <= 3_000_000, () -> "outside 100k-3M IOPS:\n" + figures);
            }
        }
        assertTrue(stats.get(n + at32).locks().stream().max(Comparator.comparingLong(LockStat::contentions)).orElseThrow()
                .name().contains("grant_table"), () -> "the fall is not the grant-table lock's:\n" + figures);
    }
}
