package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import org.blkflow.runs.SweepPlan;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of POST /api/sweeps read into a plan: the base scenario with every combination of the
 * varied values, each point read and validated before anything runs, so a sweep either runs whole
 * or is refused with the point and the field at fault. {@code values} holds what each point sets,
 * keyed by path, in the plan's order: the answer echoes it. Public for the command line's
 * {@code sweep}, which takes the same body.
 */
public record SweepRequest(SweepPlan plan, List<ObjectNode> values) {

    static final List<String> FIELDS = List.of("scenario", "vary");

    /** Throws ScenarioRejected, ApiException (400) or SweepRefused (413). */
    public static SweepRequest of(JsonNode body) {
        JsonFields f = new JsonFields();
        if (f.object(body, "", FIELDS)) {
            JsonNode vary = JsonFields.present(body, "vary");
            if (vary == null || !vary.isObject() || vary.isEmpty()) {
                f.problem("vary", vary, "must be an object naming at least one field, e.g. {\"cpus\": [1, 2, 4]}");
            }
        }
        refuseIf(f.problems());
        JsonNode given = JsonFields.present(body, "scenario");
        ObjectNode base = normalizedBase(given);
        // A 3.16 scenario is written without its kernel; a sweep names it to vary it.
        if (!base.has("kernel")) base.put("kernel", "3.16");
        List<Map.Entry<String, JsonNode>> vary = new ArrayList<>(body.get("vary").properties());
        // A point of another kernel takes that kernel's default scheduler (elevator_set_default), unless
        // the scenario or the sweep names one: 3.16's noop is no 7.0 scheduler, nor 7.0's none a 3.16 one.
        boolean defaultScheduler = (given == null || !given.has("scheduler"))
                && vary.stream().noneMatch(e -> e.getKey().equals("scheduler"));
        checkAxes(base, vary);
        int[] sizes = vary.stream().mapToInt(e -> e.getValue().size()).toArray();
        int n = Arrays.stream(sizes).reduce(1, (a, b) -> a * b);
        List<Scenario> scenarios = new ArrayList<>(n);
        List<ObjectNode> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] choice = SweepPlan.choices(i, sizes);
            ObjectNode json = base.deepCopy();
            ObjectNode set = JsonNodeFactory.instance.objectNode();
            for (int k = 0; k < vary.size(); k++) {
                JsonNode value = vary.get(k).getValue().get(choice[k]);
                set.set(vary.get(k).getKey(), value);
                ScenarioPath.set(json, vary.get(k).getKey(), value);
            }
            if (defaultScheduler && set.has("kernel")) json.remove("scheduler");
            scenarios.add(validPoint(json, i, set));
            values.add(set);
        }
        refuseIf(withoutEffect(vary, scenarios));
        return new SweepRequest(SweepPlan.of(scenarios), List.copyOf(values));
    }

    private static ObjectNode normalizedBase(JsonNode scenario) {
        try {
            return ScenarioJsonWriter.write(ScenarioJson.read(scenario == null ? JsonNodeFactory.instance.objectNode()
                    : scenario));
        } catch (ScenarioRejected e) {
            throw new ScenarioRejected("invalid scenario", e.problems().stream()
                    .map(p -> new Problem("scenario." + p.field(), p.value(), "scenario." + p.message(), false))
                    .toList(), e.omitted());
        }
    }

    /** Each key a field of the scenario, each value a non-empty list, and at most MAX_POINTS in all. */
    private static void checkAxes(ObjectNode base, List<Map.Entry<String, JsonNode>> vary) {
        List<Problem> problems = new ArrayList<>();
        long points = 1;
        for (Map.Entry<String, JsonNode> axis : vary) {
            String at = "vary." + axis.getKey();
            JsonNode values = axis.getValue();
            if (!values.isArray() || values.isEmpty()) {
                problems.add(Problem.of(at, values, "must be a non-empty list of values"));
            } else if (!ScenarioPath.set(base.deepCopy(), axis.getKey(), values.get(0))) {
                problems.add(Problem.of(at, values, "names no scenario field; write a field's path such as cpus, "
                        + "device.irqMode, costs.lockNs or jobs[0].iodepth"));
            } else {
                points = Math.min(points * values.size(), SweepPlan.MAX_POINTS + 1);
            }
        }
        refuseIf(problems);
        SweepPlan.checkPoints(points);
    }

    /**
     * An axis whose field counts at no point (the backend's vCPUs on a null_blk device, an io_uring
     * option on libaio) would draw a flat line that looks like a finding: refused, naming when it counts.
     */
    private static List<Problem> withoutEffect(List<Map.Entry<String, JsonNode>> vary, List<Scenario> points) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> axis : vary) {
            ScenarioPath.Named named = ScenarioPath.named(axis.getKey());
            if (named == null) continue;
            ScenarioField<?, ?> field = ScenarioFields.all().stream().filter(f -> f.path().equals(named.field())).findFirst().orElse(null);
            if (field == null) continue;
            int j = named.index();
            boolean counts = points.stream().anyMatch(s -> field.inEffect(s, j >= 0 && j < s.jobs().size() ? s.jobs().get(j) : null));
            if (!counts) {
                problems.add(Problem.of("vary." + axis.getKey(), axis.getValue(),
                        "changes nothing at any point of this sweep: it counts only when " + field.inEffectWhen()));
            }
        }
        return problems;
    }

    private static Scenario validPoint(ObjectNode json, int index, ObjectNode values) {
        List<Problem> problems;
        try {
            Scenario s = ScenarioJson.read(json);
            problems = ScenarioValidator.validate(s);
            if (problems.isEmpty()) {
                return s;
            }
        } catch (ScenarioRejected e) {
            problems = e.problems();
        }
        String where = "point " + index + " " + values + ": ";
        throw new ScenarioRejected("invalid sweep point", problems.stream()
                .map(p -> new Problem(p.field(), p.value(), where + p.message(), p.tooLarge())).toList());
    }

    private static void refuseIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid sweep", problems.get(0).message(), problems);
        }
    }
}
