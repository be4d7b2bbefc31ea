package org.blkflow.scenario;

/** A job being read field by field; starts at fio's defaults, on every CPU. */
public final class JobDraft extends FieldDraft<Job> {

    public JobDraft() {
        super(Job.class, ScenarioField.Group.JOB);
    }

    public static JobDraft of(Job job) {
        JobDraft d = new JobDraft();
        d.copy(job);
        return d;
    }

    @Override
    public <T> JobDraft set(ScenarioField<Job, T> field, T value) {
        super.set(field, value);
        return this;
    }
}
