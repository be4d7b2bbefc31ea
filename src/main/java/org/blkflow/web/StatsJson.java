package org.blkflow.web;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.stats.BlockSizes;
import org.blkflow.stats.Counts;
import org.blkflow.stats.RunStats;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code stats} object of a run, the same for POST /api/runs and the session's stats message. */
public final class StatsJson {

    private StatsJson() {
    }

    public static ObjectNode toNode(RunStats stats) {
        Counts c = stats.counts();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("transitions", c.transitions());
        o.put("bios", c.bios());
        o.put("requests", c.requests());
        o.put("completed", c.completed());
        ObjectNode merges = o.putObject("merges");
        merges.put("back", c.backMerges());
        merges.put("front", c.frontMerges());
        o.put("plugs", c.plugs());
        o.put("unplugs", c.unplugs());
        o.put("requeues", c.requeues());
        o.put("tagWaits", c.tagWaits());
        o.put("simTimeNs", stats.simTimeNs());
        o.put("iops", stats.iops());
        ObjectNode latency = o.putObject("latencyNs");
        latency.set("q2c", latency(stats.q2c()));
        latency.set("q2d", latency(stats.q2d()));
        latency.set("d2c", latency(stats.d2c()));
        o.set("locks", locks(stats.locks()));
        o.set("blockSizes", blockSizes(stats.blockSizes()));
        o.put("blockSizesOther", stats.blockSizes().other());
        if (stats.backendCpus() > 0) {
            ObjectNode backend = o.putObject("backend");
            backend.put("cpus", stats.backendCpus());
            backend.put("cpuUse", Math.round(stats.backendCpuUse() * 1000) / 1000.0);
        }
        return o;
    }

    /** [{"bs": bytes, "read": n, "write": n}], smallest first: the bios queued (Q) of each size. */
    static ArrayNode blockSizes(BlockSizes sizes) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (BlockSizes.Row r : sizes.rows()) {
            list.addObject().put("bs", r.bytes()).put("read", r.reads()).put("write", r.writes());
        }
        return list;
    }

    /** One object per lock, named as in /proc/lock_stat (wait = time spent spinning, hold = time held). */
    static ArrayNode locks(List<LockStat> locks) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (LockStat l : locks) {
            ObjectNode o = list.addObject();
            o.put("name", l.name());
            o.put("contentions", l.contentions());
            o.put("acquisitions", l.acquisitions());
            o.put("waitTimeMinNs", l.waitTimeMinNs());
            o.put("waitTimeAvgNs", l.waitTimeAvgNs());
            o.put("waitTimeMaxNs", l.waitTimeMaxNs());
            o.put("holdTimeMinNs", l.holdTimeMinNs());
            o.put("holdTimeAvgNs", l.holdTimeAvgNs());
            o.put("holdTimeMaxNs", l.holdTimeMaxNs());
            ArrayNode by = o.putArray("contendedBy");
            l.contendedBy().forEach(by::add);
        }
        return list;
    }

    private static ObjectNode latency(RunStats.Latency l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("mean", l.mean());
        o.put("p50", l.p50());
        o.put("p99", l.p99());
        return o;
    }
}
