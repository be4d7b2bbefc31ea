package org.blkflow.web;

import org.blkflow.model.PollQueueMap;
import org.blkflow.scenario.Scenario;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The machine a run builds: what the front end lays out before the first transition. */
public final class TopologyJson {

    private TopologyJson() {
    }

    /** 7.0's poll queues are hctxs after the submit queues: counted in hwQueues, named, and their CPU map. */
    public static ObjectNode toNode(Scenario s, int[] cpuToHctx) {
        int poll = s.modern() && s.device() != null ? s.device().pollQueues() : 0;
        ObjectNode o = toNode(s.cpus(), s.hwQueues() + poll, s.queueDepth(), cpuToHctx);
        if (poll > 0) {
            o.put("pollQueues", poll);
            ArrayNode pollMap = o.putArray("cpuToPollHctx");
            for (int hctx : PollQueueMap.of(s)) pollMap.add(hctx);
        }
        // 7.0's several null_blk devices: hwQueues and cpuToHctx are each device's; device d's hctx h is
        // hctx d × hwQueues + h in the stream, its ctx for CPU c is ctx d × cpus + c, and sharedTags says
        // whether the devices' hctxs of one index draw from one tag set. Left out for one device.
        if (s.modern() && s.device() != null && s.device().count() > 1) {
            o.put("devices", s.device().count());
            o.put("sharedTags", s.device().tagsShared());
        }
        return o;
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
