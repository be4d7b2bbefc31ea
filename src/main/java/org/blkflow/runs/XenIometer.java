package org.blkflow.runs;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Scenario;

/**
 * The experiment multi-queue xen-blkfront was published with (lkml, 2015): a 16-vCPU guest running
 * fio's IOmeter-like job (random, 80 % reads, iodepth 64; 4 KiB until fio's block-size mixes exist)
 * against a null_blk in dom0, with 1 to 32 jobs, one ring against 16. Each job is a task on its own
 * vCPU up to 16; 32 jobs put two on each.
 */
public final class XenIometer {

    public static final int GUEST_CPUS = 16;
    public static final List<Integer> JOBS = List.of(1, 4, 8, 16, 32);
    public static final List<Integer> RINGS = List.of(1, 16);
    /** Bios per task: enough for a steady state well past the ramp of the first iodepth. */
    public static final int IOS = 500;
    /** dom0's null_blk: 20 µs, the latency the issue measured with. */
    public static final long COMPLETION_NS = 20_000;
    /** 16 dom0 vCPUs, one per ring, and grants mapped per request: see the README for why. */
    public static final Backend BACKEND = new Backend(16, false, 1);

    private XenIometer() {
    }

    /** The guest with {@code rings} rings (one per hctx) and {@code jobs} IOmeter tasks. */
    public static Scenario scenario(int rings, int jobs, int ios) {
        return scenario(rings, jobs, ios, BACKEND);
    }

    /** As {@link #scenario(int, int, int)} with another backend. */
    public static Scenario scenario(int rings, int jobs, int ios, Backend backend) {
        // blkfront's tag set is as deep as its ring (queue_depth = BLK_RING_SIZE).
        Device device = new Device(COMPLETION_NS, "timer", 255, 128, 0, Device.XEN, "per-hctx", backend);
        return new Scenario("xen-blkfront: IOmeter, " + rings + (rings == 1 ? " ring" : " rings"), 1, "mq",
                GUEST_CPUS, rings, backend.ringSlots(), 0, null, true, device, jobsOf(jobs, ios), "noop", 128,
                Costs.DEFAULT, 1);
    }

    /** The jobs as fio places them: one task per vCPU in order, wrapping round once there are more. */
    public static List<Job> jobsOf(int jobs, int ios) {
        List<Job> out = new ArrayList<>();
        for (int first = 0; first < jobs; first += GUEST_CPUS) {
            List<Integer> cpus = new ArrayList<>();
            for (int c = 0; c < Math.min(GUEST_CPUS, jobs - first); c++) cpus.add(c);
            out.add(new Job("iometer" + (first == 0 ? "" : "-" + first / GUEST_CPUS), cpus, "randrw", 80, 4096, 64,
                    "libaio", false, false, ios, 0, 1L << 30));
        }
        return out;
    }

    /** Every point, rings outermost, as the sweep varies hwQueues then jobs. */
    public static List<Scenario> points(int ios, Backend backend) {
        List<Scenario> points = new ArrayList<>();
        for (int rings : RINGS) {
            for (int jobs : JOBS) points.add(scenario(rings, jobs, ios, backend));
        }
        return points;
    }
}
