package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;
import java.util.TreeSet;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code dev} in the JSON of POST /api/runs (the streaming writer) and of a session (the node writer):
 * every move of a several-device run names its device, a lock move none, and a one-device run has
 * no {@code dev} anywhere.
 */
class DevJsonHttpTest extends HttpApiTest {

    @Test
    void aRunOfTwoDevicesNamesEachMovesDeviceAndAOneDeviceRunNone() throws Exception {
        Scenario two = Presets.byId("shared-tags-70").orElseThrow().scenario();
        JsonNode transitions = run(two);
        ArrayNode expected = JsonNodeFactory.instance.arrayNode();
        BlockLayerRun run = new BlockLayerRun(two);
        for (Transition t = run.next(); t != null; t = run.next()) expected.add(TransitionJson.toNode(t));
        assertEquals(expected.toString(), transitions.toString(), "streamed as the session's nodes are");
        Set<Integer> devs = new TreeSet<>();
        for (JsonNode t : transitions) {
            if (t.has("lock")) assertFalse(t.has("dev"), "a lock move is on no device: " + t);
            else devs.add(t.get("dev").intValue());
        }
        assertEquals(Set.of(0, 1), devs);

        for (JsonNode t : run(Presets.byId("requeue-70").orElseThrow().scenario())) {
            assertFalse(t.has("dev"), "one device: " + t);
        }
    }

    private JsonNode run(Scenario scenario) throws Exception {
        Http.Reply r = http.post("/api/runs?transitions=1000000", ScenarioJsonWriter.write(scenario).toString());
        assertEquals(200, r.status(), String.valueOf(r.body()));
        return r.body().get("transitions");
    }
}
