package org.blkflow.web;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.session.LoadedTrace;
import org.blkflow.session.RunTimeline;
import org.blkflow.session.SessionState;
import org.blkflow.stats.RunStats;
import org.blkflow.transition.DeadlineBatch;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.LockHolders;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server → client messages of the session protocol, written with Jackson's streaming generator:
 * a play tick serialises thousands of transitions, so no intermediate tree is built.
 */
final class SessionMessages {

    private final JsonMapper json;

    SessionMessages(JsonMapper json) {
        this.json = json;
    }

    String loaded(Scenario scenario, int[] cpuToHctx) {
        return loaded(scenario, cpuToHctx, List.of());
    }

    /** @param locks every lock the run models, so the page draws each one before it is ever contended */
    String loaded(Scenario scenario, int[] cpuToHctx, List<String> locks) {
        return write(g -> {
            g.writeStringProperty("type", "loaded");
            g.writeName("scenario");
            g.writeTree(ScenarioJsonWriter.write(scenario));
            g.writeName("topology");
            g.writeTree(TopologyJson.toNode(scenario, cpuToHctx));
            g.writeStringProperty("link", ScenarioLink.encode(scenario));
            preset(g, Presets.matching(scenario).orElse(null));
            g.writeArrayPropertyStart("locks");
            locks.forEach(g::writeString);
            g.writeEndArray();
        });
    }

    /** The preset this scenario is, so the page can show its note on any load, a link's included. */
    private static void preset(JsonGenerator g, Preset p) {
        if (p == null) {
            g.writeNullProperty("preset");
            return;
        }
        g.writeObjectPropertyStart("preset");
        g.writeStringProperty("id", p.id());
        g.writeStringProperty("name", p.name());
        g.writeStringProperty("note", p.note());
        g.writeEndObject();
    }

    /** A trace replay has no scenario and no link: both are null, so a client knows which it got. */
    String loaded(LoadedTrace trace, int[] cpuToHctx) {
        return write(g -> {
            g.writeStringProperty("type", "loaded");
            g.writeObjectPropertyStart("trace");
            g.writeStringProperty("id", trace.id());
            g.writeNumberProperty("lines", trace.lines());
            g.writeArrayPropertyStart("cpus");
            trace.cpus().forEach(g::writeNumber);
            g.writeEndArray();
            g.writeArrayPropertyStart("devices");
            trace.devices().forEach(g::writeString);
            g.writeEndArray();
            g.writeNumberProperty("skipped", trace.skipped());
            g.writeEndObject();
            g.writeName("topology");
            g.writeTree(TopologyJson.toNode(trace.cpuCount(), trace.hwQueues(), trace.queueDepth(), cpuToHctx));
            g.writeNullProperty("scenario");
            g.writeNullProperty("link");
            g.writeNullProperty("preset");
        });
    }

    /**
     * The whole run's length and markers once the background scan knows them ({@code done}), or how
     * far it has got; {@code limit} is the farthest step a scan goes (and a seek may go).
     */
    String timeline(RunTimeline.Snapshot t, long limit) {
        return write(g -> {
            g.writeStringProperty("type", "timeline");
            g.writeBooleanProperty("done", t.done());
            g.writeNumberProperty("scanned", t.scanned());
            g.writeNumberProperty("limit", limit);
            if (!t.done()) {
                return;
            }
            g.writeNumberProperty("length", t.scanned());
            g.writeBooleanProperty("complete", t.complete());
            g.writeObjectPropertyStart("markers");
            t.markers().forEach((name, steps) -> {
                g.writeArrayPropertyStart(name);
                for (long k : steps) {
                    g.writeNumber(k);
                }
                g.writeEndArray();
            });
            g.writeEndObject();
        });
    }

    /** {@code sentAt} (epoch ms) lets a client measure how long the batch took to reach it. */
    String transitions(List<Transition> batch, long sentAtMs) {
        StringWriter out = new StringWriter(64 + 320 * batch.size());
        return write(out, g -> {
            g.writeStringProperty("type", "transitions");
            g.writeNumberProperty("sentAt", sentAtMs);
            g.writeArrayPropertyStart("items");
            for (Transition t : batch) {
                TransitionJson.write(t, g);
            }
            g.writeEndArray();
        });
    }

    String state(SessionState s) {
        return write(g -> {
            g.writeStringProperty("type", "state");
            g.writeNumberProperty("step", s.step());
            g.writeNumberProperty("t", s.t());
            g.writeBooleanProperty("playing", s.playing());
            g.writeBooleanProperty("finished", s.finished());
            g.writeStringProperty("reason", s.reason().label());
            if (s.snapshot() != null) {
                g.writeName("snapshot");
                snapshot(g, s.snapshot());
                locks(g, s.locks());
            }
        });
    }

