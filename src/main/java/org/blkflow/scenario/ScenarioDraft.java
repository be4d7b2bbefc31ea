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
    public String scheduler = Scenario.DEFAULT_SCHEDULER;
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
        return new Scenario(name, seed, mode, cpus, hwQueues, queueDepth, reservedTags, mapping, merging,
                device.build(), built, scheduler, nrRequests, costs.build(), smt);
    }
}
