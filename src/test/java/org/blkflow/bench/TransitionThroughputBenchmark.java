package org.blkflow.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.blkflow.engine.Simulation;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.transition.Transition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Headless transitions per second on one thread, beside the engine alone running empty events:
 * the gap between the two is what the block-layer model itself costs.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.args="TransitionThroughput"}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TransitionThroughputBenchmark {

    /** A busy 4-CPU, 2-hctx null_blk under libaio random reads and plugged sequential writes; free CPUs. */
    static Scenario busyScenario(long seed) {
        return busyScenario(seed, Costs.ZERO);
    }

    /** The same machine and load with a CPU cost table (Costs.DEFAULT is what a user's run gets). */
    static Scenario busyScenario(long seed, Costs costs) {
        return busyScenario(seed, costs, Kernel.V3_16, Scheduler.NOOP);
    }

    /** The same machine and load on either kernel, free CPUs; 7.0 with none, mq-deadline or kyber. */
    static Scenario busyScenario(long seed, Kernel kernel, Scheduler scheduler) {
        return busyScenario(seed, Costs.ZERO, kernel, scheduler);
    }

    /** The same machine and load on either kernel with a CPU cost table. */
    static Scenario busyScenario(long seed, Costs costs, Kernel kernel, Scheduler scheduler) {
        return busyScenario(seed, costs, kernel, scheduler, 0);
    }

    /**
     * 7.0 with a SCSI-like dispatch budget ({@code device.budget}, 0 = none): the load keeps about 160
     * requests in flight, so a budget of 32 is taken and put back on every dispatch and runs out.
     */
    static Scenario busyScenario(long seed, Costs costs, Kernel kernel, Scheduler scheduler, int budget) {
        return new Scenario("bench", seed, org.blkflow.scenario.Mode.MQ, 4, 2, 256, 0, null, true,
                new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT, 0, budget),
                List.of(new Job("reader", null, Rw.RANDREAD, 50, 4096, 32, IoEngine.LIBAIO, false, false, 200_000, 0, 1L << 30),
                        new Job("writer", List.of(0, 2), Rw.WRITE, 50, 4096, 16, IoEngine.LIBAIO, false, true, 200_000,
                                1L << 32, 1L << 30)),
                scheduler, 128, costs, 1,  kernel, null);
    }

    @State(Scope.Thread)
    public static class ModelState {
        BlockLayerRun run;
        long seed;

        Kernel kernel() {
            return Kernel.V3_16;
        }

        Scheduler scheduler() {
            return Scheduler.NOOP;
        }

        int budget() {
            return 0;
        }

        @Setup(Level.Iteration)
        public void fresh() {
            run = new BlockLayerRun(busyScenario(++seed, Costs.ZERO, kernel(), scheduler(), budget()), false);
        }

        Transition next() {
            Transition t = run.next();
            if (t == null) {
                run = new BlockLayerRun(busyScenario(++seed, Costs.ZERO, kernel(), scheduler(), budget()), false);
                t = run.next();
            }
            return t;
        }
    }

    /** The 7.0 model, no scheduler (elevator_set_default's choice for two hardware queues). */
    @State(Scope.Thread)
    public static class Model70State extends ModelState {
        @Override
        Kernel kernel() {
            return Kernel.V7_0;
        }

        @Override
        Scheduler scheduler() {
            return Scheduler.NONE;
        }
    }

    /** The 7.0 model with mq-deadline. */
    @State(Scope.Thread)
    public static class Model70DeadlineState extends Model70State {
        @Override
        Scheduler scheduler() {
            return Scheduler.MQ_DEADLINE;
        }
    }

    /** The 7.0 model with kyber. */
    @State(Scope.Thread)
    public static class Model70KyberState extends Model70State {
        @Override
        Scheduler scheduler() {
            return Scheduler.KYBER;
        }
    }

    /** The 7.0 model with mq-deadline and a dispatch budget of 32 (Budget70). */
    @State(Scope.Thread)
    public static class Model70BudgetState extends Model70DeadlineState {
        @Override
        int budget() {
            return 32;
        }
    }

    @State(Scope.Thread)
    public static class EngineState {
        Simulation sim;
        Runnable tick;

        @Setup(Level.Iteration)
        public void fresh() {
            sim = new Simulation(1);
            // A few events always pending, each rescheduling itself: the heap stays small and busy.
            tick = () -> sim.schedule(1 + (sim.now() & 7), tick);
            for (int i = 0; i < 64; i++) sim.schedule(i, tick);
        }
    }

    /** One model transition per operation. */
    @Benchmark
    public Transition modelTransition(ModelState state) {
        return state.next();
    }

    /** One 7.0 model transition per operation (none). */
    @Benchmark
    public Transition model70Transition(Model70State state) {
        return state.next();
    }

    /** One 7.0 model transition per operation (mq-deadline). */
    @Benchmark
    public Transition model70DeadlineTransition(Model70DeadlineState state) {
        return state.next();
    }

    /** One 7.0 model transition per operation (kyber). */
    @Benchmark
    public Transition model70KyberTransition(Model70KyberState state) {
        return state.next();
    }

    /** One 7.0 model transition per operation (mq-deadline, a budget of 32). */
    @Benchmark
    public Transition model70BudgetTransition(Model70BudgetState state) {
        return state.next();
    }

    /** One empty engine event per operation. */
    @Benchmark
    public boolean engineEmptyEvent(EngineState state) {
        return state.sim.step();
    }
}
