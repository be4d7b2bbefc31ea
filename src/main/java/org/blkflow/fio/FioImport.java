package org.blkflow.fio;

import java.util.List;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;

/**
 * A fio job file read as blkflow jobs, with every option that had no effect and why.
 *
 * @param ignored options left out or only partly used, in file order
 */
public record FioImport(List<Job> jobs, List<Ignored> ignored) {

    public record Ignored(String job, String option, String reason) {
    }

    /** For the default kernel, 3.16. */
    public static FioImport read(String jobFile) {
        return read(jobFile, Kernel.V3_16);
    }

    /**
     * The jobs as a scenario of {@code kernel} can run them: io_uring and its polled completion
     * (hipri) only under 7.0, since 3.16 had neither; under 3.16 io_uring is read as libaio and the
     * reason is listed.
     */
    public static FioImport read(String jobFile, Kernel kernel) {
        return FioJobs.map(FioJobFile.parse(jobFile), kernel);
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
