package org.blkflow.fio;

import java.util.List;
import org.blkflow.scenario.Job;

/**
 * A fio job file read as blkflow jobs, with every option that had no effect and why.
 *
 * @param ignored options left out or only partly used, in file order
 */
public record FioImport(List<Job> jobs, List<Ignored> ignored) {

    public record Ignored(String job, String option, String reason) {
    }

    public static FioImport read(String jobFile) {
        return FioJobs.map(FioJobFile.parse(jobFile));
    }

    /** Enough CPUs to run every job: one past the highest pinned CPU, and at least 1. */
    public int cpusNeeded() {
        int max = 0;
        for (Job j : jobs) {
            if (j.cpus() != null) for (int c : j.cpus()) max = Math.max(max, c + 1);
        }
        return Math.max(1, max);
    }
}
