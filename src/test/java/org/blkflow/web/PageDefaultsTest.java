package org.blkflow.web;

import static org.blkflow.model.GoldenStreamTest.REGENERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The defaults and limits the page reads instead of repeating them: they are the validators' own. */
class PageDefaultsTest {

    final JsonNode page = JsonMapper.builder().build().readTree(PageDefaults.JSON);

    /**
     * The front end's tests read the page's defaults from frontend/test/page-defaults.json;
     * this keeps it what the server renders (regenerated with the goldens, GoldenStreamTest.REGENERATE).
     */
    @Test
    void theFrontEndsFixtureIsWhatThePageGets() throws Exception {
        Path file = Path.of("frontend/test/page-defaults.json");
        String actual = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(page) + "\n";
        if (Boolean.getBoolean("golden.update")) Files.writeString(file, actual);
        assertEquals(actual, Files.readString(file), file + " is not what PageDefaults renders; review the change, then " + REGENERATE);
    }

    @Test
    void theDefaultScenarioAndJobAreTheServersDefaults() {
        assertEquals(ScenarioJsonWriter.write(ScenarioDefaults.scenario()).toString(), page.get("scenario").toString());
        assertEquals(page.get("scenario").get("jobs").get(0), page.get("job"));
        assertEquals(ScenarioDefaults.XEN_RING_SLOTS, page.get("xenRingSlots").asInt());
        assertEquals(SessionLimits.MAX_STEP, page.get("session").get("maxStep").asInt());
    }

    /** Each range's ends are accepted by the validator and one past either end is refused, naming the field. */
    @Test
    void everyTopLevelRangeIsTheValidatorsRange() {
        for (String field : List.of("cpus", "hwQueues", "queueDepth", "device.maxSectors", "device.maxSegments",
                "device.slots", "device.completionNs")) {
            JsonNode r = page.get("limits").get(field);
            long lo = r.get(0).asLong(), hi = r.get(1).asLong();
            assertEquals("[]", problems(field, lo), field + " = " + lo);
            assertEquals("[]", problems(field, hi), field + " = " + hi);
            assertTrue(problems(field, lo - 1).contains(field), field + " = " + (lo - 1));
            assertTrue(problems(field, hi + 1).contains(field), field + " = " + (hi + 1));
        }
    }

    @Test
    void choicesAreTheValidatorsLists() {
        assertEquals(Mode.values().length, page.get("choices").get("mode").size());
        assertEquals("xen-blkfront", page.get("choices").get("device.driver").get(1).asString());
        assertFalse(page.get("choices").get("jobs.rw").isEmpty());
    }

    /** The kernel switch is offered, and 7.0's schedulers are exactly the ones a 7.0 scenario is allowed. */
    @Test
    void kernelsAndSevenZeroSchedulersAreOffered() {
        JsonNode kernels = page.get("choices").get("kernel");
        assertEquals("[\"3.16\",\"7.0\"]", kernels.toString());
        List<String> accepted70 = new java.util.ArrayList<>();
        for (JsonNode sched : page.get("choices").get("scheduler")) {
            ObjectNode json = ((ObjectNode) page.get("scenario")).deepCopy();
            json.put("kernel", "7.0");
            json.put("scheduler", sched.asString());
            if (problemsOf(json).equals("[]")) accepted70.add(sched.asString());
        }
        assertEquals(List.of("none", "mq-deadline", "kyber"), accepted70);
        assertTrue(page.get("choices").get("scheduler").toString().contains("\"cfq\""));
    }

    @Test
    void theJsonCannotCloseItsScriptElement() {
        assertFalse(PageDefaults.JSON.contains("</"));
    }

    /** The fields the server names for the default scenario with one value changed, read as JSON. */
    private String problems(String path, long value) {
        ObjectNode json = ((ObjectNode) page.get("scenario")).deepCopy();
        String[] at = path.split("\\.");
        ObjectNode parent = at.length == 1 ? json : (ObjectNode) json.get(at[0]);
        parent.put(at[at.length - 1], value);
        return problemsOf(json);
    }

    private static String problemsOf(ObjectNode json) {
        try {
            return ScenarioValidator.validate(ScenarioJson.read(json)).stream().map(Problem::field).toList().toString();
        } catch (ScenarioRejected e) {
            return e.problems().stream().map(Problem::field).toList().toString();
        }
    }
}
