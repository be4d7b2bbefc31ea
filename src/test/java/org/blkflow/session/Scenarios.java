package org.blkflow.session;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/** Seeded scenarios for session tests: small, with enough I/O to queue, merge and requeue. */
final class Scenarios {

    private static final String[] RW = {"read", "write", "randread", "randwrite", "randrw"};

    private Scenarios() {
    }

    static Scenario seeded(long seed) {
        int cpus = 1 + (int) Math.floorMod(seed, 4);
        Device device = new Device(5_000 + seed % 7 * 1000, seed % 2 == 0 ? IrqMode.SOFTIRQ : IrqMode.NONE, 256, 128,
                seed % 3 == 0 ? 2 : 0, Driver.NULL_BLK, Rings.SINGLE_LOCK);
        Job job = new Job("job" + seed, null, Label.parse(Rw.class, RW[(int) Math.floorMod(seed, RW.length)]), 50, 4096,
                1 + (int) Math.floorMod(seed, 8), seed % 2 == 0 ? IoEngine.LIBAIO : IoEngine.SYNC, false, seed % 4 == 1,
                20 + (int) Math.floorMod(seed, 30), 0, 1 << 24);
        return new Scenario("seeded" + seed, seed, Mode.MQ, cpus, 1 + (int) Math.floorMod(seed, 2),
                4 + (int) Math.floorMod(seed, 16), 0, null, true, device, List.of(job), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);
    }
}
