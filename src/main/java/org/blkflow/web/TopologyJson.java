package org.blkflow.web;

import org.blkflow.scenario.Scenario;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The machine a run builds: what the front end lays out before the first transition. */
public final class TopologyJson {

    private TopologyJson() {
    }

    public static ObjectNode toNode(Scenario s, int[] cpuToHctx) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cpus", s.cpus());
        o.put("hwQueues", s.hwQueues());
        o.put("queueDepth", s.queueDepth());
        ArrayNode map = o.putArray("cpuToHctx");
        for (int hctx : cpuToHctx) {
            map.add(hctx);
        }
        return o;
    }
}
