package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.scenario.ScenarioDefaults;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class ScenarioPathTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode scenario() {
        return ScenarioJsonWriter.write(ScenarioDefaults.scenario());
    }

    @Test
    void topLevelNestedAndJobFieldsAreSet() {
        ObjectNode s = scenario();
        assertTrue(ScenarioPath.set(s, "cpus", NODES.numberNode(8)));
        assertTrue(ScenarioPath.set(s, "device.irqMode", NODES.stringNode("timer")));
        assertTrue(ScenarioPath.set(s, "costs.lockNs", NODES.numberNode(0)));
        assertTrue(ScenarioPath.set(s, "jobs[0].iodepth", NODES.numberNode(32)));
        assertEquals(8, s.get("cpus").intValue());
        assertEquals("timer", s.get("device").get("irqMode").stringValue());
        assertEquals(0, s.get("costs").get("lockNs").intValue());
        assertEquals(32, s.get("jobs").get(0).get("iodepth").intValue());
        assertEquals(ScenarioDefaults.scenario().jobs().get(0).ios(), s.get("jobs").get(0).get("ios").intValue());
    }

    @Test
    void aPathThatNamesNoFieldChangesNothing() {
        for (String path : new String[] {"cpu", "device.colour", "jobs[1].iodepth", "jobs.iodepth", "cpus[0]",
                "costs.lockNs.x", "", "device.", "jobs[x].bs"}) {
            ObjectNode s = scenario();
            assertFalse(ScenarioPath.set(s, path, NODES.numberNode(1)), path);
            assertEquals(scenario(), s, path);
        }
    }
}
