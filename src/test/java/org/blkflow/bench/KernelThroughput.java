package org.blkflow.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.blkflow.engine.Simulation;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/**
 * The 3.16 and 7.0 models side by side with the bare event loop on a shared, busy machine: rounds
 * alternate them so that load from other processes falls on all of them alike, and the median round
 * is reported. JMH measures each benchmark in its own stretch of time, which on a machine whose load
 * swings from 4 to 20 compares the load rather than the models. Run: {@code ./mvnw -Pbench
 * test-compile exec:exec -Dbench.main=org.blkflow.bench.KernelThroughput -Dbench.args=}
 */
public final class KernelThroughput {

    private static final long TRANSITIONS = 2_000_000;

    private KernelThroughput() {}

    /** One configuration of the busy scenario; budget 0 is none. */
    private record Config(String name, Kernel kernel, Scheduler scheduler, int budget) {
    }

    public static void main(String[] args) {
        List<Config> configs = List.of(new Config("3.16 noop", Kernel.V3_16, Scheduler.NOOP, 0),
                new Config("7.0 none", Kernel.V7_0, Scheduler.NONE, 0),
                new Config("7.0 mq-deadline", Kernel.V7_0, Scheduler.MQ_DEADLINE, 0),
                new Config("7.0 kyber", Kernel.V7_0, Scheduler.KYBER, 0),
                new Config("7.0 mq-deadline, budget 32", Kernel.V7_0, Scheduler.MQ_DEADLINE, 32));
        List<double[]> rates = new ArrayList<>();
        for (int c = 0; c <= configs.size(); c++) rates.add(new double[9]);
        for (int round = 0; round < 9; round++) {
            for (int c = 0; c < configs.size(); c++) {
                Config k = configs.get(c);
                Scenario s = TransitionThroughputBenchmark.busyScenario(round + 1, Costs.ZERO, k.kernel(), k.scheduler(), k.budget());
                BlockLayerRun run = new BlockLayerRun(s, false);
                long start = System.nanoTime();
                for (long i = 0; i < TRANSITIONS && run.next() != null; i++) {
                    // the transitions are the work
                }
                rates.get(c)[round] = TRANSITIONS / ((System.nanoTime() - start) / 1e9);
            }
            rates.get(configs.size())[round] = bareLoop();
        }
        for (int c = 0; c <= configs.size(); c++) {
            double[] r = rates.get(c);
            Arrays.sort(r);
            // Rounds 0-2 warm the JIT up; the median of all 9 is robust to them and to load spikes.
            String name = c < configs.size() ? configs.get(c).name() + ": transitions/s" : "bare event loop: events/s";
            System.out.printf("%-40s median %.2f M (min %.2f, max %.2f)%n", name, r[4] / 1e6, r[0] / 1e6, r[8] / 1e6);
        }
    }

    /** The engine alone: 64 events pending, each rescheduling itself, as JMH's engineEmptyEvent. */
    private static double bareLoop() {
        Simulation sim = new Simulation(1);
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> sim.schedule(1 + (sim.now() & 7), tick[0]);
        for (int i = 0; i < 64; i++) sim.schedule(i, tick[0]);
        long start = System.nanoTime();
        for (long i = 0; i < TRANSITIONS; i++) sim.step();
        return TRANSITIONS / ((System.nanoTime() - start) / 1e9);
    }
}
