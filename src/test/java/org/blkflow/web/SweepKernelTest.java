package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.runs.SweepPlan;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioRejected;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Issue 14: a sweep varies kernel, each point with its kernel's default scheduler unless one is named. */
class SweepKernelTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static SweepRequest sweep(String body) {
        return SweepRequest.of(JSON.readTree(body));
    }

    private static List<String> kernelAndScheduler(SweepRequest r) {
        return r.plan().points().stream().map(SweepPlan.Point::scenario)
                .map(s -> s.kernel().label() + "/" + s.scheduler().label() + "/" + s.hwQueues()).toList();
    }

    @Test
    void eachKernelTakesItsDefaultScheduler() {
        SweepRequest r = sweep("{\"scenario\":{},\"vary\":{\"kernel\":[\"3.16\",\"7.0\"],\"hwQueues\":[1,2]}}");
        assertEquals(List.of("3.16/noop/1", "3.16/noop/2", "7.0/mq-deadline/1", "7.0/none/2"), kernelAndScheduler(r));
        assertEquals("7.0", r.values().get(3).get("kernel").asString());
    }

    @Test
    void aNamedSchedulerIsKeptAndMustSuitEveryKernel() {
        SweepRequest r = sweep("{\"scenario\":{\"kernel\":\"7.0\",\"scheduler\":\"kyber\"},\"vary\":{\"cpus\":[1,2]}}");
        assertEquals(List.of("7.0/kyber/1", "7.0/kyber/1"), kernelAndScheduler(r));
        ScenarioRejected e = assertThrows(ScenarioRejected.class, () -> sweep(
                "{\"scenario\":{\"scheduler\":\"deadline\",\"mode\":\"sq\"},\"vary\":{\"kernel\":[\"3.16\",\"7.0\"]}}"));
        assertTrue(e.problems().stream().map(Problem::field).anyMatch(f -> f.contains("mode") || f.contains("scheduler")),
                e.problems().toString());
    }

    @Test
    void aLegacyPointOf70IsRefusedNamingModeAndWhy() {
        ScenarioRejected e = assertThrows(ScenarioRejected.class,
                () -> sweep("{\"scenario\":{},\"vary\":{\"mode\":[\"mq\",\"sq\"],\"kernel\":[\"3.16\",\"7.0\"]}}"));
        Problem p = e.problems().stream().filter(q -> q.field().contains("mode")).findFirst().orElseThrow(
                () -> new AssertionError(e.problems().toString()));
        assertTrue(p.message().contains("point 3") && p.message().contains("5.0"), p.message());
    }
}
