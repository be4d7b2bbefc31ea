package org.blkflow.web;

import org.blkflow.scenario.Job;
import org.blkflow.scenario.Scenario;

/**
 * TEMPORARY cross-field checks for a scenario loaded over the socket, until the api branch's
 * ScenarioValidator lands on main. Per-field ranges are already checked while reading.
 */
final class SessionScenarioCheck {

    private SessionScenarioCheck() {
    }

    static void check(Scenario s) {
        if (s.reservedTags() >= s.queueDepth()) {
            throw error("scenario.reservedTags", "must be less than queueDepth");
        }
        if (s.mapping() != null) {
            if (s.mapping().size() != s.cpus()) {
                throw error("scenario.mapping", "must give one hctx for each of the " + s.cpus() + " CPUs");
            }
            if (s.mapping().stream().anyMatch(h -> h >= s.hwQueues())) {
                throw error("scenario.mapping", "names an hctx beyond hwQueues");
            }
        }
        if (s.jobs().isEmpty()) {
            throw error("scenario.jobs", "must list at least one job");
        }
        for (int i = 0; i < s.jobs().size(); i++) {
            check(s, s.jobs().get(i), "scenario.jobs[" + i + "]");
        }
    }

    private static void check(Scenario s, Job j, String at) {
        if (j.bs() % 512 != 0) {
            throw error(at + ".bs", "must be a multiple of 512");
        }
        if (j.cpus() != null && j.cpus().stream().anyMatch(c -> c >= s.cpus())) {
            throw error(at + ".cpus", "names a CPU beyond cpus");
        }
        if (j.size() < j.bs()) {
            throw error(at + ".size", "must hold at least one bs");
        }
    }

    private static SessionCommandError error(String field, String problem) {
        return new SessionCommandError("load", field, field + " " + problem);
    }
}
