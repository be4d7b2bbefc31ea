package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one {@code job=} value: the job's name, then comma-separated {@code key:value} pairs. A bare
 * number after {@code cpus:} continues the CPU list, so {@code cpus:0-3,6} reads as CPUs 0,1,2,3,6; the
 * same after {@code devs:} continues the device list.
 */
final class JobLinkReader {

    /** Every job field's key in link order; the name has none (it comes first). */
    static final List<String> KEYS = ScenarioFields.linkOrdered(ScenarioField.Group.JOB).stream()
            .map(ScenarioField::linkKey).filter(k -> k != null).toList();

    private final String at;
    private final JobDraft job;
    private final ProblemList problems;
    private final Set<String> given = new HashSet<>();
    /** The list field (cpus, devices) a bare number continues, or null. */
    private ScenarioField<Job, List<Integer>> inList;

    JobLinkReader(String at, JobDraft job, ProblemList problems) {
        this.at = at;
        this.job = job;
        this.problems = problems;
    }

    void read(String value) {
        String[] tokens = value.split(",", -1);
        int first = 0;
        if (!tokens[0].contains(":")) {
            job.set(ScenarioFields.JOB_NAME, tokens[0]);
            first = 1;
        }
        for (int i = first; i < tokens.length; i++) {
            readToken(tokens[i]);
        }
    }

    private void readToken(String token) {
        int colon = token.indexOf(':');
        String key = colon < 0 ? null : token.substring(0, colon);
        String field = at + "." + (key == null ? inList == null ? "cpus" : inList.linkKey() : key);
        try {
            if (key == null && inList != null) {
                LinkValues.parseCpuItem(token, job.get(inList));
            } else if (key == null || !KEYS.contains(key)) {
                throw new IllegalArgumentException("must be key:value with key one of " + String.join(", ", KEYS));
            } else if (!given.add(key)) {
                inList = null;
                throw new IllegalArgumentException("is given more than once in this job");
            } else {
                inList = null;
                apply(key, token.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            problems.add(key == null && inList == null ? at : field, token, e.getMessage());
        }
    }

    private void apply(String key, String v) {
        ScenarioField<?, ?> f = LinkReader.byLinkKey(ScenarioField.Group.JOB, key);
        if (f.type() == ScenarioField.Type.CPU_LIST) {
            @SuppressWarnings("unchecked")
            ScenarioField<Job, List<Integer>> list = (ScenarioField<Job, List<Integer>>) f;
            readList(list, v);
        } else {
            job.put(f, LinkValues.parse(f, v));
        }
    }

    private void readList(ScenarioField<Job, List<Integer>> f, String v) {
        if (v.equals("all")) {
            job.set(f, null);
            return;
        }
        List<Integer> items = new ArrayList<>();
        job.set(f, items);
        inList = f;
        LinkValues.parseCpuItem(v, items);
    }
}
