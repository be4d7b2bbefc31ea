package org.blkflow.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.blkflow.scenario.BsSplit;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.CostsDraft;
import org.blkflow.scenario.DeviceDraft;
import org.blkflow.scenario.FieldDraft;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.NumaNodes;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import tools.jackson.databind.JsonNode;

/**
 * Reads a scenario from a JSON tree by hand, so every mistake is reported with its path, the value
 * given and what is allowed; absent (or null) fields take the defaults. Which fields there are and
 * what type each has comes from {@link ScenarioFields}; range rules are checked by
 * {@link ScenarioValidator}. {@link ScenarioJsonWriter} writes it back.
 */
public final class ScenarioJson {

    static final List<String> FIELDS = names(Group.SCENARIO);
    static final List<String> DEVICE_FIELDS = names(Group.DEVICE);
    static final List<String> BACKEND_FIELDS = names(Group.BACKEND);
    static final List<String> COST_FIELDS = Arrays.stream(CostField.values()).map(CostField::json).toList();
    static final List<String> JOB_FIELDS = names(Group.JOB);
    static final List<String> SPLIT_FIELDS = List.of("bs", "percent");
    /** What a bssplit entry's bs and percent must be when they do not read as numbers at all. */
    private static final List<String> SPLIT_RULES = List.of(
            "must be a whole number of bytes, a multiple of 512 up to the job's largest block size",
            "must be a whole number between 0 and 100");

    private final JsonFields f = new JsonFields();

    private ScenarioJson() {
    }

    /**
     * The scenario, normalized but not validated; throws {@link ScenarioRejected} for shape errors,
     * listing with them what the validator finds in the rest (a field read wrongly keeps its default).
     */
    public static Scenario read(JsonNode root) {
        ScenarioJson reader = new ScenarioJson();
        ScenarioDraft draft = new ScenarioDraft();
        if (reader.f.object(root, "", FIELDS)) {
            reader.readFields(root, "", Group.SCENARIO, draft);
        }
        if (!reader.f.problems().isEmpty()) {
            throw new ScenarioRejected("invalid scenario", withTheRest(reader.f.problems(), draft), reader.f.omitted());
        }
        return draft.build();
    }

    /**
     * The shape problems and what the validator finds in the fields that were read well: every
     * problem at once. A field read wrongly kept its default, so rules about it (and about anything in
     * the same top-level field: "jobs", "numaNodes") would judge that default and are left out.
     */
    private static List<Problem> withTheRest(List<Problem> shape, ScenarioDraft draft) {
        List<String> broken = shape.stream().map(p -> root(p.field())).toList();
        List<Problem> all = new ArrayList<>(shape);
        for (Problem p : ScenarioValidator.validate(draft.build())) {
            if (!p.tooLarge() && !broken.contains(root(p.field())) && !namesAny(p, shape)) all.add(p);
        }
        return all;
    }

