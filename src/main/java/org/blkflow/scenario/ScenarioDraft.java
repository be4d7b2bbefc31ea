package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario being read field by field (from JSON, a link or a preset): it starts at the defaults,
 * readers overwrite what is present, and {@link #build()} gives the normalized record. The device,
 * the jobs and the cost table are drafts of their own.
 */
public final class ScenarioDraft extends FieldDraft<Scenario> {

    public DeviceDraft device = new DeviceDraft();
    /** null = the one default job; an empty list stays empty so validation can reject it. */
    public List<JobDraft> jobs;
    public CostsDraft costs = new CostsDraft();

    public ScenarioDraft() {
        super(Scenario.class, ScenarioField.Group.SCENARIO);
    }

    /** A draft holding every field of a scenario, to change some and build again. */
    public static ScenarioDraft of(Scenario s) {
        ScenarioDraft d = new ScenarioDraft();
        d.copy(s);
        d.device = DeviceDraft.of(s.device());
        d.costs = new CostsDraft(s.costs());
        d.jobs(s.jobs());
        return d;
    }

    @Override
    public <T> ScenarioDraft set(ScenarioField<Scenario, T> field, T value) {
        super.set(field, value);
        return this;
    }

    /** The jobs, replaced by these. */
    public ScenarioDraft jobs(List<Job> built) {
        jobs = new ArrayList<>();
        built.forEach(j -> jobs.add(JobDraft.of(j)));
        return this;
    }

    @Override
    public Scenario build() {
        List<Job> built = new ArrayList<>();
        if (jobs == null) {
            built.add(new JobDraft().build());
        } else {
            jobs.forEach(j -> built.add(j.build()));
        }
        Kernel kernel = get(ScenarioFields.KERNEL);
        int cpus = get(ScenarioFields.CPUS);
        int hwQueues = get(ScenarioFields.HW_QUEUES);
        // blk_mq_alloc_tag_set() with one map cuts nr_hw_queues to nr_cpu_ids (null_blk does too).
        int queues = kernel == Kernel.V7_0 && cpus >= 1 ? Math.min(hwQueues, cpus) : hwQueues;
        Scheduler scheduler = get(ScenarioFields.SCHEDULER);
        return construct(name -> switch (name) {
            case "device" -> device.build();
            case "jobs" -> built;
            case "costs" -> costs.build();
            case "hwQueues" -> queues;
            case "scheduler" -> scheduler != null ? scheduler
                    : Scheduler.defaultFor(kernel, queues + device.get(ScenarioFields.POLL_QUEUES));
            default -> get(field(name));
        });
    }
}
