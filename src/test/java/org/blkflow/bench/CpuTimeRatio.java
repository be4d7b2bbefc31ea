package org.blkflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The RunPath ratio by thread CPU time instead of wall time: on a machine shared with other builds
 * JMH's wall-clock throughput swings by more than its own value, while the CPU time a thread spends
 * per operation barely moves. Prints operations per CPU-second for the bare PriorityQueue loop and
 * the /api/runs path, after a warm-up, five rounds each.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.blkflow.bench.CpuTimeRatio -Dbench.args=}
 */
public final class CpuTimeRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeRatio() {
    }

    public static void main(String[] args) {
        RunPathBenchmark.BareLoop loop = new RunPathBenchmark.BareLoop();
        loop.fresh();
        for (String costs : new String[] {"ZERO", "DEFAULT"}) {
            RunPathBenchmark.RunState run = new RunPathBenchmark.RunState();
            run.costs = costs;
            run.fresh();
            for (int round = 0; round < 8; round++) {
                double bare = perCpuSecond(() -> loop.step(), 20_000_000);
                double path = perCpuSecond(() -> run.next(), 5_000_000);
                if (round >= 3) {
                    System.out.printf("costs %s, round %d: bare PriorityQueue loop %.2f M events/CPU-s, /api/runs path"
                            + " %.2f M transitions/CPU-s, ratio %.0f%%%n", costs, round - 2, bare / 1e6, path / 1e6,
                            100 * path / bare);
                }
            }
        }
    }

    private static double perCpuSecond(Runnable op, int n) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) op.run();
        return n / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
