package org.blkflow.trace;

import java.util.List;
import org.blkflow.scenario.Backend;
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

/** Scenarios that exercise every blktrace action the model emits: merges, requeues, plugs, several CPUs. */
final class TraceScenarios {

    private TraceScenarios() {
    }

    static Scenario scenario(String name, int cpus, int hwQueues, int depth, Device device, Job... jobs) {
        return new Scenario(name, 7, Mode.MQ, cpus, hwQueues, depth, 0, null, true, device, List.of(jobs), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);
    }

    static Device device(String irq, long completionNs, int slots) {
        return new Device(completionNs, Label.parse(IrqMode.class, irq), 255, 128, slots, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT);
    }

    static Job job(String rw, int iodepth, boolean plug, int ios, List<Integer> cpus) {
        return new Job("fio-" + rw, cpus, Label.parse(Rw.class, rw), 50, 4096, iodepth, iodepth > 1 ? IoEngine.LIBAIO : IoEngine.SYNC, true, plug, ios, 0, 1L << 30);
    }

    /**
     * Runs whose every latency is above zero: null_blk's timer mode. (In softirq and none modes the
     * model completes in zero virtual time, and btt counts a zero delta as 1 ns.)
     */
    static List<Scenario> timed() {
        return List.of(
                scenario("sync-read", 1, 1, 64, device("timer", 25_000, 0), job("read", 1, false, 20, null)),
                scenario("plug-merge", 2, 1, 64, device("timer", 10_000, 0), job("write", 8, true, 64, List.of(0, 1))),
                scenario("busy-requeue", 2, 1, 64, device("timer", 10_000, 2), job("randwrite", 4, false, 40, List.of(0, 1))),
                scenario("many-cpus", 8, 2, 16, device("timer", 7_000, 3),
                        job("randrw", 8, true, 100, null), job("write", 4, true, 60, List.of(1, 5))),
                scenario("tags-exhausted", 4, 1, 4, device("timer", 3_000, 0), job("randwrite", 8, true, 50, null)),
                scenario("back-merges", 2, 1, 64, device("timer", 10_000, 0),
                        new Job("dd", List.of(0, 1), Rw.WRITE, 50, 4096, 4, IoEngine.LIBAIO, false, true, 64, 0, 1L << 30)),
                scenario("merges-and-requeues", 4, 2, 32, device("timer", 20_000, 1),
                        new Job("seq", null, Rw.WRITE, 50, 8192, 8, IoEngine.LIBAIO, false, true, 80, 0, 1L << 30),
                        new Job("rand", List.of(2, 3), Rw.RANDREAD, 50, 4096, 2, IoEngine.LIBAIO, false, false, 40, 0, 1L << 30)),
                // Linux 7.0: every bio plugged, no S, G after allocation; mq-deadline's I and two tag levels.
                linux70("k70-none", "none", 4, 4, 8, device("timer", 10_000, 0), job("randrw", 8, true, 60, null)),
                linux70("k70-mq-deadline", "mq-deadline", 2, 1, 4, device("timer", 15_000, 2),
                        job("randwrite", 8, false, 60, null), job("write", 4, true, 40, List.of(1))),
                twoDevices());
    }

    /**
     * Two null_blk devices (nullb0 8,0 and nullb1 8,16), mq-deadline on each: one job round robin over
     * both (fio's filename=/dev/nullb0:/dev/nullb1), one on nullb1 alone, so both disks have I/O on
     * both CPUs.
     */
    static Scenario twoDevices() {
        Device two = new Device(12_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT,
                0, 0, 0, 2, false);
        Job both = new Job("fio-both", List.of(0, 1), Rw.RANDRW, 50, 4096, 4, IoEngine.LIBAIO, true, true, 40, 0, 1L << 30,
                null, null, 0, 0, 1, false, 0, null);
        Job second = new Job("fio-nullb1", List.of(1), Rw.WRITE, 50, 4096, 4, IoEngine.LIBAIO, true, true, 24, 0, 1L << 30,
                null, null, 0, 0, 1, false, 0, List.of(1));
        // Default CPU costs: with free CPUs a D on one CPU and its request's Q on another can share a
        // nanosecond, and blkparse's order by sequence within it would put the D first for btt.
        return new Scenario("k70-two-devices", 7, Mode.MQ, 2, 1, 2, 0, null, true, two, List.of(both, second),
                Scheduler.MQ_DEADLINE, 128, Costs.DEFAULT, 1, Kernel.V7_0, null);
    }

    static Scenario linux70(String name, String scheduler, int cpus, int hwQueues, int depth, Device device, Job... jobs) {
        return new Scenario(name, 7, Mode.MQ, cpus, hwQueues, depth, 0, null, true, device, List.of(jobs), Label.parse(Scheduler.class, scheduler),
                128, org.blkflow.scenario.Costs.ZERO, 1, Kernel.V7_0, null);
    }

    /** Runs in zero virtual time, where only counts and lines can be compared. */
    static List<Scenario> instant() {
        return List.of(
                scenario("softirq", 4, 2, 32, device("softirq", 10_000, 0), job("randrw", 4, true, 60, null)),
                scenario("inline", 3, 1, 8, device("none", 0, 0), job("write", 16, true, 80, null)));
    }
}
