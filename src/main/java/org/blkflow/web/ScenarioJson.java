package org.blkflow.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.CostsDraft;
import org.blkflow.scenario.DeviceDraft;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.NumaNodes;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import tools.jackson.databind.JsonNode;

/**
 * Reads a scenario from a JSON tree by hand, so every mistake is reported with its path, the value
 * given and what is allowed; absent (or null) fields take the defaults. Range rules are not checked
 * here but by {@link org.blkflow.scenario.ScenarioValidator}. {@link ScenarioJsonWriter} writes it back.
 */
public final class ScenarioJson {

    static final List<String> FIELDS = List.of("name", "seed", "mode", "scheduler", "nrRequests", "cpus", "smt", "hwQueues",
            "queueDepth", "reservedTags", "mapping", "merging", "costs", "device", "jobs", "kernel", "numaNodes");
    static final List<String> DEVICE_FIELDS = List.of("completionNs", "irqMode", "maxSectors", "maxSegments", "slots",
            "driver", "rings");
    static final List<String> COST_FIELDS = Arrays.stream(CostField.values()).map(CostField::json).toList();
    static final List<String> JOB_FIELDS = List.of("name", "cpus", "rw", "rwmixread", "bs", "iodepth", "ioengine",
            "sync", "plug", "ios", "offset", "size");

    private final JsonFields f = new JsonFields();

    private ScenarioJson() {
    }

    /** The scenario, normalized but not validated; throws {@link ScenarioRejected} for shape errors. */
    public static Scenario read(JsonNode root) {
        ScenarioJson reader = new ScenarioJson();
        ScenarioDraft draft = new ScenarioDraft();
        if (reader.f.object(root, "", FIELDS)) {
            reader.readScenario(root, draft);
        }
        if (!reader.f.problems().isEmpty()) {
            throw new ScenarioRejected("invalid scenario", reader.f.problems(), reader.f.omitted());
        }
        return draft.build();
    }

    private void readScenario(JsonNode o, ScenarioDraft d) {
        f.string(o, "", "name", v -> d.name = v);
        f.longInteger(o, "", "seed", v -> d.seed = v);
        f.string(o, "", "mode", v -> d.mode = v);
        f.string(o, "", "kernel", v -> d.kernel = v);
        f.string(o, "", "scheduler", v -> d.scheduler = v);
        f.integer(o, "", "nrRequests", v -> d.nrRequests = v);
        f.integer(o, "", "smt", v -> d.smt = v);
        f.integer(o, "", "cpus", v -> d.cpus = v);
        d.numaNodes = nodes(JsonFields.present(o, "numaNodes"));
        f.integer(o, "", "hwQueues", v -> d.hwQueues = v);
        f.integer(o, "", "queueDepth", v -> d.queueDepth = v);
        f.integer(o, "", "reservedTags", v -> d.reservedTags = v);
        d.mapping = list(JsonFields.present(o, "mapping"), "mapping", "kernel", "a list with one hctx per CPU");
        f.bool(o, "", "merging", v -> d.merging = v);
        JsonNode costs = JsonFields.present(o, "costs");
        if (costs != null && f.object(costs, "costs", COST_FIELDS)) {
            readCosts(costs, d.costs);
        }
        JsonNode device = JsonFields.present(o, "device");
        if (device != null && f.object(device, "device", DEVICE_FIELDS)) {
            readDevice(device, d.device);
        }
        JsonNode jobs = JsonFields.present(o, "jobs");
        if (jobs != null) {
            d.jobs = readJobs(jobs);
        }
    }

    private void readDevice(JsonNode o, DeviceDraft d) {
        f.longInteger(o, "device", "completionNs", v -> d.completionNs = v);
        f.string(o, "device", "irqMode", v -> d.irqMode = v);
        f.integer(o, "device", "maxSectors", v -> d.maxSectors = v);
        f.integer(o, "device", "maxSegments", v -> d.maxSegments = v);
        f.integer(o, "device", "slots", v -> d.slots = v);
        f.string(o, "device", "driver", v -> d.driver = v);
        f.string(o, "device", "rings", v -> d.rings = v);
    }

    /** Costs left out keep their defaults, so {"costs": {"lockNs": 0}} changes one entry. */
    private void readCosts(JsonNode o, CostsDraft d) {
        for (CostField c : CostField.values()) {
            f.longInteger(o, "costs", c.json(), v -> d.set(c, v));
        }
    }

    private List<JobDraft> readJobs(JsonNode jobs) {
        List<JobDraft> out = new ArrayList<>();
        if (!jobs.isArray()) {
            f.problem("jobs", jobs, "must be a list of job objects");
            return null;
        }
        for (int i = 0; i < jobs.size(); i++) {
            String at = "jobs[" + i + "]";
            JobDraft job = new JobDraft();
            if (f.object(jobs.get(i), at, JOB_FIELDS)) {
                readJob(jobs.get(i), at, job);
            }
            out.add(job);
        }
        return out;
    }

    private void readJob(JsonNode o, String at, JobDraft j) {
        f.string(o, at, "name", v -> j.name = v);
        j.cpus = list(JsonFields.present(o, "cpus"), at + ".cpus", "all", "a list of CPU numbers");
        f.string(o, at, "rw", v -> j.rw = v);
        f.integer(o, at, "rwmixread", v -> j.rwmixread = v);
        f.integer(o, at, "bs", v -> j.bs = v);
        f.integer(o, at, "iodepth", v -> j.iodepth = v);
        f.string(o, at, "ioengine", v -> j.ioengine = v);
        f.bool(o, at, "sync", v -> j.sync = v);
        f.bool(o, at, "plug", v -> j.plug = v);
        f.integer(o, at, "ios", v -> j.ios = v);
        f.longInteger(o, at, "offset", v -> j.offset = v);
        f.longInteger(o, at, "size", v -> j.size = v);
    }

    /** numaNodes: ["0-3", "4-7"], one cpulist per node; absent or null for one node. */
    private List<List<Integer>> nodes(JsonNode v) {
        if (v == null) return null;
        if (!v.isArray()) {
            f.problem("numaNodes", v, "must be a list of CPU lists, one per node, such as [\"0-3\", \"4-7\"]");
            return null;
        }
        if (v.size() > ScenarioValidator.MAX_CPUS) {
            // Refused before any node is read: no more nodes than a scenario may have CPUs.
            f.problem("numaNodes", v, "must list at most " + ScenarioValidator.MAX_CPUS + " nodes");
            return null;
        }
        List<List<Integer>> nodes = new ArrayList<>();
        for (int n = 0; n < v.size(); n++) {
            JsonNode node = v.get(n);
            try {
                if (!node.isString()) throw new IllegalArgumentException("must be a CPU list such as \"0-3,8\"");
                nodes.add(NumaNodes.parse(node.stringValue()));
            } catch (IllegalArgumentException e) {
                f.problem("numaNodes[" + n + "]", node, e.getMessage());
            }
        }
        return nodes;
    }

    /** A field that is either a keyword ("kernel", "all", meaning null) or a list of numbers. */
    private List<Integer> list(JsonNode v, String field, String keyword, String what) {
        if (v == null || (v.isString() && v.stringValue().equals(keyword))) {
            return null;
        }
        if (!v.isArray()) {
            f.problem(field, v, "must be \"" + keyword + "\" or " + what);
            return null;
        }
        return f.integers(v, field);
    }
}
