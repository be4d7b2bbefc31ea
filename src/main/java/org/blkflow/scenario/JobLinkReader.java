package org.blkflow.scenario;

import static org.blkflow.scenario.LinkValues.parseBool;
import static org.blkflow.scenario.LinkValues.parseInt;
import static org.blkflow.scenario.LinkValues.parseSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one {@code job=} value: the job's name, then comma-separated {@code key:value} pairs. A bare
 * number after {@code cpus:} continues the CPU list, so {@code cpus:0-3,6} reads as CPUs 0,1,2,3,6.
 */
final class JobLinkReader {

    static final List<String> KEYS = List.of("rw", "mix", "bs", "qd", "engine", "sync", "plug", "cpus", "n",
            "off", "size");

    private final String at;
    private final JobDraft job;
    private final ProblemList problems;
    private final Set<String> given = new HashSet<>();
    private boolean inCpus;

    JobLinkReader(String at, JobDraft job, ProblemList problems) {
        this.at = at;
        this.job = job;
        this.problems = problems;
    }

    void read(String value) {
        String[] tokens = value.split(",", -1);
        int first = 0;
        if (!tokens[0].contains(":")) {
            job.name = tokens[0];
            first = 1;
        }
        for (int i = first; i < tokens.length; i++) {
            readToken(tokens[i]);
        }
    }

    private void readToken(String token) {
        int colon = token.indexOf(':');
        String key = colon < 0 ? null : token.substring(0, colon);
        String field = at + "." + (key == null ? "cpus" : key);
        try {
            if (key == null && inCpus) {
                LinkValues.parseCpuItem(token, job.cpus);
            } else if (key == null || !KEYS.contains(key)) {
                throw new IllegalArgumentException("must be key:value with key one of " + String.join(", ", KEYS));
            } else if (!given.add(key)) {
                inCpus = false;
                throw new IllegalArgumentException("is given more than once in this job");
            } else {
                inCpus = key.equals("cpus");
                apply(key, token.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            problems.add(key == null && !inCpus ? at : field, token, e.getMessage());
        }
    }

    private void apply(String key, String v) {
        switch (key) {
            case "rw" -> job.rw = v;
            case "mix" -> job.rwmixread = parseInt(v);
            case "bs" -> job.bs = (int) parseSize(v, Integer.MAX_VALUE);
            case "qd" -> job.iodepth = parseInt(v);
            case "engine" -> job.ioengine = v;
            case "sync" -> job.sync = parseBool(v);
            case "plug" -> job.plug = parseBool(v);
            case "cpus" -> readCpus(v);
            case "n" -> job.ios = parseInt(v);
            case "off" -> job.offset = parseSize(v, JobValidator.MAX_BYTES);
            case "size" -> job.size = parseSize(v, JobValidator.MAX_BYTES);
            default -> throw new IllegalStateException(key);
        }
    }

    private void readCpus(String v) {
        if (v.equals("all")) {
            job.cpus = null;
            inCpus = false;
            return;
        }
        job.cpus = new ArrayList<>();
        LinkValues.parseCpuItem(v, job.cpus);
    }
}
