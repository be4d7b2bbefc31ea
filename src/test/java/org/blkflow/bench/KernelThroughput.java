package org.blkflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/**
 * The 3.16 and 7.0 models side by side on a shared, busy machine: rounds alternate the kernels so
 * that load from other processes falls on all of them alike, and the median round is reported.
 * JMH measures each benchmark in its own stretch of time, which on a machine whose load swings from
 * 4 to 20 compares the load rather than the models. Run: {@code ./mvnw -Pbench test-compile exec:exec
 * -Dbench.main=org.blkflow.bench.KernelThroughput -Dbench.args=}
 */
public final class KernelThroughput {

    private static final long TRANSITIONS = 2_000_000;

    private KernelThroughput() {}

    public static void main(String[] args) {
        Object[][] configs = {{Kernel.V3_16, Scheduler.NOOP}, {Kernel.V7_0, Scheduler.NONE},
                {Kernel.V7_0, Scheduler.MQ_DEADLINE}, {Kernel.V7_0, Scheduler.KYBER}};
        List<double[]> rates = new ArrayList<>();
        for (int c = 0; c < configs.length; c++) rates.add(new double[9]);
        for (int round = 0; round < 9; round++) {
            for (int c = 0; c < configs.length; c++) {
                Scenario s = TransitionThroughputBenchmark.busyScenario(round + 1, (Kernel) configs[c][0], (Scheduler) configs[c][1]);
                BlockLayerRun run = new BlockLayerRun(s, false);
                long start = System.nanoTime();
                for (long i = 0; i < TRANSITIONS && run.next() != null; i++) {
                    // the transitions are the work
                }
                rates.get(c)[round] = TRANSITIONS / ((System.nanoTime() - start) / 1e9);
            }
        }
        for (int c = 0; c < configs.length; c++) {
            double[] r = rates.get(c);
            Arrays.sort(r);
            // Rounds 0-2 warm the JIT up; the median of all 9 is robust to them and to load spikes.
            System.out.printf("%s %-12s median %.2f M transitions/s (min %.2f, max %.2f)%n", ((Kernel) configs[c][0]).label(), ((Scheduler) configs[c][1]).label(),
                    r[4] / 1e6, r[0] / 1e6, r[8] / 1e6);
        }
    }
}
