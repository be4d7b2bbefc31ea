package org.blkflow.bench;

import java.util.List;
import org.blkflow.model.BlockLayerRun;
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
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Heap per in-flight request: 10,000 requests in the device at once, measured against the same run
 * before it submitted anything. Run: {@code ./mvnw -Pbench test-compile exec:exec
 * -Dbench.main=org.blkflow.bench.InFlightMemory -Dbench.args=}
 */
public final class InFlightMemory {

    private InFlightMemory() {}

    public static void main(String[] args) {
        int n = 10_000;
        for (boolean snapshots : new boolean[] {false, true}) {
            Scenario s = new Scenario("memory", 1, Mode.MQ, 1, 1, 10_240, 0, null, false,
                    new Device(1_000_000_000L, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                    List.of(new Job("fio", List.of(0), Rw.RANDREAD, 50, 4096, n, IoEngine.LIBAIO, false, false, n, 0, 1L << 40)), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);
            long before = usedAfterGc();
            BlockLayerRun run = new BlockLayerRun(s, snapshots);
            Transition t;
            do {
                t = run.next();
            } while (t.kind() != TransitionKind.QUEUE_RQ || t.req() != n - 1);
            long after = usedAfterGc();
            System.out.printf("snapshots=%s: %d requests in flight, %.0f bytes each (run object kept: %d steps)%n",
                    snapshots, n, (after - before) / (double) n, run.steps());
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
