package org.blkflow.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numeric range of each scenario field the editor offers, keyed by its path as error messages
 * name it (a job's fields as "jobs.bs"), so the page takes its input limits from the validators
 * instead of repeating them.
 */
public final class FieldLimits {

    /** blk_queue_max_hw_sectors caps a queue at 1024 sectors; 8 is one 4 KiB page. */
    public static final int MIN_MAX_SECTORS = 8;
    public static final int MAX_MAX_SECTORS = 1024;
    public static final int MAX_MAX_SEGMENTS = 1024;
    /** Threads per core: SMT8 is the most any machine of the model's era had (POWER8). */
    public static final int MAX_SMT = 8;

    private FieldLimits() {
    }

    /** path → the values a string field takes, in the order the editor offers them. */
    public static Map<String, List<String>> choices() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("mode", ScenarioValidator.MODES);
        m.put("kernel", ModernRules.KERNELS);
        // 3.16's elevators for sq, then 7.0's blk-mq schedulers: the editor offers both, the validator
        // says which goes with the scenario's kernel.
        m.put("scheduler", java.util.stream.Stream.concat(ScenarioValidator.SCHEDULERS.stream(),
                ModernRules.SCHEDULERS.stream()).toList());
        m.put("device.irqMode", ScenarioValidator.IRQ_MODES);
        m.put("device.driver", ScenarioValidator.DRIVERS);
        m.put("device.rings", ScenarioValidator.RINGS);
        m.put("jobs.rw", JobValidator.RW);
        m.put("jobs.ioengine", JobValidator.ENGINES);
        return m;
    }

    /** path → {min, max}. */
    public static Map<String, long[]> all() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("cpus", new long[] {1, ScenarioValidator.MAX_CPUS});
        m.put("smt", new long[] {1, MAX_SMT});
        m.put("hwQueues", new long[] {1, ScenarioValidator.MAX_HW_QUEUES});
        m.put("queueDepth", new long[] {1, ScenarioValidator.MAX_QUEUE_DEPTH});
        m.put("reservedTags", new long[] {0, ScenarioValidator.MAX_QUEUE_DEPTH - 1});
        m.put("nrRequests", new long[] {1, ScenarioValidator.MAX_NR_REQUESTS});
        m.put("device.completionNs", new long[] {0, ScenarioValidator.MAX_COMPLETION_NS});
        m.put("device.maxSectors", new long[] {MIN_MAX_SECTORS, MAX_MAX_SECTORS});
        m.put("device.maxSegments", new long[] {1, MAX_MAX_SEGMENTS});
        m.put("device.slots", new long[] {0, ScenarioValidator.MAX_QUEUE_DEPTH});
        m.put("jobs.rwmixread", new long[] {0, 100});
        m.put("jobs.bs", new long[] {512, JobValidator.MAX_BS});
        m.put("jobs.iodepth", new long[] {1, JobValidator.MAX_IODEPTH});
        m.put("jobs.ios", new long[] {1, JobValidator.MAX_IOS});
        m.put("jobs.offset", new long[] {0, JobValidator.MAX_BYTES});
        m.put("jobs.size", new long[] {512, JobValidator.MAX_BYTES});
        return m;
    }
}
