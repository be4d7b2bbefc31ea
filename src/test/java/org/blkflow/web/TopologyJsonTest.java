package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.model.GoldenScenarios;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The topology the figure lays out: the POLL map it draws is the one the model's polled bios follow. */
class TopologyJsonTest {

    @Test
    void theDrawnPollMapIsWherePolledRequestsGo() {
        Scenario s = GoldenScenarios.named("poll-70");
        BlockLayerRun run = new BlockLayerRun(s);
        JsonNode topo = TopologyJson.toNode(s, run.cpuToHctx());
        JsonNode map = topo.get("cpuToPollHctx");
        assertEquals(s.cpus(), map.size());
        Set<Integer> checked = new HashSet<>();
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.kind() != TransitionKind.ISSUE || t.hctx() < s.hwQueues()) continue;
            assertEquals(map.get(t.ctx()).asInt(), t.hctx(), "CPU " + t.ctx() + "'s polled request " + t.req());
            checked.add(t.ctx());
        }
        assertFalse(checked.isEmpty(), "some request went to a poll hctx");
    }

    @Test
    void withoutPollQueuesThereIsNoPollMap() {
        Scenario s = GoldenScenarios.named("sata-70");
        JsonNode topo = TopologyJson.toNode(s, new BlockLayerRun(s).cpuToHctx());
        assertFalse(topo.has("cpuToPollHctx"));
        assertTrue(topo.has("cpuToHctx"));
    }
}
