package org.blkflow.fio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.Kernel;

/** Maps each job section's options onto a blkflow {@link Job}; see {@link FioOption} for each one. */
final class FioJobs {

    /** More jobs than the scenario allows are cut, with a note. */
    static final int MAX_JOBS = 16;

    private FioJobs() {
    }

    static FioImport map(List<FioJobFile.Section> sections, Kernel kernel) {
        List<Job> jobs = new ArrayList<>();
        List<FioImport.Ignored> ignored = new ArrayList<>();
        for (FioJobFile.Section s : sections) {
            if (jobs.size() == MAX_JOBS) {
                ignored.add(new FioImport.Ignored(s.name(), "[" + s.name() + "]", "a scenario has at most " + MAX_JOBS + " jobs"));
                continue;
            }
            jobs.add(job(s, kernel, ignored));
        }
        return new FioImport(List.copyOf(jobs), List.copyOf(ignored));
    }

    private static Job job(FioJobFile.Section s, Kernel kernel, List<FioImport.Ignored> ignored) {
        JobDraft d = new JobDraft();
        d.set(org.blkflow.scenario.ScenarioFields.JOB_NAME, jobName(s.name()));
        FioOption options = new FioOption(s.name(), s.options(), kernel, ignored);
        options.apply(d);
        return d.build();
    }

    static String jobName(String section) {
        String safe = section.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (safe.isEmpty()) safe = "job";
        return safe.length() > 32 ? safe.substring(0, 32) : safe;
    }

    static boolean flag(Map<String, String> options, String key) {
        String v = options.get(key);
        return v != null && (v.isEmpty() || v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
