package org.blkflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.session.LiveSession;

/**
 * A session's seek to step 1,000,000 (model with snapshots, statistics), timed by thread CPU time
 * so that other work on the machine does not distort it. The first seek is a cold JVM's; the
 * later ones are what a warmed-up server (ModelWarmup) answers.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.blkflow.bench.SeekCpuTime -Dbench.args=}
 */
public final class SeekCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SeekCpuTime() {
    }

    /** load/first-seek.mjs's scenario. */
    static Scenario scenario() {
        return new Scenario("first-seek", 1, Mode.MQ, 4, 2, 32, 0, null, true, new Device(20_000, IrqMode.SOFTIRQ, 255, 128, 16, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                List.of(new Job("reads", null, Rw.RANDREAD, 50, 4096, 16, IoEngine.LIBAIO, false, false, 100_000, 0, 1L << 30),
                        new Job("writes", null, Rw.WRITE, 50, 4096, 8, IoEngine.LIBAIO, false, true, 100_000, 0, 1L << 30)),
                Scheduler.NOOP, 128, Costs.DEFAULT, 1, Kernel.V3_16, null);
    }

    public static void main(String[] args) {
        for (int i = 0; i < 6; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            new LiveSession(scenario()).seek(1_000_000);
            System.out.printf("seek %d to step 1,000,000: %d ms of CPU%n", i + 1,
                    (THREADS.getCurrentThreadCpuTime() - start) / 1_000_000);
        }
    }
}