    /** Each lock's holder (-1: none shown) and spinners in ticket order, as the stream left them. */
    private static void locks(JsonGenerator g, List<LockHolders.Held> locks) {
        g.writeArrayPropertyStart("locks");
        for (LockHolders.Held h : locks) {
            g.writeStartObject();
            g.writeStringProperty("lock", h.lock());
            g.writeNumberProperty("holder", h.holder());
            g.writeArrayPropertyStart("spinners");
            h.spinners().forEach(g::writeNumber);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The same statistics object as POST /api/runs, of the run up to the session's step. */
    String stats(RunStats stats) {
        return write(g -> {
            g.writeStringProperty("type", "stats");
            g.writeName("stats");
            g.writeTree(StatsJson.toNode(stats));
        });
    }

    String error(SessionCommandError e) {
        return write(g -> {
            g.writeStringProperty("type", "error");
            g.writeStringProperty("message", e.getMessage());
            g.writeStringProperty("cmd", e.command());
            g.writeStringProperty("field", e.field());
            if (!e.problems().isEmpty()) {
                List<Problem> all = e.problems();
                g.writeArrayPropertyStart("problems");
                all.subList(0, Math.min(all.size(), Problem.MAX_SHOWN)).forEach(p -> problem(g, p));
                g.writeEndArray();
                g.writeNumberProperty("problemsNotShown", Math.max(0, all.size() - Problem.MAX_SHOWN) + e.omitted());
            }
        });
    }

    String oops(InvariantViolation v, long step, long t) {
        return write(g -> {
            g.writeStringProperty("type", "oops");
            g.writeStringProperty("invariant", v.invariant());
            g.writeStringProperty("message", v.getMessage());
            g.writeNumberProperty("step", step);
            g.writeNumberProperty("t", t);
            g.writeName("transition");
            if (v.transition() == null) {
                g.writeNull();
            } else {
                TransitionJson.write(v.transition(), g);
            }
            g.writeStringProperty("state", v.state());
        });
    }

    private static void problem(JsonGenerator g, Problem p) {
        g.writeStartObject();
        g.writeStringProperty("field", p.field());
        g.writeName("value");
        g.writePOJO(p.shownValue());
        g.writeStringProperty("message", p.message());
        g.writeEndObject();
    }

    private static void snapshot(JsonGenerator g, Snapshot s) {
        g.writeStartObject();
        g.writeArrayPropertyStart("items");
        s.items().forEach(i -> item(g, i));
        g.writeEndArray();
        g.writeArrayPropertyStart("hctxs");
        s.hctxs().forEach(h -> hctx(g, h));
        g.writeEndArray();
        if (!s.dom0().empty()) dom0(g, s.dom0());
        if (!s.deadline().isEmpty()) deadline(g, s.deadline());
        g.writeEndObject();
    }

    /** 7.0's mq-deadline once it has dispatched: each lane's batch, which deadline-batch.js reads on a seek. */
    private static void deadline(JsonGenerator g, List<Snapshot.DeadlineLane> lanes) {
        g.writeArrayPropertyStart("deadline");
        for (Snapshot.DeadlineLane lane : lanes) {
            DeadlineBatch b = lane.batch();
            g.writeStartObject();
            g.writeStringProperty("elv", "elv:" + b.elv());
            g.writeStringProperty("lastDir", b.lastDir());
            g.writeNumberProperty("batching", b.batching());
            g.writeNumberProperty("starved", b.starved());
            g.writeArrayPropertyStart("latestPos");
            g.writeNumber(b.readPos());
            g.writeNumber(b.writePos());
            g.writeEndArray();
            g.writeArrayPropertyStart("dispatch");
            lane.dispatch().forEach(g::writeNumber);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** xen only, and only once the stream has moved a thread or a vCPU: blkback.js reads it on a seek. */
    private static void dom0(JsonGenerator g, Snapshot.Dom0 d) {
        g.writeObjectPropertyStart("dom0");
        g.writeArrayPropertyStart("threads");
        for (Snapshot.BlkbackThread t : d.threads()) {
            g.writeStartObject();
            g.writeNumberProperty("ring", t.ring());
            g.writeStringProperty("status", t.status());
            g.writeStringProperty("fn", t.fn());
            g.writeNumberProperty("cpu", t.cpu());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("cpus");
        for (Snapshot.Dom0Cpu c : d.cpus()) {
            g.writeStartObject();
            g.writeNumberProperty("cpu", c.cpu());
            g.writeNumberProperty("ring", c.ring());
            g.writeStringProperty("fn", c.fn());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("pcpuWaiting");
        for (int v : d.pcpuWaiting()) g.writeNumber(v);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, Snapshot.Item i) {
        g.writeStartObject();
        g.writeStringProperty("type", i.type());
        g.writeNumberProperty("id", i.id());
        g.writeStringProperty("place", String.valueOf(i.place()));
        g.writeNumberProperty("cpu", i.cpu());
        g.writeNumberProperty("sector", i.sector());
        g.writeNumberProperty("sectors", i.sectors());
        g.writeStringProperty("rwbs", i.rwbs());
        g.writeNumberProperty("tag", i.tag());
        g.writeNumberProperty("req", i.req());
        g.writeNumberProperty("hctx", i.hctx());
        if (i.dev() >= 0) g.writeNumberProperty("dev", i.dev());
        g.writeArrayPropertyStart("bios");
        for (long b : i.bios() == null ? List.<Long>of() : i.bios()) {
            g.writeNumber(b);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void hctx(JsonGenerator g, Snapshot.HctxState h) {
        g.writeStartObject();
        g.writeNumberProperty("hctx", h.hctx());
        g.writeBooleanProperty("stopped", h.stopped());
        g.writeNumberProperty("tagsUsed", h.tagsUsed());
        g.writeNumberProperty("driverTags", h.driverTags());
        g.writeNumberProperty("depth", h.depth());
        g.writeNumberProperty("dispatched", h.dispatched());
        if (h.share() != null) {
            g.writeBooleanProperty("active", h.share().active());
            g.writeNumberProperty("users", h.share().users());
            g.writeNumberProperty("share", h.share().share());
        }
        g.writeEndObject();
    }

    private String write(Consumer<JsonGenerator> body) {
        return write(new StringWriter(256), body);
    }

    private String write(StringWriter out, Consumer<JsonGenerator> body) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            body.accept(g);
            g.writeEndObject();
        }
        return out.toString();
    }
}
