package org.blkflow.web;

import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A transition as JSON, with the record's own field names; kind by its label, places as "ctx:1";
 * {@code lock} only on a lock move and {@code dev} only in a run of several devices, so every other
 * transition reads as it always did.
 * Streaming runs write straight to a generator: a million transitions never sit in memory as nodes.
 */
public final class TransitionJson {

    private TransitionJson() {
    }

    public static void write(Transition t, JsonGenerator g) {
        g.writeStartObject();
        g.writeNumberProperty("seq", t.seq());
        g.writeNumberProperty("t", t.t());
        g.writeStringProperty("kind", t.kind().label());
        g.writeStringProperty("fn", t.fn());
        g.writeStringProperty("action", t.action());
        g.writeNumberProperty("cpu", t.cpu());
        g.writeNumberProperty("pid", t.pid());
        g.writeStringProperty("comm", t.comm());
        g.writeNumberProperty("bio", t.bio());
        g.writeNumberProperty("req", t.req());
        g.writeNumberProperty("ctx", t.ctx());
        g.writeNumberProperty("hctx", t.hctx());
        g.writeNumberProperty("tag", t.tag());
        g.writeNumberProperty("sector", t.sector());
        g.writeNumberProperty("sectors", t.sectors());
        g.writeStringProperty("rwbs", t.rwbs());
        g.writeStringProperty("from", place(t.from()));
        g.writeStringProperty("to", place(t.to()));
        g.writeNumberProperty("count", t.count());
        if (t.lock() != null) g.writeStringProperty("lock", t.lock());
        if (t.dev() >= 0) g.writeNumberProperty("dev", t.dev());
        g.writeEndObject();
    }

    public static ObjectNode toNode(Transition t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("seq", t.seq());
        o.put("t", t.t());
        o.put("kind", t.kind().label());
        o.put("fn", t.fn());
        o.put("action", t.action());
        o.put("cpu", t.cpu());
        o.put("pid", t.pid());
        o.put("comm", t.comm());
        o.put("bio", t.bio());
        o.put("req", t.req());
        o.put("ctx", t.ctx());
        o.put("hctx", t.hctx());
        o.put("tag", t.tag());
        o.put("sector", t.sector());
        o.put("sectors", t.sectors());
        o.put("rwbs", t.rwbs());
        o.put("from", place(t.from()));
        o.put("to", place(t.to()));
        o.put("count", t.count());
        if (t.lock() != null) o.put("lock", t.lock());
        if (t.dev() >= 0) o.put("dev", t.dev());
        return o;
    }

    private static String place(Place p) {
        return p == null ? null : p.toString();
    }
}
