package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioField.Group;
import org.blkflow.scenario.ScenarioFields;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every numeric field the table gives a range, one past either end, through the real server: a 400
 * whose problem names that field and its range. The fields are listed from {@link ScenarioFields},
 * so a field added there is checked here without a line written for it.
 */
class ScenarioFieldsHttpTest extends HttpApiTest {

    @Test
    void aValueOutsideEveryDeclaredRangeIs400NamingTheFieldAndTheRange() throws Exception {
        List<String> checked = new ArrayList<>();
        for (ScenarioField<?, ?> f : ScenarioFields.all()) {
            long[] range = f.limits();
            if (range == null) continue;
            for (long bad : new long[] {range[0] - 1, range[1] + 1}) {
                String path = f.group() == Group.JOB ? "jobs[0]." + f.name() : f.path();
                Http.Reply r = http.post("/api/scenario/link", body(f, bad));
                assertEquals(400, r.status(), path + " = " + bad + ": " + r.body());
                JsonNode problem = problemOf(r.body(), path);
                String message = problem.get("message").stringValue();
                assertTrue(message.startsWith(path + " = " + bad + ": must be "), message);
                assertTrue(message.contains(bound(f.minName(), range[0])), path + ": " + message);
                assertTrue(message.contains(f.maxName() != null ? f.maxName() : Long.toString(range[1])), path + ": " + message);
                checked.add(path);
            }
        }
        // Enough to know the loop ran over the three groups; the list itself comes from the table.
        assertTrue(checked.contains("cpus") && checked.contains("device.slots") && checked.contains("jobs[0].bs"), checked.toString());
    }

    private static String bound(String name, long value) {
        return name != null ? name : Long.toString(value);
    }

    /** The scenario JSON with only that field set, at its place: top level, under device, in the one job. */
    private static String body(ScenarioField<?, ?> f, long value) {
        String pair = "\"" + f.name() + "\":" + value;
        return switch (f.group()) {
            case SCENARIO -> "{" + pair + "}";
            case DEVICE -> "{\"device\":{" + pair + "}}";
            case JOB -> "{\"jobs\":[{" + pair + "}]}";
        };
    }

    private static JsonNode problemOf(JsonNode body, String path) {
        for (JsonNode p : body.get("problems")) {
            if (p.get("field").stringValue().equals(path)) return p;
        }
        throw new AssertionError(path + " not named in " + body);
    }
}
