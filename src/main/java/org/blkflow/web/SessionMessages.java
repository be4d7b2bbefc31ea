package org.blkflow.web;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.model.Snapshot;
import org.blkflow.scenario.Scenario;
import org.blkflow.session.SessionState;
import org.blkflow.transition.InvariantViolation;
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

    String loaded(Scenario scenario, int[] cpuToHctx, String link) {
        return write(g -> {
            g.writeStringProperty("type", "loaded");
            g.writeName("scenario");
            SessionScenarioJson.write(g, scenario);
            g.writeObjectPropertyStart("topology");
            g.writeNumberProperty("cpus", scenario.cpus());
            g.writeNumberProperty("hwQueues", scenario.hwQueues());
            g.writeNumberProperty("queueDepth", scenario.queueDepth());
            g.writeName("cpuToHctx");
            g.writeArray(cpuToHctx, 0, cpuToHctx.length);
            g.writeEndObject();
            g.writeStringProperty("link", link);
        });
    }

    /** {@code sentAt} (epoch ms) lets a client measure how long the batch took to reach it. */
    String transitions(List<Transition> batch, long sentAtMs) {
        return write(g -> {
            g.writeStringProperty("type", "transitions");
            g.writeNumberProperty("sentAt", sentAtMs);
            g.writeArrayPropertyStart("items");
            for (Transition t : batch) {
                SessionTransitionJson.write(g, t);
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
            }
        });
    }

    /** Until the statistics of POST /api/runs reach main: how far the run has gone. */
    String stats(long transitions, long simTimeNs) {
        return write(g -> {
            g.writeStringProperty("type", "stats");
            g.writeObjectPropertyStart("stats");
            g.writeNumberProperty("transitions", transitions);
            g.writeNumberProperty("simTimeNs", simTimeNs);
            g.writeEndObject();
        });
    }

    String error(String message, String command, String field) {
        return write(g -> {
            g.writeStringProperty("type", "error");
            g.writeStringProperty("message", message);
            g.writeStringProperty("cmd", command);
            g.writeStringProperty("field", field);
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
                SessionTransitionJson.write(g, v.transition());
            }
            g.writeStringProperty("state", v.state());
        });
    }

    private static void snapshot(JsonGenerator g, Snapshot s) {
        g.writeStartObject();
        g.writeArrayPropertyStart("items");
        s.items().forEach(i -> item(g, i));
        g.writeEndArray();
        g.writeArrayPropertyStart("hctxs");
        s.hctxs().forEach(h -> hctx(g, h));
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
        g.writeNumberProperty("depth", h.depth());
        g.writeNumberProperty("dispatched", h.dispatched());
        g.writeEndObject();
    }

    private String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            body.accept(g);
            g.writeEndObject();
        }
        return out.toString();
    }
}