    /**
     * Whether a rule's message names a field that was read wrongly: "jobs[0].devices = [1]: … (device.count
     * is 1)" judged device.count's default, not what the user wrote, and would mislead.
     */
    private static boolean namesAny(Problem p, List<Problem> shape) {
        String rule = p.message().substring(p.field().length());
        for (Problem s : shape) {
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(s.field()) + "(?![\\w])")
                    .matcher(rule).find()) return true;
        }
        return false;
    }

    /** "jobs[1].bs" → "jobs", "device.slots" → "device". */
    private static String root(String field) {
        return field.split("[.\\[]", 2)[0];
    }

    private static List<String> names(Group group) {
        return ScenarioFields.of(group).stream().map(ScenarioField::name).toList();
    }

    /** Every field of one record, each read as its declared type says. */
    private void readFields(JsonNode o, String at, Group group, FieldDraft<?> into) {
        for (ScenarioField<?, ?> field : ScenarioFields.of(group)) {
            readField(o, at, field, into);
        }
    }

    private void readField(JsonNode o, String at, ScenarioField<?, ?> field, FieldDraft<?> d) {
        String name = field.name();
        String path = JsonFields.path(at, name);
        switch (field.type()) {
            case TEXT -> f.string(o, at, name, v -> d.put(field, v));
            case INT, SIZE -> f.integer(o, at, name, field.readRule(), v -> d.put(field, v));
            case LONG, BYTES -> f.longInteger(o, at, name, field.readRule(), v -> d.put(field, v));
            case BOOL -> f.bool(o, at, name, v -> d.put(field, v));
            case CHOICE -> f.string(o, at, name, field.readRule(), v -> {
                try {
                    d.put(field, field.parseLabel(v));
                } catch (IllegalArgumentException e) {
                    f.problem(path, o.get(name), e.getMessage());
                }
            });
            case CPU_MAP -> d.put(field, list(JsonFields.present(o, name), path, "kernel", "a list with one hctx per CPU",
                    "must be a hardware queue between 0 and hwQueues - 1"));
            // Absent, a list keeps its default: every CPU for cpus, device 0 for devices.
            case CPU_LIST -> {
                boolean devices = field == ScenarioFields.JOB_DEVICES;
                if (JsonFields.present(o, name) != null) d.put(field, list(JsonFields.present(o, name), path, "all",
                        devices ? "a list of device numbers" : "a list of CPU numbers",
                        devices ? "must be a device between 0 and device.count - 1" : "must be a CPU between 0 and cpus - 1"));
            }
            case NODES -> d.put(field, nodes(JsonFields.present(o, name)));
            case BSSPLIT -> d.put(field, splits(JsonFields.present(o, name), path));
            case COSTS -> readCosts(JsonFields.present(o, name), ((ScenarioDraft) d).costs);
            case DEVICE -> {
                JsonNode device = JsonFields.present(o, name);
                if (device != null && f.object(device, name, DEVICE_FIELDS)) {
                    readFields(device, name, Group.DEVICE, ((ScenarioDraft) d).device);
                }
            }
            case BACKEND -> {
                JsonNode backend = JsonFields.present(o, name);
                if (backend != null && f.object(backend, path, BACKEND_FIELDS)) {
                    readFields(backend, path, Group.BACKEND, ((DeviceDraft) d).backend);
                }
            }
            case JOBS -> {
                JsonNode jobs = JsonFields.present(o, name);
                if (jobs != null) ((ScenarioDraft) d).jobs = readJobs(jobs);
            }
        }
    }

    /** Costs left out keep their defaults, so {"costs": {"lockNs": 0}} changes one entry. */
    private void readCosts(JsonNode o, CostsDraft d) {
        if (o == null || !f.object(o, "costs", COST_FIELDS)) return;
        for (CostField c : CostField.values()) {
            f.longInteger(o, "costs", c.json(), CostField.READ_RULE, v -> d.set(c, v));
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
                readFields(jobs.get(i), at, Group.JOB, job);
            }
            out.add(job);
        }
        return out;
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

    /**
     * bssplit: [{"bs": 4096, "percent": 60}, …]; absent or null for one size. A list longer than fio's
     * 64 entries is refused before any entry is read; a malformed one keeps the default (no mix).
     */
    private List<BsSplit> splits(JsonNode v, String path) {
        if (v == null) return null;
        if (!v.isArray()) {
            f.problem(path, v, "must be a list of {\"bs\": bytes, \"percent\": 0-100} objects");
            return null;
        }
        if (v.size() > BsSplit.MAX_ENTRIES) {
            f.problem(path, v, "must list 1 to " + BsSplit.MAX_ENTRIES + " {bs, percent} entries");
            return null;
        }
        List<BsSplit> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode e = v.get(i);
            Integer[] read = new Integer[2];
            if (!f.object(e, at, SPLIT_FIELDS)) {
                ok = false;
                continue;
            }
            for (int k = 0; k < 2; k++) {
                int slot = k;
                if (JsonFields.present(e, SPLIT_FIELDS.get(k)) == null) {
                    f.problem(JsonFields.path(at, SPLIT_FIELDS.get(k)), null, "is required in a bssplit entry");
                }
                f.integer(e, at, SPLIT_FIELDS.get(k), SPLIT_RULES.get(k), x -> read[slot] = x);
            }
            if (read[0] == null || read[1] == null) ok = false;
            else out.add(new BsSplit(read[0], read[1]));
        }
        return ok ? out : null;
    }

    /** A field that is either a keyword ("kernel", "all", meaning null) or a list of numbers. */
    private List<Integer> list(JsonNode v, String field, String keyword, String what, String elementRule) {
        if (v == null || (v.isString() && v.stringValue().equals(keyword))) {
            return null;
        }
        if (!v.isArray()) {
            f.problem(field, v, "must be \"" + keyword + "\" or " + what);
            return null;
        }
        return f.integers(v, field, elementRule);
    }
}
