package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The points of a sweep: the base scenario with every combination of the varied values (the first
 * key of {@code vary} outermost), each one read and validated before anything runs, so a sweep
 * either runs whole or is refused with the point and the field at fault.
 */
final class SweepPlan {

    /** Enough for five CPU counts × three modes × four cost settings; more is a batch job, not a page. */
    static final int MAX_POINTS = 64;
    /** Twice one run's bound: a sweep answers in seconds on the two sweep threads. */
    static final long MAX_BIOS = 4_000_000;
    static final List<String> FIELDS = List.of("scenario", "vary");

    /** One point: its position in the product, the values it sets (keyed by path) and its scenario. */
    record Point(int index, int of, ObjectNode values, Scenario scenario) {
    }

    private SweepPlan() {
    }

    /** Throws ScenarioRejected or ApiException (400, or 413 when the sweep is too large). */
    static List<Point> of(JsonNode body) {
        JsonFields f = new JsonFields();
        if (f.object(body, "", FIELDS)) {
            JsonNode vary = JsonFields.present(body, "vary");
            if (vary == null || !vary.isObject() || vary.isEmpty()) {
                f.problem("vary", vary, "must be an object naming at least one field, e.g. {\"cpus\": [1, 2, 4]}");
            }
        }
        refuseIf(f.problems(), HttpStatus.BAD_REQUEST, "invalid sweep");
        ObjectNode base = normalizedBase(JsonFields.present(body, "scenario"));
        List<Map.Entry<String, JsonNode>> vary = new ArrayList<>(body.get("vary").properties());
        checkAxes(base, vary);
        List<Point> points = new ArrayList<>();
        int n = vary.stream().mapToInt(e -> e.getValue().size()).reduce(1, (a, b) -> a * b);
        for (int i = 0; i < n; i++) {
            points.add(point(base, vary, i, n));
        }
        checkTotalBios(points);
        return points;
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
                points = Math.min(points * values.size(), MAX_POINTS + 1);
            }
        }
        refuseIf(problems, HttpStatus.BAD_REQUEST, "invalid sweep");
        if (points > MAX_POINTS) {
            refuseIf(List.of(Problem.tooLarge("vary", "more than " + MAX_POINTS + " points",
                    "the product of the lists must be at most " + MAX_POINTS + " points")),
                    HttpStatus.CONTENT_TOO_LARGE, "sweep too large");
        }
    }

    /** Point index counts in the product like a number whose last digit is the last key of vary. */
    private static Point point(ObjectNode base, List<Map.Entry<String, JsonNode>> vary, int index, int n) {
        int[] choice = new int[vary.size()];
        int rest = index;
        for (int k = vary.size() - 1; k >= 0; k--) {
            choice[k] = rest % vary.get(k).getValue().size();
            rest /= vary.get(k).getValue().size();
        }
        ObjectNode json = base.deepCopy();
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (int k = 0; k < vary.size(); k++) {
            JsonNode value = vary.get(k).getValue().get(choice[k]);
            values.set(vary.get(k).getKey(), value);
            ScenarioPath.set(json, vary.get(k).getKey(), value);
        }
        return new Point(index, n, values, validPoint(json, index, values));
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

    private static void checkTotalBios(List<Point> points) {
        long bios = points.stream().mapToLong(p -> ScenarioValidator.bios(p.scenario())).sum();
        if (bios > MAX_BIOS) {
            refuseIf(List.of(Problem.tooLarge("vary", bios, "the points would submit " + bios
                    + " bios in all; at most " + MAX_BIOS + " per sweep")), HttpStatus.CONTENT_TOO_LARGE,
                    "sweep too large");
        }
    }

    private static void refuseIf(List<Problem> problems, HttpStatus status, String error) {
        if (!problems.isEmpty()) {
            throw new ApiException(status, error, problems.get(0).message(), problems);
        }
    }
}
