package org.blkflow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.blkflow.engine.LockStat;
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
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;

/**
 * The README's model figures, computed in simulated time: deterministic, so the same on any
 * machine. Prints the sq vs mq sweep, cfq vs noop, and xen-blkfront's locks by ring layout.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench.main=org.blkflow.bench.ReadmeFigures -Dbench.args=}
 */
public final class ReadmeFigures {

    private ReadmeFigures() {
    }

    public static void main(String[] args) {
        System.out.println("| CPUs | sq IOPS | mq IOPS | mq/sq | queue_lock contentions (sq) | max wait / max hold (ns) |");
        for (int cpus : new int[] {1, 2, 4, 8, 16}) {
            RunStats sq = run(scaling(Mode.SQ, cpus));
            RunStats mq = run(scaling(Mode.MQ, cpus));
            LockStat q = named(sq.locks(), "queue_lock");
            System.out.printf("| %d | %.0f | %.0f | %.2f | %d | %d / %d |%n", cpus, sq.iops(), mq.iops(),
                    mq.iops() / sq.iops(), q.contentions(), q.waitTimeMaxNs(), q.holdTimeMaxNs());
        }
        double noop = run(readers(Scheduler.NOOP)).iops();
        double cfq = run(readers(Scheduler.CFQ)).iops();
        System.out.printf("cfq %.0f IOPS, noop %.0f IOPS, ratio %.2f%n", cfq, noop, cfq / noop);
        for (Rings rings : Rings.values()) {
            RunStats s = run(xen(rings));
            List<LockStat> locks = new ArrayList<>(s.locks());
            locks.sort(Comparator.comparingLong(LockStat::contentions).reversed());
            LockStat top = locks.get(0);
            System.out.printf("xen %s: %.0f IOPS, most contended %s (%d contentions, max wait %d ns)%n", rings,
                    s.iops(), top.name(), top.contentions(), top.waitTimeMaxNs());
        }
    }

    /** LegacyScalingHttpTest's sweep point: 16 hctxs, greedy libaio random readers on every CPU. */
    static Scenario scaling(Mode mode, int cpus) {
        return new Scenario("sweep", 1, mode, cpus, 16, 64, 0, null, true, new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                List.of(new Job("fio", null, Rw.RANDREAD, 50, 4096, 32, IoEngine.LIBAIO, false, false, 2000, 0, 1L << 30)),
                Scheduler.NOOP, 128, Costs.DEFAULT, 1, Kernel.V3_16, null);
    }

    /** CfqTest's scenario: four greedy psync random readers on a 10 µs null_blk. */
    static Scenario readers(Scheduler scheduler) {
        return new Scenario("cfq", 1, Mode.SQ, 4, 1, 64, 0, null, true, new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                List.of(new Job("fio", null, Rw.RANDREAD, 50, 4096, 1, IoEngine.SYNC, false, false, 10_000, 0, 1L << 30)),
                scheduler, 128, Costs.DEFAULT, 1, Kernel.V3_16, null);
    }

    /** xen-blkfront on blk-mq, 8 CPUs and 8 hctxs, greedy random readers. */
    static Scenario xen(Rings rings) {
        return new Scenario("xen", 1, Mode.MQ, 8, 8, 64, 0, null, true,
                new Device(20_000, IrqMode.TIMER, 255, 128, 0, Driver.XEN_BLKFRONT, rings),
                List.of(new Job("fio", null, Rw.RANDREAD, 50, 4096, 16, IoEngine.LIBAIO, false, false, 1000, 0, 1L << 30)),
                Scheduler.NOOP, 128, Costs.DEFAULT, 1, Kernel.V3_16, null);
    }

    static RunStats run(Scenario s) {
        BlockLayerRun run = new BlockLayerRun(s, false);
        RunStats stats = new RunStats();
        for (Transition t = run.next(); t != null; t = run.next()) stats.onTransition(t);
        stats.recordLocks(run.lockStats());
        return stats;
    }

    static LockStat named(List<LockStat> stats, String name) {
        return stats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
