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
        return toNode(s.cpus(), s.hwQueues(), s.queueDepth(), cpuToHctx);
    }

    public static ObjectNode toNode(int cpus, int hwQueues, int queueDepth, int[] cpuToHctx) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cpus", cpus);
        o.put("hwQueues", hwQueues);
        o.put("queueDepth", queueDepth);
        ArrayNode map = o.putArray("cpuToHctx");
        for (int hctx : cpuToHctx) {
            map.add(hctx);
        }
        return o;
    }
}
