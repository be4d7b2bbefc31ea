package org.blkflow.web;

import org.blkflow.transition.Transition;
import tools.jackson.core.JsonGenerator;

/**
 * A transition as the browser reads it: the record's own field names, the kind by its label and
 * places by their {@code "ctx:1"} spelling. Swap for the api branch's mapping once it is on main.
 */
final class SessionTransitionJson {

    private SessionTransitionJson() {
    }

    static void write(JsonGenerator g, Transition t) {
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
        g.writeStringProperty("from", t.from() == null ? null : t.from().toString());
        g.writeStringProperty("to", t.to() == null ? null : t.to().toString());
        g.writeNumberProperty("count", t.count());
        g.writeEndObject();
    }
}
