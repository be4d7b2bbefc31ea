package org.blkflow.scenario;

import java.util.List;

/**
 * What a scenario means when a field is left out: null_blk's module defaults for the device and the
 * queues, fio's defaults for a job. JSON bodies and links fill absent fields from here.
 */
public final class ScenarioDefaults {

    public static final String NAME = "untitled";
    public static final long SEED = 1;
    public static final String MODE = "mq";
    public static final int CPUS = 4;
    /** null_blk's submit_queues: 0 means 1. */
    public static final int HW_QUEUES = 1;
    /** null_blk's hw_queue_depth. */
    public static final int QUEUE_DEPTH = 64;
    public static final int RESERVED_TAGS = 0;
    public static final boolean MERGING = true;
    /** xen-blkfront's BLK_RING_SIZE for one 4 KiB ring page: the ring a device with slots 0 gets. */
    public static final int XEN_RING_SLOTS = 32;

    private ScenarioDefaults() {
    }

    /** null_blk: completion_nsec 10000, irqmode softirq; the 3.16 queue limits 255 sectors, 128 segments. */
    public static Device device() {
        return new Device(10_000, "softirq", 255, 128, 0);
    }

    /** fio's defaults (rw=read, bs=4k, iodepth=1, ioengine=sync) on every CPU, over a 1 GiB region. */
    public static Job job() {
        return new Job("fio", null, "read", 50, 4096, 1, "sync", false, false, 32, 0, 1L << 30);
    }

    /** Unlike the records' old constructor, a scenario a user writes costs CPU time: {@link Costs#DEFAULT}. */
    public static Scenario scenario() {
        return new Scenario(NAME, SEED, MODE, CPUS, HW_QUEUES, QUEUE_DEPTH, RESERVED_TAGS, null, MERGING,
                device(), List.of(job()), Scenario.DEFAULT_SCHEDULER, Scenario.DEFAULT_NR_REQUESTS, Costs.DEFAULT);
    }
}
