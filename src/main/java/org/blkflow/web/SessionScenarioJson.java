package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Scenario;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * TEMPORARY scenario JSON for the session socket, until the api branch's scenario mapping,
 * ScenarioDefaults and ScenarioValidator land on main. Reads with defaults and per-field ranges
 * (naming the field at fault), and writes the normalized scenario back. Swap it out whole.
 */
final class SessionScenarioJson {

    private static final List<String> RW = List.of("read", "write", "randread", "randwrite", "randrw");

    private SessionScenarioJson() {
    }

    static Scenario read(SessionFields s) {
        return new Scenario(
                s.string("name", "scenario"),
                s.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 1),
                s.oneOf("mode", "mq", List.of("mq")),
                (int) s.integer("cpus", 1, 64, 2),
                (int) s.integer("hwQueues", 1, 64, 1),
                (int) s.integer("queueDepth", 1, 10240, 64),
                (int) s.integer("reservedTags", 0, 10239, 0),
                mapping(s),
                s.bool("merging", true),
                device(s.optionalObject("device")),
                s.objects("jobs").stream().map(SessionScenarioJson::job).toList());
    }

    private static List<Integer> mapping(SessionFields s) {
        return spelledOr(s, "mapping", "kernel") ? null : s.integers("mapping", 0, 63);
    }

    /** True when the field is absent or spelled as the word that stands for the default. */
    private static boolean spelledOr(SessionFields s, String name, String word) {
        JsonNode v = s.raw(name);
        return v == null || v.isNull() || (v.isString() && word.equals(v.stringValue()));
    }

    private static Device device(SessionFields d) {
        return new Device(
                d.integer("completionNs", 0, 1_000_000_000_000L, 10_000),
                d.oneOf("irqMode", "softirq", List.of("none", "softirq", "timer")),
                (int) d.integer("maxSectors", 1, 65535, 256),
                (int) d.integer("maxSegments", 1, 65535, 128),
                (int) d.integer("slots", 0, 1_000_000, 0));
    }

    private static Job job(SessionFields j) {
        return new Job(
                j.string("name", "job"),
                spelledOr(j, "cpus", "all") ? null : j.integers("cpus", 0, 63),
                j.oneOf("rw", "read", RW),
                (int) j.integer("rwmixread", 0, 100, 50),
                (int) j.integer("bs", 512, 64L * 1024 * 1024, 4096),
                (int) j.integer("iodepth", 1, 65536, 1),
                j.oneOf("ioengine", "sync", List.of("sync", "libaio")),
                j.bool("sync", false),
                j.bool("plug", false),
                (int) j.integer("ios", 1, 10_000_000, 16),
                j.integer("offset", 0, Long.MAX_VALUE / 2, 0),
                j.integer("size", 512, Long.MAX_VALUE / 2, 1L << 30));
    }

    static void write(JsonGenerator g, Scenario s) {
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeNumberProperty("seed", s.seed());
        g.writeStringProperty("mode", s.mode());
        g.writeNumberProperty("cpus", s.cpus());
        g.writeNumberProperty("hwQueues", s.hwQueues());
        g.writeNumberProperty("queueDepth", s.queueDepth());
        g.writeNumberProperty("reservedTags", s.reservedTags());
        g.writeName("mapping");
        integersOr(g, s.mapping(), "kernel");
        g.writeBooleanProperty("merging", s.merging());
        Device d = s.device();
        g.writeObjectPropertyStart("device");
        g.writeNumberProperty("completionNs", d.completionNs());
        g.writeStringProperty("irqMode", d.irqMode());
        g.writeNumberProperty("maxSectors", d.maxSectors());
        g.writeNumberProperty("maxSegments", d.maxSegments());
        g.writeNumberProperty("slots", d.slots());
        g.writeEndObject();
        g.writeArrayPropertyStart("jobs");
        s.jobs().forEach(j -> writeJob(g, j));
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeJob(JsonGenerator g, Job j) {
        g.writeStartObject();
        g.writeStringProperty("name", j.name());
        g.writeName("cpus");
        integersOr(g, j.cpus(), "all");
        g.writeStringProperty("rw", j.rw());
        g.writeNumberProperty("rwmixread", j.rwmixread());
        g.writeNumberProperty("bs", j.bs());
        g.writeNumberProperty("iodepth", j.iodepth());
        g.writeStringProperty("ioengine", j.ioengine());
        g.writeBooleanProperty("sync", j.sync());
        g.writeBooleanProperty("plug", j.plug());
        g.writeNumberProperty("ios", j.ios());
        g.writeNumberProperty("offset", j.offset());
        g.writeNumberProperty("size", j.size());
        g.writeEndObject();
    }

    private static void integersOr(JsonGenerator g, List<Integer> values, String absent) {
        if (values == null) {
            g.writeString(absent);
            return;
        }
        g.writeStartArray();
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }
}
