package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario being read field by field (from JSON or a link): it starts at the defaults, readers
 * overwrite what is present, and {@link #build()} gives the normalized record.
 */
public final class ScenarioDraft {

    public String name = ScenarioDefaults.NAME;
    public long seed = ScenarioDefaults.SEED;
    public String mode = ScenarioDefaults.MODE;
    /** null = the kernel's default: noop in 3.16, elevator_set_default's choice in 7.0. */
    public String scheduler;
    public String kernel = Scenario.KERNEL_316;
    /** null = one NUMA node. */
    public List<List<Integer>> numaNodes;
    public int nrRequests = Scenario.DEFAULT_NR_REQUESTS;
    public int smt = 1;
    public CostsDraft costs = new CostsDraft();
    public int cpus = ScenarioDefaults.CPUS;
    public int hwQueues = ScenarioDefaults.HW_QUEUES;
    public int queueDepth = ScenarioDefaults.QUEUE_DEPTH;
    public int reservedTags = ScenarioDefaults.RESERVED_TAGS;
    /** null = the kernel's map. */
    public List<Integer> mapping;
    public boolean merging = ScenarioDefaults.MERGING;
    public DeviceDraft device = new DeviceDraft();
    /** null = the one default job; an empty list stays empty so validation can reject it. */
    public List<JobDraft> jobs;

    public Scenario build() {
        List<Job> built = new ArrayList<>();
        if (jobs == null) {
            built.add(ScenarioDefaults.job());
        } else {
            jobs.forEach(j -> built.add(j.build()));
        }
        boolean modern = Scenario.KERNEL_70.equals(kernel);
        // blk_mq_alloc_tag_set() with one map cuts nr_hw_queues to nr_cpu_ids (null_blk does too).
        int queues = modern && cpus >= 1 ? Math.min(hwQueues, cpus) : hwQueues;
        return new Scenario(name, seed, mode, cpus, queues, queueDepth, reservedTags, mapping, merging,
                device.build(), built, scheduler != null ? scheduler : defaultScheduler(modern, queues), nrRequests,
                costs.build(), smt, kernel, numaNodes);
    }

    /**
     * 3.16's blk-mq has no elevator (the legacy queue's default is noop); 7.0's elevator_set_default()
     * gives a single-queue device mq-deadline and a multi-queue one none. The model has no poll queues,
     * so nr_hw_queues is hwQueues.
     */
    static String defaultScheduler(boolean modern, int hwQueues) {
        if (!modern) return Scenario.DEFAULT_SCHEDULER;
        return hwQueues == 1 ? ModernRules.MQ_DEADLINE : ModernRules.NONE;
    }
}
