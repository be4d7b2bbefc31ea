package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.CostField;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.NumaNodes;
import org.blkflow.scenario.Scenario;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a scenario as the JSON that {@link ScenarioJson} reads: every field, in a fixed order. */
public final class ScenarioJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioJsonWriter() {
    }

    public static ObjectNode write(Scenario s) {
        ObjectNode o = NODES.objectNode();
        o.put("name", s.name());
        o.put("seed", s.seed());
        o.put("mode", s.mode());
        // Written for 7.0 only, so a 3.16 scenario reads back, and is sent, exactly as before the switch.
        if (s.modern()) o.put("kernel", s.kernel());
        o.put("scheduler", s.scheduler());
        o.put("nrRequests", s.nrRequests());
        o.put("smt", s.smt());
        if (s.numaNodes() != null) {
            ArrayNode nodes = o.putArray("numaNodes");
            s.numaNodes().forEach(n -> nodes.add(NumaNodes.format(n)));
        }
        o.put("cpus", s.cpus());
        o.put("hwQueues", s.hwQueues());
        o.put("queueDepth", s.queueDepth());
        o.put("reservedTags", s.reservedTags());
        o.set("mapping", s.kernelMapping() ? NODES.stringNode("kernel") : numbers(s.mapping()));
        o.put("merging", s.merging());
        o.set("costs", costs(s.costs()));
        o.set("device", device(s.device()));
        ArrayNode jobs = o.putArray("jobs");
        s.jobs().forEach(j -> jobs.add(job(j)));
        return o;
    }

    private static ObjectNode device(Device d) {
        ObjectNode o = NODES.objectNode();
        o.put("completionNs", d.completionNs());
        o.put("irqMode", d.irqMode());
        o.put("maxSectors", d.maxSectors());
        o.put("maxSegments", d.maxSegments());
        o.put("slots", d.slots());
        o.put("driver", d.driver());
        o.put("rings", d.rings());
        return o;
    }

    private static ObjectNode costs(Costs c) {
        ObjectNode o = NODES.objectNode();
        for (CostField f : CostField.values()) {
            o.put(f.json(), f.of(c));
        }
        return o;
    }

    private static ObjectNode job(Job j) {
        ObjectNode o = NODES.objectNode();
        o.put("name", j.name());
        o.set("cpus", j.allCpus() ? NODES.stringNode("all") : numbers(j.cpus()));
        o.put("rw", j.rw());
        o.put("rwmixread", j.rwmixread());
        o.put("bs", j.bs());
        o.put("iodepth", j.iodepth());
        o.put("ioengine", j.ioengine());
        o.put("sync", j.sync());
        o.put("plug", j.plug());
        o.put("ios", j.ios());
        o.put("offset", j.offset());
        o.put("size", j.size());
        return o;
    }

    private static ArrayNode numbers(List<Integer> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
