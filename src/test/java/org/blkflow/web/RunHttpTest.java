package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Real runs of the blk-mq model through POST /api/runs, checked against the same run made in-process. */
class RunHttpTest extends HttpApiTest {

    @Test
    void aWholeRunMatchesTheModelTransitionForTransition() throws Exception {
        Scenario plugMerge = preset("plug-merge");
        Http.Reply r = http.post("/api/runs?transitions=1000000", ScenarioJsonWriter.write(plugMerge).toString());
        assertEquals(200, r.status(), String.valueOf(r.body()));
        assertEquals(List.of("scenario", "topology", "stats", "transitions", "truncated"),
                List.copyOf(r.body().propertyNames()));

        RunStats stats = new RunStats();
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        BlockLayerRun run = new BlockLayerRun(plugMerge);
        for (Transition t = run.next(); t != null; t = run.next()) {
            stats.onTransition(t);
            expected.add(TransitionJson.toNode(t));
        }
        stats.recordLocks(run.lockStats());
        // Compared as text: a parsed 0 is an int node where the writer made a long one.
        assertEquals(expected.size(), r.body().get("transitions").size());
        assertEquals(expected.toString(), r.body().get("transitions").toString());
        assertEquals(StatsJson.toNode(stats).toString(), r.body().get("stats").toString());
        assertFalse(r.body().get("truncated").booleanValue());
        assertEquals(ScenarioJsonWriter.write(plugMerge).toString(), r.body().get("scenario").toString());
    }

    @Test
    void statsShowWhatThePresetTeaches() throws Exception {
        JsonNode stats = run("plug-merge", 0).get("stats");
        assertEquals(32, stats.get("bios").longValue());
        assertEquals(32, stats.get("completed").longValue());
        assertTrue(stats.get("merges").get("back").longValue() > 0, stats.toString());
        assertTrue(stats.get("requests").longValue() < 32, stats.toString());
        assertTrue(stats.get("plugs").longValue() > 0 && stats.get("unplugs").longValue() > 0, stats.toString());
        assertTrue(run("tags-exhausted", 0).get("stats").get("tagWaits").longValue() > 0);
        assertTrue(run("busy-requeue", 0).get("stats").get("requeues").longValue() > 0);
        JsonNode q2c = stats.get("latencyNs").get("q2c");
        assertTrue(q2c.get("mean").doubleValue() >= 10_000, "timer completion takes completionNs: " + q2c);
        assertTrue(stats.get("iops").doubleValue() > 0);
    }

    @Test
    void onlyTheFirstNTransitionsAreSent() throws Exception {
        JsonNode five = run("figure1", 5);
        assertEquals(5, five.get("transitions").size());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, five.get("transitions").get(i).get("seq").longValue());
        }
        assertTrue(five.get("truncated").booleanValue());
        assertTrue(five.get("stats").get("transitions").longValue() > 5, "stats cover the whole run");
        assertEquals(0, run("figure1", 0).get("transitions").size());
        assertEquals(List.of("seq", "t", "kind", "fn", "action", "cpu", "pid", "comm", "bio", "req", "ctx", "hctx",
                "tag", "sector", "sectors", "rwbs", "from", "to", "count"),
                List.copyOf(five.get("transitions").get(0).propertyNames()));
        assertEquals("queue", five.get("transitions").get(0).get("kind").stringValue());
    }

    @Test
    void theDefaultIsTenThousandTransitions() throws Exception {
        Http.Reply r = http.post("/api/runs", "{\"jobs\":[{\"ios\":1000}]}");
        assertEquals(200, r.status());
        assertEquals(RunController.DEFAULT_TRANSITIONS, r.body().get("transitions").size());
        assertTrue(r.body().get("truncated").booleanValue());
        assertEquals(4000, r.body().get("stats").get("completed").longValue());
    }

    @Test
    void topologyReportsTheKernelMap() throws Exception {
        JsonNode topology = run("figure1", 0).get("topology");
        assertEquals("{\"cpus\":4,\"hwQueues\":2,\"queueDepth\":16,\"cpuToHctx\":[0,0,1,1]}", topology.toString());
        assertEquals("[0,1]", run("fewer-ctx-than-hctx", 0).get("topology").get("cpuToHctx").toString());
    }

    private JsonNode run(String presetId, int transitions) throws Exception {
        Http.Reply r = http.post("/api/runs?transitions=" + transitions,
                ScenarioJsonWriter.write(preset(presetId)).toString());
        assertEquals(200, r.status(), String.valueOf(r.body()));
        return r.body();
    }

    private static Scenario preset(String id) {
        return Presets.all().stream().filter(p -> p.id().equals(id)).map(Preset::scenario).findFirst().orElseThrow();
    }
}
