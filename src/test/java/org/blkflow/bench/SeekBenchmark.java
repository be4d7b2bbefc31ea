package org.blkflow.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.blkflow.session.LiveSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A backward seek replays a fresh run from step 0 (no checkpoints of model internals): this
 * measures that replay, which must reach step 1,000,000 within one second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SeekBenchmark {

    @Param({"100000", "1000000"})
    long step;

    private LiveSession live;

    @Setup
    public void load() {
        Job reads = new Job("reads", null, Rw.RANDREAD, 50, 4096, 16, IoEngine.LIBAIO, false, false, 40_000, 0, 1L << 30);
        Job writes = new Job("writes", null, Rw.WRITE, 50, 4096, 8, IoEngine.LIBAIO, false, true, 40_000, 0, 1L << 30);
        live = new LiveSession(new Scenario("seek-bench", 42, org.blkflow.scenario.Mode.MQ, 4, 2, 64, 0, null, true,
                new Device(20_000, IrqMode.SOFTIRQ, 256, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK), List.of(reads, writes), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null));
        live.seek(step);
        if (live.steps() != step) {
            throw new IllegalStateException("the scenario ends at " + live.steps() + " before step " + step);
        }
    }

    @Benchmark
    public long seekBackToStep() {
        live.seek(0);
        live.seek(step);
        return live.steps();
    }
}
