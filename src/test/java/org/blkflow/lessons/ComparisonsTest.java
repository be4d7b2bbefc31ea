package org.blkflow.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

    @Test
    void theIssuesPresetsAreThereEachWithTwoDifferentRuns() {
        Set<String> ids = Comparisons.all().stream().map(Comparison::id).collect(Collectors.toSet());
        assertEquals(Comparisons.all().size(), ids.size(), "ids are unique");
        assertTrue(ids.containsAll(List.of("sq-vs-mq", "plug-off-vs-on", "noop-vs-cfq", "1-vs-16-hw-queues",
                "xen-single-vs-per-hctx", "k316-vs-k70")), ids.toString());
        for (Comparison c : Comparisons.all()) {
            assertNotEquals(c.a().scenario(), c.b().scenario(), c.id());
            for (Scenario s : List.of(c.a().scenario(), c.b().scenario())) {
                assertEquals(s, ScenarioLink.decode(ScenarioLink.encode(s)).scenario(), "each side travels as a link");
                BlockLayerRun run = new BlockLayerRun(s, false);
                while (run.next() != null) {
                    // every side runs to its end without breaking an invariant
                }
                assertTrue(run.steps() > 100, c.id() + " has a story to watch");
            }
        }
    }

    @Test
    void sidesDifferInWhatTheComparisonSaysTheyDifferIn() {
        Comparison mode = Comparisons.byId("sq-vs-mq").orElseThrow();
        assertEquals(List.of("sq", "mq"), List.of(mode.a().scenario().mode().label(), mode.b().scenario().mode().label()));
        Comparison hw = Comparisons.byId("1-vs-16-hw-queues").orElseThrow();
        assertEquals(List.of(1, 16), List.of(hw.a().scenario().hwQueues(), hw.b().scenario().hwQueues()));
        Comparison kernel = Comparisons.byId("k316-vs-k70").orElseThrow();
        assertEquals(kernel, Comparisons.byId("3.16-vs-7.0").orElseThrow(), "the first id still opens it");
        assertEquals(List.of(false, true), List.of(kernel.a().scenario().modern(), kernel.b().scenario().modern()));
        Comparison rings = Comparisons.byId("xen-single-vs-per-hctx").orElseThrow();
        assertEquals(List.of("single-lock", "per-hctx"),
                List.of(rings.a().scenario().device().rings().label(), rings.b().scenario().device().rings().label()));
        Comparison sched = Comparisons.byId("noop-vs-cfq").orElseThrow();
        assertEquals(List.of("noop", "cfq"), List.of(sched.a().scenario().scheduler().label(), sched.b().scenario().scheduler().label()));
        Comparison plug = Comparisons.byId("plug-off-vs-on").orElseThrow();
        assertEquals(List.of(false, true), List.of(plug.a().scenario().jobs().get(0).plug(), plug.b().scenario().jobs().get(0).plug()));
    }
}
